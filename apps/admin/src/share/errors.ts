/** An error's sentence (its request id is shown apart: ui/ErrorReferences). */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong and no reason was given. Try again.';
}

/** The BFF's error code (`possible_duplicate`, `conflict`, …) from an HttpError's body. */
export function errorCode(error: unknown): string | undefined {
  const body = (error as { body?: { error?: { code?: unknown } } } | undefined)?.body;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}

/** The BFF's `error.details` from an HttpError's body. */
export function errorDetails<T>(error: unknown): T | undefined {
  return (error as { body?: { error?: { details?: T } } } | undefined)?.body?.error?.details;
}
