import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-admin';

interface Props {
  title: string;
  /** Why the card is there, in a line. */
  description: string;
  /** The full, filtered list behind the card. */
  seeAll?: { to: string; label: string };
  children: ReactNode;
}

/** One thing that needs attention: a heading, a few items, and the way to all of them. */
export function DashboardCard({ title, description, seeAll, children }: Props) {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} variant="outlined" sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flex: 1, display: 'grid', gap: 1, alignContent: 'start' }}>
        <Typography id={headingId} variant="h6" component="h2">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {description}
        </Typography>
        <Box>{children}</Box>
        {seeAll && (
          <Box sx={{ mt: 'auto', pt: 1 }}>
            <Link to={seeAll.to}>{seeAll.label}</Link>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** `/companies?filter={"status":"Deauthorized"}`: the companies list, filtered (and sorted). */
export function companiesLink(filter: Record<string, string>, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  return `/companies?${params.toString()}`;
}
