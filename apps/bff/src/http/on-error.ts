import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../observability/logger.js';
import { ApiError } from './api-error.js';
import { CodatError, fromCodatError } from './codat-errors.js';

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof CodatError) return fromCodatError(error);
  if (error instanceof HTTPException) {
    const status = error.status;
    return new ApiError(status, status === 413 ? 'payload_too_large' : 'http_error', error.message || 'Request failed.');
  }
  return new ApiError(500, 'internal', 'Something went wrong in the console. Quote the request id to support.');
}

/** The BFF's single error renderer: `{ error: { code, message, requestId, codatCorrelationId? } }`. */
export function onError(logger: Logger): ErrorHandler {
  return (error, c) => {
    const apiError = toApiError(error);
    const requestId = c.get('requestId') as string | undefined;
    const log = apiError.status >= 500 ? 'error' : 'warn';
    logger[log]({
      requestId,
      status: apiError.status,
      code: apiError.code,
      codatCorrelationId: apiError.codatCorrelationId,
      // A stack only for unexpected failures, and only in the log.
      err: apiError.status === 500 && error instanceof Error ? { message: error.message, stack: error.stack } : undefined,
    }, apiError.message);
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.json(
      {
        error: {
          code: apiError.code,
          message: apiError.message,
          requestId,
          ...(apiError.details ? { details: apiError.details } : {}),
          ...(apiError.codatCorrelationId ? { codatCorrelationId: apiError.codatCorrelationId } : {}),
        },
      },
      apiError.status,
    );
  };
}
