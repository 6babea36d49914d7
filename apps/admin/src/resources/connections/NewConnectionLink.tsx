import { Alert, Stack, Typography } from '@mui/material';
import { useCanAccess, useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { ShareOption } from '../../share/ShareOption';
import { CopyableText } from '../../ui/CopyableText';
import { statusStyle } from './StatusPill';
import { SAGE_BANK_FEEDS_KEY, type ConnectionRecord } from './types';

/** After creating a connection: its link for the customer, fetched fresh when copied. */
export function NewConnectionLink({ connection }: { connection: ConnectionRecord }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess: canShare } = useCanAccess({ resource: 'links', action: 'reveal' });
  const name = connection.platformName;
  return (
    <Stack spacing={2}>
      <Typography>
        The {name} connection is {statusStyle(connection.status).label} until the customer authorises it. Connection id{' '}
        <CopyableText value={connection.connectionId} label={`${name} connection id`} />
      </Typography>
      {connection.platformKey === SAGE_BANK_FEEDS_KEY || !connection.shareableLinkUrl ? (
        <Alert severity="info">
          {name} is authorised inside Sage, not by a link: the customer connects from Sage with the connection id above.
        </Alert>
      ) : canShare ? (
        <ShareOption
          title={`${name} link`}
          name={name}
          recommended
          description={`Send this to the customer: it takes them straight to ${name} to authorise the new connection.`}
          fetchUrl={() => dataProvider.connectionLinkUrl(connection.id)}
        />
      ) : (
        <Alert severity="info">Ask a colleague who may share links to send the customer this connection&apos;s link.</Alert>
      )}
    </Stack>
  );
}
