import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import { useCanAccess } from 'react-admin';
import type { CompanyRecord } from '../companies/types';
import { useMirrorCompany } from '../companies/useCompany';
import { connectionRecordId } from '../connections/types';
import { useCompanyConnections } from '../connections/useCompanyConnections';
import { Empty, Loading, RequestError } from '../../ui/ListStates';
import { BankFeedConnection, type BankFeedConnectionRecord } from './BankFeedConnection';
import { useRevealedNumbers } from './useRevealedNumbers';

/** Bank-feed connections as the mirror's copy of the company lists them, oldest first. */
const mirroredBankFeeds = (company: CompanyRecord): BankFeedConnectionRecord[] =>
  company.platforms
    .filter((platform) => platform.bankFeed)
    .map(({ connectionId, name, status }) => ({ id: connectionRecordId(company.id, connectionId), companyId: company.id, connectionId, platformName: name, status }));

/**
 * The company's bank-feed connections: Codat's list once it answers; until then the mirror's, so
 * their source accounts are asked for at once rather than after a first Codat round trip. "None"
 * is only said once Codat confirms it.
 */
function useBankFeedConnections(companyId: string) {
  const live = useCompanyConnections(companyId);
  const mirror = useMirrorCompany(companyId);
  if (live.data) return { ...live, data: live.data.filter((connection) => connection.bankFeed).reverse() };
  const early = mirror.data ? mirroredBankFeeds(mirror.data) : [];
  return early.length > 0 ? { ...live, data: early, isPending: false, error: null } : live;
}

/**
 * The company's bank feeds: per bank-feed connection, its source accounts. Support and admins
 * create, edit, delete and reveal; other roles read. Revealed numbers are forgotten when the
 * panel is left.
 */
export function CompanyBankFeedsPanel({ companyId }: { companyId: string }) {
  const { canAccess: canWrite = false } = useCanAccess({ resource: 'source-accounts', action: 'create' });
  const revealer = useRevealedNumbers();
  const headingId = useId();
  const { data: bankFeeds = [], isPending, error, refetch } = useBankFeedConnections(companyId);

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography id={headingId} variant="h6" component="h2">
          Bank feeds
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Source accounts are the bank accounts fed into the customer’s accounting software. Account numbers are masked
          {canWrite ? '; revealing one is recorded in the audit log.' : '.'}
        </Typography>
        {!canWrite && (
          <Typography variant="body2" color="text.secondary">
            Your role can view source accounts; Support and Admin can change them.
          </Typography>
        )}
      </Box>
      {isPending ? (
        <Loading label="Loading bank-feed connections…" />
      ) : error ? (
        <RequestError title="Could not load the company’s connections" error={error} onRetry={() => void refetch()} />
      ) : bankFeeds.length === 0 ? (
        <Empty>
          This company has no bank-feed connections. Source accounts exist only on bank-feed connections (for example QuickBooks
          Online Bank Feeds or Sage Bank Feeds); the customer creates one through Link.
        </Empty>
      ) : (
        bankFeeds.map((connection) => <BankFeedConnection key={connection.id} connection={connection} canWrite={canWrite} revealer={revealer} />)
      )}
    </Box>
  );
}

export default CompanyBankFeedsPanel;
