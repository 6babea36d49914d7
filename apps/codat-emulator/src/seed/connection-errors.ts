import { timestamp } from './flat-strings.js';
import type { DataConnectionError } from '../store/types.js';

type ErrorText = Pick<DataConnectionError, 'statusCode' | 'statusText' | 'errorMessage'>;

/**
 * `dataConnectionErrors` vocabulary. The 401 and 403 texts are Codat's documented ones
 * (CODAT.md §11); the others follow the same family: HTTP-ish code from the platform or Link,
 * the platform's raw status text, Codat's message.
 */
export const CONNECTION_ERRORS = {
  deauthorized: {
    statusCode: '401',
    statusText: 'The integration de-authorized access to the connection.',
    errorMessage: 'The integration de-authorized access to the connection.',
  },
  tokenExpired: {
    statusCode: '401',
    statusText: 'invalid_grant',
    errorMessage: 'The refresh token has expired. The user must link the connection again.',
  },
  userCancelled: { statusCode: '403', statusText: 'User cancelled linking', errorMessage: 'User cancelled' },
  missingPermissions: {
    statusCode: '403',
    statusText: 'Forbidden',
    errorMessage: 'The user who linked the connection does not have permission to read company data.',
  },
  rateLimited: {
    statusCode: '429',
    statusText: 'Too Many Requests',
    errorMessage: 'The platform is rate limiting requests. Syncs resume when its limit resets.',
  },
  platformError: { statusCode: '500', statusText: 'Internal Server Error', errorMessage: 'Unknown error occurred.' },
  platformUnavailable: {
    statusCode: '503',
    statusText: 'Service Unavailable',
    errorMessage: 'The platform is temporarily unavailable.',
  },
} satisfies Record<string, ErrorText>;

export type ConnectionErrorKind = keyof typeof CONNECTION_ERRORS;

export function activeError(kind: ConnectionErrorKind, erroredMs: number): DataConnectionError {
  return { ...CONNECTION_ERRORS[kind], erroredOnUtc: timestamp(erroredMs), status: 'Active' };
}

export function resolvedError(kind: ConnectionErrorKind, erroredMs: number, resolvedMs: number): DataConnectionError {
  return {
    ...CONNECTION_ERRORS[kind],
    erroredOnUtc: timestamp(erroredMs),
    status: 'Resolved',
    resolvedOnUtc: timestamp(resolvedMs),
  };
}
