import { randomBytes } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Codat's `service` values seen in real error bodies. */
export type CodatService = 'PublicApi' | 'ClientsApi' | 'PullApi' | 'BankFeedsApi';

export interface ValidationItem {
  itemId: string | null;
  message: string | null;
  validatorName: string | null;
}

/** Codat's `ErrorMessage` body. `statusCode` always equals the HTTP status. */
export interface ErrorMessage {
  statusCode: number;
  service: CodatService;
  error: string;
  correlationId: string;
  validation?: { errors: ValidationItem[] | null; warnings: ValidationItem[] | null };
  canBeRetried: string;
  detailedErrorCode: number;
}

export function newCorrelationId(): string {
  return randomBytes(16).toString('hex');
}

/** Thrown anywhere in a handler; the emulator's `onError` renders it as Codat would. */
export class CodatError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly service: CodatService,
    message: string,
    readonly validationErrors?: ValidationItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorMessage {
    const body: ErrorMessage = {
      statusCode: this.status,
      service: this.service,
      error: this.message,
      correlationId: newCorrelationId(),
      canBeRetried: 'Unknown',
      detailedErrorCode: 0,
    };
    if (this.validationErrors) body.validation = { errors: this.validationErrors, warnings: null };
    return body;
  }
}

export const errors = {
  unauthorized: () => new CodatError(401, 'PublicApi', 'Unauthorized'),
  forbidden: () =>
    new CodatError(
      403,
      'PublicApi',
      'You are using an outdated API key or a key not associated with that resource.',
    ),
  companyNotFound: (id: string) =>
    new CodatError(404, 'ClientsApi', `No company was found with ID ${id}`),
  connectionNotFound: (id: string) =>
    new CodatError(404, 'PublicApi', `Data connection ${id} not found`),
  notFound: () => new CodatError(404, 'PublicApi', 'NotFound'),
  malformedQuery: (service: CodatService = 'ClientsApi') =>
    new CodatError(400, service, 'Error parsing query - Malformed query.'),
  unknownProperty: (property: string, model: string, service: CodatService = 'ClientsApi') =>
    new CodatError(
      400,
      service,
      `Error parsing query - Could not resolve property ${property} on ${model}`,
    ),
  invalidRequest: (detail?: string, items?: ValidationItem[]) =>
    new CodatError(
      400,
      'PublicApi',
      detail ? `Error processing request - ${detail}` : 'Error processing request - not valid.',
      items,
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new CodatError(
      429,
      'PublicApi',
      'You have made too many requests in a given amount of time; please retry later.',
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  serverError: () =>
    new CodatError(500, 'PublicApi', 'There is a problem with our server. Please try again later.'),
  unavailable: () =>
    new CodatError(
      503,
      'PublicApi',
      'The Codat API is temporarily offline for maintenance. Please try again later.',
    ),
  methodNotAllowed: () => new CodatError(405, 'PublicApi', 'Method Not Allowed'),
};
