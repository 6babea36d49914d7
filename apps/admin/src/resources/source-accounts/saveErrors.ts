import { HttpError } from 'react-admin';
import type { FieldError } from './types';

/**
 * Field errors in a BFF refusal: a 400 lists them in `details.errors`; a 409 on create means the
 * account id is taken on this connection.
 */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof HttpError)) return [];
  const body = error.body as { error?: { code?: string; details?: { errors?: unknown } } } | undefined;
  const errors = body?.error?.details?.errors;
  if (error.status === 400 && Array.isArray(errors)) return errors as FieldError[];
  if (error.status === 409 && body?.error?.code === 'conflict') return [{ field: 'id', message: 'already exists on this connection: choose another id' }];
  return [];
}
