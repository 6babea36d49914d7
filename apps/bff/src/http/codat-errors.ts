import { CodatError } from '@console/codat-client';
import { ApiError } from './api-error.js';

/**
 * How a Codat failure reaches the SPA. Codat's own words are kept (they never contain the key);
 * Codat's auth failures become 502 so the SPA does not mistake them for the user's session ending.
 */
export function fromCodatError(error: CodatError): ApiError {
  const correlationId = error.correlationId;
  const text = error.codatError ?? error.message;
  const make = (status: 400 | 404 | 409 | 429 | 502 | 503 | 504, code: string, message: string, headers = {}) =>
    new ApiError(status, code, message, { codatStatus: error.status, operation: error.operation }, headers, correlationId);

  if (error.kind === 'timeout') return make(504, 'codat_timeout', 'Codat did not answer in time. Try again.');
  if (error.kind === 'network') return make(503, 'codat_unreachable', 'Codat cannot be reached right now. Try again shortly.');
  if (error.kind === 'invalid-response') return make(502, 'codat_invalid_response', `Codat sent a response the console could not read: ${text}`);
  switch (error.status) {
    case 400:
      return make(400, 'codat_rejected', `Codat rejected the request: ${text}`);
    case 404:
      return make(404, 'not_found', text);
    case 409:
      return make(409, 'conflict', text);
    case 429: {
      const retryAfter = String(error.retryAfterSeconds ?? 60);
      return make(429, 'codat_rate_limited', `Codat's rate limit was reached. Try again in ${retryAfter} s.`, { 'Retry-After': retryAfter });
    }
    case 401:
    case 402:
    case 403:
      return make(502, 'codat_auth', `Codat refused the console's credentials (${error.status}): ${text}`);
    case 503:
      return make(503, 'codat_unavailable', `Codat is unavailable: ${text}`);
    default:
      return make(502, 'codat_error', `Codat failed (${error.status}): ${text}`);
  }
}

export { CodatError };
