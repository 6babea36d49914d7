import { List, ListItem, ListItemText } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useGetList } from 'react-admin';
import { Empty, Loading, RequestError } from '../ui/ListStates';

/** The fields of a company record the dashboard shows. */
export interface DashboardCompany {
  id: string;
  name: string;
  created: string | null;
  lastSync: string | null;
  platforms: Array<{ connectionId: string; name: string; status: string }>;
  activeErrorCount: number;
}

interface Props {
  filter: Record<string, string>;
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Only these are listed (e.g. linked companies not synced for a week). */
  keep?: (company: DashboardCompany) => boolean;
  /** The line under the company's name. */
  detail: (company: DashboardCompany) => ReactNode;
  empty: string;
  what: string;
  limit?: number;
}

/** A few companies from the companies list, each linked to its page; its own loading, empty and error states. */
export function CompanyAttentionList({ filter, sort, keep, detail, empty, what, limit = 5 }: Props) {
  const { data, total, isPending, error, refetch } = useGetList<DashboardCompany>(
    'companies',
    { filter, sort, pagination: { page: 1, perPage: limit } },
    { retry: false },
  );
  if (isPending) return <Loading label={`Loading ${what}…`} />;
  if (error) return <RequestError title={`Could not load ${what}`} error={error} onRetry={() => void refetch()} />;
  const companies = (data ?? []).filter(keep ?? (() => true));
  if (companies.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <List dense disablePadding aria-label={what}>
        {companies.map((company) => (
          <ListItem key={company.id} disableGutters>
            <ListItemText
              primary={<Link to={`/companies/${company.id}/show`}>{company.name}</Link>}
              secondary={detail(company)}
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        ))}
      </List>
      {!keep && total !== undefined && total > companies.length && <Empty>{total - companies.length} more.</Empty>}
    </>
  );
}
