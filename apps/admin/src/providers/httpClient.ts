import { CSRF_HEADER, type ApiErrorBody } from '@console/contracts';
import { HttpError } from 'react-admin';
import { beginIntent, leavesIntentOpen, type Intent } from '../operations/intentKeys';
import { pendingOperations } from '../operations/pendingOperations';
import { session } from './session';

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: string;
  json: T;
}

/** Words a staff member can act on; the ids to quote stay in the body (ui/ErrorReferences shows them). */
function errorMessage(status: number, body: ApiErrorBody | undefined): string {
  const error = body?.error;
  if (!error) return status >= 500 ? 'The console could not reach its server. Try again.' : `Request failed (${status}).`;
  return error.message;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in and sign-out are not actions to replay (and a password has no place in an intent). */
const WITHOUT_INTENT = '/api/auth/';

function intentOf(method: string, url: string, body: RequestInit['body']): Intent | undefined {
  if (SAFE_METHODS.has(method) || url.startsWith(WITHOUT_INTENT)) return undefined;
  return beginIntent(method, url, typeof body === 'string' ? body : '');
}

/**
 * fetch for the BFF: same-origin cookies, the CSRF header and an Idempotency-Key (one per user
 * intent) on state-changing calls, and BFF error bodies turned into react-admin HttpErrors
 * (`error.body` keeps the details, e.g. duplicates). An action whose outcome Codat left unknown
 * is handed to pendingOperations, which watches it settle.
 */
export async function httpClient<T = unknown>(url: string, options: RequestInit = {}): Promise<HttpResponse<T>> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  if (options.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const csrf = session.csrfToken();
  if (!SAFE_METHODS.has(method) && csrf) headers.set(CSRF_HEADER, csrf);
  const intent = intentOf(method, url, options.body ?? undefined);
  if (intent) headers.set('Idempotency-Key', intent.key);

  let response: Response;
  try {
    // Absolute against the page's origin: same URL in a browser, and what fetch needs under jsdom.
    response = await fetch(new URL(url, window.location.origin), { ...options, method, headers, credentials: 'same-origin' });
  } catch {
    throw new HttpError('The console server cannot be reached. Check your connection and try again.', 0);
  }
  const body = await response.text();
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const error = (json as ApiErrorBody | undefined)?.error;
  if (intent && !leavesIntentOpen(response.status, error?.code)) intent.end();
  const operationId = error?.code === 'outcome_unknown' ? (error.details as { operationId?: unknown } | undefined)?.operationId : undefined;
  if (typeof operationId === 'number') pendingOperations.watch(operationId);
  if (!response.ok) throw new HttpError(errorMessage(response.status, json as ApiErrorBody | undefined), response.status, json);
  return { status: response.status, headers: response.headers, body, json: json as T };
}
