import { isOperationSettled, type OperationRecord } from '@console/contracts';

/**
 * Actions whose outcome the BFF is still checking with Codat (a 504 `outcome_unknown` names them),
 * with their final record once settled. The ids still pending are kept in session storage, so a
 * reload keeps watching them. PendingOperations polls and shows them.
 */
const STORAGE_KEY = 'console.pendingOperations';

export interface WatchedOperation {
  id: number;
  /** The BFF's latest word on it, once asked. */
  record?: OperationRecord;
}

export const isSettled = (operation: WatchedOperation) => operation.record !== undefined && isOperationSettled(operation.record.state);

type Listener = () => void;
const listeners = new Set<Listener>();

function stored(): WatchedOperation[] {
  try {
    const ids = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)).map((id) => ({ id })) : [];
  } catch {
    return [];
  }
}

let snapshot: WatchedOperation[] = stored();

function update(next: WatchedOperation[]): void {
  snapshot = next;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.filter((operation) => !isSettled(operation)).map((operation) => operation.id)));
  for (const listener of listeners) listener();
}

export const pendingOperations = {
  watch: (id: number) => void (snapshot.some((operation) => operation.id === id) || update([...snapshot, { id }])),
  record: (record: OperationRecord) => update(snapshot.map((operation) => (operation.id === record.id ? { id: record.id, record } : operation))),
  dismiss: (id: number) => update(snapshot.filter((operation) => operation.id !== id)),
  /** For useSyncExternalStore. */
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  list: () => snapshot,
  find: (id: number | undefined) => snapshot.find((operation) => operation.id === id),
};
