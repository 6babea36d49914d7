import { BulkRefreshButton } from '../jobs/BulkRefreshButton';

/** Refreshes every company an error group affects now, as one server-side job. */
export function GroupRefreshButton({ groupId, companies }: { groupId: string; companies: number }) {
  return (
    <BulkRefreshButton
      selection={{ errorGroupId: groupId }}
      label="Refresh all affected companies"
      confirmation={`Refresh ${companies} companies? Codat will read all data again for each affected company's Linked connections, once per company; data types it is already reading are skipped. The job runs on the server: you can watch it, cancel it and resume it.`}
    />
  );
}
