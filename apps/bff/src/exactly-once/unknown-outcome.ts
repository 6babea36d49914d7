import { CodatError } from '@console/codat-client';
import { ApiError } from '../http/api-error.js';

/** Connection failures that happen before a request leaves: Codat cannot have seen it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether Codat may have applied a request that ended in `error`: it timed out, the connection
 * dropped after sending, or Codat's gateway gave up waiting (504). Any other answer is Codat's word.
 */
export function mayHaveHappened(error: unknown): error is CodatError {
  // A read that failed (the duplicate check's lookup, say) changed nothing.
  if (!(error instanceof CodatError) || error.method === 'GET') return false;
  if (error.kind === 'timeout') return true;
  if (error.kind === 'network') return !NOT_SENT.has(error.code ?? '');
  // A success status with a body the client could not read: it happened, with an id the console did not get.
  if (error.kind === 'invalid-response') return true;
  return error.kind === 'http' && error.status === 504;
}

export const OUTCOME_UNKNOWN = 'outcome_unknown';

/** The answer to a request whose action may have happened: say so, and where to watch it resolve. */
export function outcomeUnknown(attemptId: number, codatCorrelationId?: string): ApiError {
  return new ApiError(
    504,
    OUTCOME_UNKNOWN,
    'Codat did not confirm this in time, so it may have happened. The console is checking with Codat and will record the result: do not repeat it.',
    { operationId: attemptId, statusUrl: `/api/operations/${attemptId}` },
    {},
    codatCorrelationId,
  );
}
