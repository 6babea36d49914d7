import { formatRelative, parseTimestamp } from '../ui/format';
import { CompanyAttentionList, type DashboardCompany } from './CompanyAttentionList';
import { companiesLink, DashboardCard } from './DashboardCard';

const STALE_DAYS = 7;
const platformsWith = (company: DashboardCompany, status: string) =>
  company.platforms.filter((p) => p.status === status).map((p) => p.name).join(', ') || 'a connection';

/** Support: customers whose connection was deauthorised — they must relink before data flows again. */
export function BrokenConnectionsCard() {
  return (
    <DashboardCard
      title="Connections that broke"
      description="Deauthorized: the customer must relink. Most recently synced first, so fresh breaks come first."
      seeAll={{ to: companiesLink({ status: 'Deauthorized' }), label: 'See all deauthorized companies' }}
    >
      <CompanyAttentionList
        what="companies with deauthorized connections"
        filter={{ status: 'Deauthorized' }}
        sort={{ field: 'lastSync', order: 'DESC' }}
        empty="No deauthorized connections. Nothing to chase."
        detail={(c) =>
          `${platformsWith(c, 'Deauthorized')} deauthorized${c.activeErrorCount ? ` · ${c.activeErrorCount} active error${c.activeErrorCount === 1 ? '' : 's'}` : ''}${c.lastSync ? ` · last sync ${formatRelative(c.lastSync)}` : ''}`
        }
      />
    </DashboardCard>
  );
}

const staleSince = (company: DashboardCompany) => {
  const last = parseTimestamp(company.lastSync)?.getTime();
  return last !== undefined && Date.now() - last > STALE_DAYS * 86_400_000;
};

/** Support: linked, yet no data for a week — syncs failing, or a platform about to deauthorise. */
export function NotSyncingCard() {
  return (
    <DashboardCard
      title="Linked but not syncing"
      description={`Linked companies whose last sync is more than ${STALE_DAYS} days old: their reads are failing, and platforms deauthorize connections left idle for 60–100 days.`}
      seeAll={{ to: companiesLink({ status: 'Linked' }, { field: 'lastSync', order: 'ASC' }), label: 'See linked companies, oldest sync first' }}
    >
      <CompanyAttentionList
        what="linked companies that stopped syncing"
        filter={{ status: 'Linked' }}
        sort={{ field: 'lastSync', order: 'ASC' }}
        keep={staleSince}
        empty={`Every linked company synced in the last ${STALE_DAYS} days.`}
        detail={(c) => `Last sync ${formatRelative(c.lastSync)} · open the Data tab for the failing reads`}
      />
    </DashboardCard>
  );
}

/** Customer success: connections started but never authorised — send the customer a fresh Link URL. */
export function PendingConnectionsCard() {
  return (
    <DashboardCard
      title="Pending connections to chase"
      description="The customer started connecting but did not finish. Open the company to share a fresh Link URL for that connection."
      seeAll={{ to: companiesLink({ status: 'PendingAuth' }), label: 'See all companies with pending connections' }}
    >
      <CompanyAttentionList
        what="companies with pending connections"
        filter={{ status: 'PendingAuth' }}
        sort={{ field: 'created', order: 'DESC' }}
        empty="No pending connections. Every customer who started connecting has finished."
        detail={(c) => `${platformsWith(c, 'PendingAuth')} pending${c.created ? ` · company created ${formatRelative(c.created)}` : ''}`}
      />
    </DashboardCard>
  );
}
