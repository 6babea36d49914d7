import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { DateText } from '../../share/DateText';
import { CopyableText } from '../../ui/CopyableText';
import { sourceTypeLabel } from '../integrations/types';
import { PlatformLogo } from '../integrations/PlatformLogo';
import { ConnectionActions } from './ConnectionActions';
import { ConnectionErrors } from './ConnectionErrors';
import { StatusPill } from './StatusPill';
import type { ConnectionRecord } from './types';

/** One connection: platform and status, dates, id to copy, its errors, and what may be done to it. */
export function ConnectionItem({ connection, logoUrl }: { connection: ConnectionRecord; logoUrl?: string }) {
  const titleId = useId();
  const errorsId = useId();
  return (
    <Card component="article" aria-labelledby={titleId} variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <PlatformLogo name={connection.platformName} logoUrl={logoUrl} size={32} />
          <Typography id={titleId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {connection.platformName}
          </Typography>
          <StatusPill status={connection.status} />
          <Chip size="small" variant="outlined" label={sourceTypeLabel(connection.sourceType)} />
          <Box sx={{ flexGrow: 1 }} />
          <ConnectionActions connection={connection} />
        </Stack>
        <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography variant="body2" component="span">
            Created <DateText value={connection.created} />
          </Typography>
          <Typography variant="body2" component="span">
            Last sync <DateText value={connection.lastSync} empty="never" />
          </Typography>
          <Typography variant="body2" component="span">
            Connection id <CopyableText value={connection.connectionId} label={`${connection.platformName} connection id`} />
          </Typography>
        </Stack>
        <Box sx={{ mt: 1.5 }}>
          <ConnectionErrors errors={connection.errors} headingId={errorsId} />
        </Box>
      </CardContent>
    </Card>
  );
}
