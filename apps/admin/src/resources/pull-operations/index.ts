/**
 * Read only through the company page's Data panel (its sync history); no screen of its own.
 * Components are not re-exported here so that importing the resource config stays cheap.
 */
export const pullOperations = { name: 'pull-operations' };
export type { PullOperationRecord, SyncProgress } from './types';
