import { Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DateText } from '../../share/DateText';
import { CopyableText } from '../../ui/CopyableText';
import { formatDateTime } from '../../ui/format';
import { PlatformPill } from '../connections/StatusPill';
import type { CompanyRecord } from './types';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ fontWeight: 500 }}>
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
        {children}
      </Box>
    </>
  );
}

function When({ value, empty }: { value: string | null; empty: string }) {
  if (!value) return <Typography variant="body2">{empty}</Typography>;
  return (
    <Typography variant="body2" component="span">
      {formatDateTime(value)} · <DateText value={value} />
    </Typography>
  );
}

/** Who the company is: ids to copy (company and each connection), merchant id, description, tags, dates. */
export function CompanyOverview({ company }: { company: CompanyRecord }) {
  const tags = Object.entries(company.tags);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: 1.5, m: 0 }}>
      <Row label="Company id">
        <CopyableText value={company.id} label="company id" />
      </Row>
      <Row label="Merchant id">
        {company.merchantId ? <CopyableText value={company.merchantId} label="merchant id" /> : <Typography variant="body2">None</Typography>}
      </Row>
      <Row label="Description">
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
          {company.description || 'None'}
        </Typography>
      </Row>
      <Row label="Tags">
        {tags.length === 0 ? (
          <Typography variant="body2">None</Typography>
        ) : (
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {tags.map(([key, value]) => (
              <Chip key={key} size="small" variant="outlined" label={`${key}: ${value}`} />
            ))}
          </Stack>
        )}
      </Row>
      <Row label="Created">
        <When value={company.created} empty="Unknown" />
      </Row>
      <Row label="Last sync">
        <When value={company.lastSync} empty="Never synced" />
      </Row>
      <Row label="Connections">
        {company.platforms.length === 0 ? (
          <Typography variant="body2">None yet: share the Company Link URL so the customer can connect.</Typography>
        ) : (
          <Stack spacing={0.5}>
            {company.platforms.map((platform) => (
              <Stack key={platform.connectionId} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <PlatformPill name={platform.name} status={platform.status} />
                <CopyableText value={platform.connectionId} label={`${platform.name} connection id`} />
              </Stack>
            ))}
          </Stack>
        )}
      </Row>
    </Box>
  );
}
