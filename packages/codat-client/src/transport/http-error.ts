import { CodatError } from '../errors.js';
import { errorMessageSchema } from '../schemas/error-message.js';
import type { CodatResponse } from './types.js';

const BODY_EXCERPT_LENGTH = 200;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A non-success answer as a CodatError: Codat's `ErrorMessage` fields when the body is one, else an excerpt. */
export function errorFromResponse(
  operation: string,
  response: CodatResponse,
  retryAfterMs: number | undefined,
): CodatError {
  const parsed = errorMessageSchema.safeParse(parseJson(response.text));
  const body = parsed.success ? parsed.data : undefined;
  const codatError = body?.error ?? undefined;
  const excerpt = response.text.trim().slice(0, BODY_EXCERPT_LENGTH);
  const detail =
    codatError ?? (body === undefined && excerpt ? `unexpected body: ${excerpt}` : undefined);
  const validation = body?.validation;
  return new CodatError({
    kind: 'http',
    operation,
    status: response.status,
    message: `${operation}: Codat answered HTTP ${response.status}${detail ? ` — ${detail}` : ''}`,
    codatError,
    service: body?.service ?? undefined,
    correlationId: body?.correlationId ?? undefined,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    validation: validation
      ? { errors: validation.errors ?? [], warnings: validation.warnings ?? [] }
      : undefined,
  });
}
