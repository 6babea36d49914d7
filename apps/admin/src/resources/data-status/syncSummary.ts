import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { PullOperationRecord } from '../pull-operations/types';
import { statusKind } from './datasetStatus';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The sentence announced when a watched sync ends: how the reads that were running ended,
 * looked up in the company's recent pull operations. Without that list, a plain "finished".
 */
export async function summariseFinished(
  dataProvider: ConsoleDataProvider,
  companyId: string,
  watched: PullOperationRecord[],
): Promise<string> {
  const base = 'Sync finished: data status and sync history are up to date.';
  if (watched.length === 0) {
    return 'No read is running now: Codat finished the refresh at once or has not started it. Data status and sync history below are up to date.';
  }
  let recent: PullOperationRecord[];
  try {
    const { data } = await dataProvider.getList<PullOperationRecord>('pull-operations', {
      filter: { companyId },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'requested', order: 'DESC' },
    });
    recent = data;
  } catch {
    return base;
  }
  const outcomes = watched.map((op) => recent.find((r) => r.id === op.id) ?? op);
  const failed = outcomes.filter((op) => statusKind(op.status) === 'error');
  const complete = outcomes.filter((op) => op.status === 'Complete').length;
  const parts = [`${plural(outcomes.length, 'read')} finished`, `${complete} complete`];
  if (failed.length > 0) parts.push(`${failed.length} failed (${failed.map((op) => `${op.dataType}: ${op.status}`).join(', ')})`);
  const skipped = outcomes.filter((op) => statusKind(op.status) === 'neutral').length;
  if (skipped > 0) parts.push(`${skipped} not read (cancelled or not supported)`);
  return `Sync finished: ${parts.join(', ')}.`;
}
