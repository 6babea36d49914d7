import type { HttpMethod } from './transport/types.js';

/**
 * - `http`: Codat answered with a non-success status.
 * - `timeout`: no complete answer within the attempt's time limit.
 * - `network`: the connection failed (refused, reset, DNS, …).
 * - `invalid-response`: a success status whose body is not JSON or doesn't fit even the tolerant schema.
 */
export type CodatErrorKind = 'http' | 'timeout' | 'network' | 'invalid-response';

export interface CodatValidationItem {
  itemId?: string | null;
  message?: string | null;
  validatorName?: string | null;
}

export interface CodatErrorInit {
  kind: CodatErrorKind;
  /** The client operation, e.g. `companies.get`. */
  operation: string;
  /** The HTTP method of the request that failed: whether it could have changed anything. */
  method?: HttpMethod;
  /** HTTP status; 0 when there was no HTTP answer (timeout, network). */
  status: number;
  message: string;
  /** Codat's `error` text from its `ErrorMessage` body. */
  codatError?: string;
  service?: string;
  correlationId?: string;
  retryAfterSeconds?: number;
  validation?: { errors: CodatValidationItem[]; warnings: CodatValidationItem[] };
  /** Low-level cause for timeouts and network failures, e.g. `ECONNREFUSED`, `TIMEOUT`. */
  code?: string;
}

/** The one error type the client throws. Never carries the API key (see redact.ts). */
export class CodatError extends Error {
  override readonly name = 'CodatError';
  readonly kind: CodatErrorKind;
  readonly operation: string;
  readonly method?: HttpMethod;
  readonly status: number;
  readonly codatError?: string;
  readonly service?: string;
  readonly correlationId?: string;
  readonly retryAfterSeconds?: number;
  readonly validation?: CodatErrorInit['validation'];
  readonly code?: string;

  constructor(init: CodatErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.operation = init.operation;
    this.method = init.method;
    this.status = init.status;
    this.codatError = init.codatError;
    this.service = init.service;
    this.correlationId = init.correlationId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.validation = init.validation;
    this.code = init.code;
  }

  toInit(): CodatErrorInit {
    return {
      kind: this.kind,
      operation: this.operation,
      method: this.method,
      status: this.status,
      message: this.message,
      codatError: this.codatError,
      service: this.service,
      correlationId: this.correlationId,
      retryAfterSeconds: this.retryAfterSeconds,
      validation: this.validation,
      code: this.code,
    };
  }

  /** Structured logging (pino, JSON.stringify) sees the fields, not just `{}`. */
  toJSON(): CodatErrorInit & { name: string } {
    return { name: this.name, ...this.toInit() };
  }
}

export function isCodatError(error: unknown): error is CodatError {
  return error instanceof CodatError;
}
