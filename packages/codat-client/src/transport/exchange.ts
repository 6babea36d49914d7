import type { Dispatcher } from 'undici';
import { CodatError } from '../errors.js';
import type { CodatResponse, HttpMethod } from './types.js';

export interface Exchange {
  operation: string;
  method: HttpMethod;
  origin: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/**
 * One HTTP request/response, body included, within `timeoutMs`. Any failure to get a complete
 * answer becomes a CodatError of kind `timeout` or `network` (status 0).
 */
export async function exchange(dispatcher: Dispatcher, request: Exchange): Promise<CodatResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new CodatError({
        kind: 'timeout',
        operation: request.operation,
        status: 0,
        code: 'TIMEOUT',
        message: `${request.operation}: no complete answer from Codat within ${request.timeoutMs} ms`,
      });
    }
    const cause = error as { code?: unknown; message?: unknown };
    const code = typeof cause.code === 'string' ? cause.code : 'NETWORK';
    const detail = typeof cause.message === 'string' && cause.message ? `: ${cause.message}` : '';
    throw new CodatError({
      kind: 'network',
      operation: request.operation,
      status: 0,
      code,
      message: `${request.operation}: network error talking to Codat (${code})${detail}`,
    });
  } finally {
    clearTimeout(timer);
  }
}
