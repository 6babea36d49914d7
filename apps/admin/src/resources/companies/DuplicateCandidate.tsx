import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { visuallyHidden } from '../../ui/visuallyHidden';
import { DateText } from '../../share/DateText';
import { PlatformPills } from './PlatformPills';
import type { DuplicateCandidate as Candidate, DuplicateReason } from './types';

const REASONS: Record<DuplicateReason, string> = {
  merchantId: 'Same merchant id',
  sameName: 'Same name',
  similarName: 'Similar name',
};

/** An existing company that may be the customer: why it matched, its connections and dates, and "Use this one". */
export function DuplicateCandidate({ candidate, onUse }: { candidate: Candidate; onUse: () => void }) {
  const titleId = useId();
  return (
    <Card component="article" aria-labelledby={titleId} variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {candidate.name}
          </Typography>
          {candidate.matchedOn.map((reason) => (
            <Chip key={reason} size="small" variant="outlined" label={REASONS[reason] ?? reason} sx={{ color: '#6b4500', borderColor: '#b26a00' }} />
          ))}
          <Box sx={{ flexGrow: 1 }} />
          <Button variant="contained" size="small" onClick={onUse}>
            Use this one
            <Box component="span" sx={visuallyHidden}>
              : {candidate.name}
            </Box>
          </Button>
        </Stack>
        {candidate.merchantId && (
          <Typography variant="body2" color="text.secondary">
            Merchant id {candidate.merchantId}
          </Typography>
        )}
        <Box sx={{ my: 1 }}>
          <PlatformPills company={candidate} />
        </Box>
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Typography variant="body2" component="span">
            Created <DateText value={candidate.created} empty="unknown" />
          </Typography>
          <Typography variant="body2" component="span">
            Last sync <DateText value={candidate.lastSync} empty="never" />
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}
