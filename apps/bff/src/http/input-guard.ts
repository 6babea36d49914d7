import type { Context, MiddlewareHandler } from 'hono';
import { audit } from '../audit/record.js';
import { SAFE_METHODS } from '../auth/origin.js';
import { ApiError } from './api-error.js';
import { forbiddenControlCharacter, type TextKind } from './text.js';

interface Found {
  where: string;
  character: string;
}

/** Every key and string in a parsed JSON value, walked without recursion (bodies may nest deeply). */
function findInJson(value: unknown, where: string, strings: TextKind): Found | undefined {
  const pending: Array<[unknown, string]> = [[value, where]];
  while (pending.length > 0) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      const character = forbiddenControlCharacter(item, strings);
      if (character) return { where: at, character };
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => pending.push([child, `${at}[${i}]`]));
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const character = forbiddenControlCharacter(key, 'line');
        if (character) return { where: `${at} key "${key}"`, character };
        pending.push([child, `${at}.${key}`]);
      }
    }
  }
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Printable ASCII without `%` or a backslash: nothing in such a URL decodes (percent or JSON escape) to a control character. */
const PLAIN_URL = /^[\x21-\x24\x26-\x5b\x5d-\x7e]*$/;

/** Path and query values are ids, filters and searches: one line each, and JSON ones are looked into. */
function findInUrl(url: URL): Found | undefined {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is the route's to refuse; the raw path is checked as it is.
  }
  const inPath = forbiddenControlCharacter(path, 'line');
  if (inPath) return { where: 'path', character: inPath };
  for (const [name, value] of url.searchParams) {
    const character = forbiddenControlCharacter(name, 'line') ?? forbiddenControlCharacter(value, 'line');
    if (character) return { where: `query parameter "${name}"`, character };
    const json = /^\s*[[{"]/.test(value) ? parseJson(value) : { ok: false as const };
    const inJson = json.ok ? findInJson(json.value, `query parameter "${name}"`, 'line') : undefined;
    if (inJson) return inJson;
  }
  return undefined;
}

/** A JSON body's keys are one line; its strings may be free text (the schemas hold single-line fields to more). */
async function findInBody(c: Context): Promise<Found | undefined> {
  const json = parseJson(await c.req.text());
  return json.ok ? findInJson(json.value, 'body', 'free') : undefined;
}

/**
 * Refuses control characters (NUL, escape, …) in every path, query and body value before any
 * route reads them (400 `control_characters`, naming where), and makes sure every state-changing
 * request refused as bad input (this or a route's 400) leaves a `refused` entry in the audit log.
 */
export function guardRequestInput(): MiddlewareHandler {
  return async (c, next) => {
    const changing = !SAFE_METHODS.has(c.req.method);
    const recordRefusal = async (error: ApiError) => {
      if (changing && !c.get('audited')) {
        await audit(c).record({
          action: 'input.refused',
          outcome: 'refused',
          reason: `${error.code}: ${error.message}`,
          details: { route: c.get('endpoint'), path: c.req.path },
        });
      }
    };
    const url = c.req.url;
    const found = (PLAIN_URL.test(url) ? undefined : findInUrl(new URL(url))) ?? (changing ? await findInBody(c) : undefined);
    if (found) {
      const error = new ApiError(
        400,
        'control_characters',
        `The request's ${found.where} contains a control character (${found.character}); remove it and try again.`,
        { where: found.where, character: found.character },
      );
      await recordRefusal(error);
      throw error;
    }
    await next();
    if (c.error instanceof ApiError && c.error.status === 400) await recordRefusal(c.error);
  };
}
