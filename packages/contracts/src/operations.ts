/**
 * What became of an action (`GET /api/operations/:id`): `running` until its request answers,
 * `unknown` while the console checks Codat after a timeout, then `ok`, `failed` or `refused`.
 */
export const OPERATION_STATES = ['running', 'unknown', 'ok', 'failed', 'refused'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export const isOperationSettled = (state: OperationState) => state !== 'running' && state !== 'unknown';

export interface OperationRecord {
  /** The audit id of the action's attempt. */
  id: number;
  /** `<area>.<verb>`, as in the audit log. */
  action: string;
  state: OperationState;
  startedAt: string;
  finishedAt: string | null;
  companyId: string | null;
  companyName: string | null;
  connectionId: string | null;
  sourceAccountId: string | null;
  reason: string | null;
  /** The final outcome came from looking in Codat after an unknown answer or a crash. */
  checkedInCodat: boolean;
}
