import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';

/** A distinctive, made-up live-looking key, new per run so nothing can match it by accident. */
export function distinctiveKey(): string {
  return `sk_live_SECRET_${randomBytes(16).toString('hex')}`;
}

/**
 * Every form the key could leak in: raw, its base64 (the Basic token), the whole header value,
 * and URL-encoded. Written here rather than imported from the client, so the oracle is independent.
 */
export function keyForms(apiKey: string): string[] {
  const base64 = Buffer.from(apiKey).toString('base64');
  return [...new Set([apiKey, base64, `Basic ${base64}`, encodeURIComponent(apiKey)])];
}

/** Where any of `forms` appears in `texts`, with a little context to find it. */
export function findLeaks(texts: Iterable<string>, forms: string[]): string[] {
  const leaks: string[] = [];
  for (const text of texts) {
    for (const form of forms) {
      const at = text.indexOf(form);
      if (at >= 0) leaks.push(`…${text.slice(Math.max(0, at - 80), at)}<KEY>…`);
    }
  }
  return leaks;
}

export function expectNoLeaks(where: string, texts: Iterable<string>, forms: string[]): void {
  expect(findLeaks(texts, forms), `the key leaked in ${where}`).toEqual([]);
}

/** One HTTP answer as a client would see it: status line, every header, the body. */
export async function exposedText(label: string, response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${label} → ${response.status}\n${headers}\n\n${await response.text()}`;
}
