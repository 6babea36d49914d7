import { useCanAccess } from 'react-admin';
import { ExportLink } from '../../reports/ExportLink';

/** The group's outreach list for customer success; with a fresh relink URL per connection for roles that may share links. */
export function OutreachExportLink({ groupId }: { groupId: string }) {
  const { canAccess: canRevealLinks } = useCanAccess({ resource: 'links', action: 'show' });
  return (
    <ExportLink href={`/api/connection-error-groups/${encodeURIComponent(groupId)}/outreach/export`}>
      {canRevealLinks ? 'Export outreach list with relink URLs (CSV)' : 'Export outreach list (CSV)'}
    </ExportLink>
  );
}
