const HEADER_FORM = /^Basic\s+(\S+)$/i;

/**
 * The Portal shows both the raw key and the ready-made `Basic …` header value; either is
 * accepted, so pasting the wrong one into configuration doesn't turn into a confusing 401.
 */
export function authorizationHeader(apiKey: string): string {
  return HEADER_FORM.test(apiKey.trim())
    ? apiKey.trim()
    : `Basic ${Buffer.from(apiKey).toString('base64')}`;
}

/** Every form the key can travel in: raw, base64 (the header token) and URL-encoded. */
export function secretForms(apiKey: string): string[] {
  const token = HEADER_FORM.exec(apiKey.trim())?.[1];
  const raw = token ? Buffer.from(token, 'base64').toString('utf8') : apiKey;
  const base64 = token ?? Buffer.from(apiKey).toString('base64');
  return [apiKey, raw, base64, encodeURIComponent(raw)];
}
