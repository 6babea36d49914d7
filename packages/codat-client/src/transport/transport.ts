import { CodatError } from '../errors.js';
import { createDispatch, notify, type DispatchOptions } from './dispatch.js';
import { errorFromResponse } from './http-error.js';
import {
  backoffDelayMs,
  isIdempotent,
  isRetryableStatus,
  parseRetryAfterMs,
  type RetryOptions,
} from './retry-policy.js';
import type { CodatRequest, CodatResponse, RateLimitSnapshot } from './types.js';

export interface TransportOptions extends DispatchOptions {
  timeoutMs: number;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface Transport {
  /** Resolves with a 2xx (or `resultStatuses`) answer; otherwise throws a CodatError after any retries. */
  send(request: CodatRequest): Promise<CodatResponse>;
  readonly rateLimit: RateLimitSnapshot | undefined;
}

interface Failure {
  error: CodatError;
  retryAfterMs?: number;
}

function retryReason(error: CodatError): string {
  return error.kind === 'http' ? `http-${error.status}` : error.kind;
}

export function createTransport(options: TransportOptions): Transport {
  const { observer, retry, now } = options;
  const dispatch = createDispatch(options);

  async function attemptOrFailure(
    request: CodatRequest,
    timeoutMs: number,
  ): Promise<CodatResponse | Failure> {
    try {
      const response = await dispatch.attempt(request, timeoutMs);
      const { status } = response;
      if ((status >= 200 && status < 300) || request.resultStatuses?.includes(status)) {
        return response;
      }
      const retryAfterMs = parseRetryAfterMs(response.headers['retry-after'], now());
      return { error: errorFromResponse(request.operation, response, retryAfterMs), retryAfterMs };
    } catch (error) {
      if (error instanceof CodatError) return { error };
      throw error;
    }
  }

  function retryDelayMs(failure: Failure, attemptNumber: number): number | undefined {
    const { error } = failure;
    const retryable =
      error.kind === 'timeout' ||
      error.kind === 'network' ||
      (error.kind === 'http' && isRetryableStatus(error.status));
    if (!retryable) return undefined;
    // Retry-After is a floor; the jitter on top spreads callers that got the same value.
    return Math.max(
      failure.retryAfterMs ?? 0,
      backoffDelayMs(attemptNumber, retry, options.random),
    );
  }

  async function send(request: CodatRequest): Promise<CodatResponse> {
    const deadline = now() + retry.maxTotalMs;
    const idempotent = isIdempotent(request.method);
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      // The first attempt always gets the full timeout; later ones never outlast the total budget.
      const timeoutMs =
        attemptNumber === 1
          ? options.timeoutMs
          : Math.max(1, Math.min(options.timeoutMs, deadline - now()));
      const outcome = await attemptOrFailure(request, timeoutMs);
      if (!('error' in outcome)) return outcome;
      const delayMs = idempotent ? retryDelayMs(outcome, attemptNumber) : undefined;
      const giveUp =
        delayMs === undefined || attemptNumber >= retry.maxAttempts || now() + delayMs >= deadline;
      if (giveUp) throw outcome.error;
      notify(() =>
        observer?.onRetry?.(request.operation, attemptNumber, retryReason(outcome.error)),
      );
      await options.sleep(delayMs);
    }
  }

  return {
    send,
    get rateLimit() {
      return dispatch.rateLimit;
    },
  };
}
