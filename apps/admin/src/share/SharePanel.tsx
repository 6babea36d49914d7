import type { Permission } from '@console/contracts';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Button, Card, CardContent, Divider, Typography } from '@mui/material';
import { useId } from 'react';
import { useDataProvider, usePermissions } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useApiQuery } from '../reports/useApiQuery';
import type { CompanyRecord } from '../resources/companies/types';
import { SAGE_BANK_FEEDS_KEY, type ConnectionRecord } from '../resources/connections/types';
import { useCompanyConnections } from '../resources/connections/useCompanyConnections';
import { CopyableText } from '../ui/CopyableText';
import { Loading, RequestError } from '../ui/ListStates';
import { ShareOption } from './ShareOption';

const NEEDS_AUTHORISING = new Set(['PendingAuth', 'Deauthorized']);

function ConnectionOption({ connection, recommended }: { connection: ConnectionRecord; recommended: boolean }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const name = connection.platformName;
  const description =
    connection.status === 'Deauthorized'
      ? `${name} access was revoked. This link takes the customer straight to ${name} to reconnect this connection: no new connection, no new billing.`
      : `The customer started connecting ${name} but did not finish. This link takes them straight to ${name} to authorise it.`;
  return (
    <ShareOption
      title={`${name} link (${connection.status === 'Deauthorized' ? 'reconnect' : 'finish connecting'})`}
      name={name}
      description={description}
      recommended={recommended}
      fetchUrl={() => dataProvider.connectionLinkUrl(connection.id)}
    />
  );
}

function SageNote({ connection }: { connection: ConnectionRecord }) {
  return (
    <Alert severity="info" sx={{ my: 1 }}>
      {connection.platformName} ({connection.status}) is authorised inside Sage, not by a link: do not send this connection&apos;s
      link. The customer connects from Sage with this connection id: <CopyableText value={connection.connectionId} label="Sage connection id" />
    </Alert>
  );
}

function InviteUnavailable() {
  const { permissions } = usePermissions<Permission[]>();
  return (
    <Box sx={{ py: 1.5 }}>
      <Button size="small" variant="outlined" startIcon={<ContentCopyIcon />} disabled>
        Copy invite URL
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        This console has no invite URL set up: share the Company Link URL instead.
      </Typography>
      {permissions?.includes('staff.manage') && (
        <Typography variant="caption" color="text.secondary">
          Admins: set CODAT_INVITE_URL to the Codat Portal&apos;s &quot;Invite company&quot; URL and restart the console.
        </Typography>
      )}
    </Box>
  );
}

function InviteOption({ companyName }: { companyName: string }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data } = useApiQuery<{ available: boolean }>('/invite-url/availability');
  return (
    <Accordion disableGutters elevation={0} sx={{ '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} sx={{ px: 0 }}>
        <Typography variant="body2">Onboarding many new customers at once? Invite URL</Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ px: 0 }}>
        {data?.available === false ? (
          <InviteUnavailable />
        ) : (
          <ShareOption
            title="Invite URL (bulk onboarding)"
            name="Invite"
            copyLabel="Copy invite URL"
            description="One URL for the whole client: each visitor types a company name and gets a company of their own. Nobody can manage those connections later."
            warning={
              <>
                It creates a NEW company for every visitor, and new, possibly billable connections. Never send it to an existing
                customer such as {companyName}: use the Company Link URL instead.
              </>
            }
            fetchUrl={() => dataProvider.inviteUrl()}
          />
        )}
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The URL to send a customer, for their situation: a pending or deauthorized connection's own link
 * (not for Sage Bank Feeds or Linked connections), else the company Link URL; the invite URL with
 * its warning. Every URL is fetched when copied and the BFF audits it. Only for roles with links.reveal.
 */
export function SharePanel({ company }: { company: CompanyRecord }) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const titleId = useId();
  const { data: connections, isPending, error, refetch } = useCompanyConnections(company.id);
  const needing = (connections ?? []).filter((connection) => NEEDS_AUTHORISING.has(connection.status));
  const sage = needing.filter((connection) => connection.platformKey === SAGE_BANK_FEEDS_KEY);
  const shareable = needing.filter((connection) => connection.platformKey !== SAGE_BANK_FEEDS_KEY && connection.shareableLinkUrl);

  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined">
      <CardContent>
        <Typography id={titleId} variant="h6" component="h2">
          Share with the customer
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Links are fetched fresh when you copy them (some work once or expire), and every copy is recorded in the audit log.
        </Typography>
        {isPending && <Loading label="Checking the connections…" />}
        {error != null && <RequestError title="Connection links are unavailable" error={error} onRetry={() => void refetch()} />}
        {shareable.map((connection, index) => (
          <ConnectionOption key={connection.id} connection={connection} recommended={index === 0} />
        ))}
        {sage.map((connection) => (
          <SageNote key={connection.id} connection={connection} />
        ))}
        <ShareOption
          title="Company Link URL"
          name={company.name}
          recommended={!isPending && shareable.length === 0}
          description="For new and returning customers of this company: they connect new platforms and manage existing ones. Reusing it avoids duplicate, billable companies."
          fetchUrl={() => dataProvider.companyLinkUrl(company.id)}
        />
        <Divider />
        <InviteOption companyName={company.name} />
      </CardContent>
    </Card>
  );
}
