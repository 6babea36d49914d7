import { secretForms } from './auth.js';
import { CodatError, type CodatValidationItem } from './errors.js';
import type { HttpMethod } from './transport/types.js';

const REDACTED = '[redacted]';

export type Redact = (text: string) => string;

/** Removes the API key in every form it travels in. */
export function createRedactor(apiKey: string): Redact {
  const secrets = secretForms(apiKey)
    .filter((secret, index, all) => secret.length > 0 && all.indexOf(secret) === index)
    // Longest first, so a secret that contains another is removed whole.
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/**
 * Rebuilds an error with every text field redacted. A new instance, so the stack trace is
 * captured from the redacted message and no unredacted original stays reachable.
 */
export function redactError(error: CodatError, redact: Redact, method?: HttpMethod): CodatError {
  const init = error.toInit();
  const optional = (text: string | undefined) => (text === undefined ? undefined : redact(text));
  const items = (list: CodatValidationItem[]) =>
    list.map((item) => ({
      itemId: item.itemId == null ? item.itemId : redact(item.itemId),
      message: item.message == null ? item.message : redact(item.message),
      validatorName: item.validatorName == null ? item.validatorName : redact(item.validatorName),
    }));
  return new CodatError({
    ...init,
    method: method ?? init.method,
    operation: redact(init.operation),
    message: redact(init.message),
    codatError: optional(init.codatError),
    service: optional(init.service),
    correlationId: optional(init.correlationId),
    code: optional(init.code),
    validation: init.validation && {
      errors: items(init.validation.errors),
      warnings: items(init.validation.warnings),
    },
  });
}
