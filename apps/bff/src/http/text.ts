/* eslint-disable no-control-regex -- matching control characters is this module's purpose */
import { z } from 'zod';

/**
 * Control characters (C0 and DEL) in what the console is sent. PostgreSQL text cannot hold NUL
 * and none of them belongs in an id, a name or a search; free text (a note, a description) may
 * hold tab and line breaks (LF, and CR as in CRLF).
 */
const CONTROL = { line: /[\u0000-\u001f\u007f]/, free: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ } as const;
export type TextKind = keyof typeof CONTROL;

const codePoint = (character: string) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first control character `text` may not hold, written `U+0000`; undefined when there is none. */
export function forbiddenControlCharacter(text: string, kind: TextKind): string | undefined {
  const found = CONTROL[kind].exec(text);
  return found ? codePoint(found[0]) : undefined;
}

/** One line of text: no control characters at all, tab and newline included. */
export const singleLine = (schema: z.ZodString = z.string()) =>
  schema.regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line, without control characters (tab, newline, NUL, …)');

/** Free text: tab and line breaks allowed, other control characters not. */
export const freeText = (schema: z.ZodString = z.string()) =>
  schema.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters other than tab and line breaks');

/**
 * `text` with every control character but tab and line breaks written as `\u0000`, so it can be
 * stored anywhere (the audit log keeps what a refused request carried) and shows when read.
 */
export function escapeControlCharacters(text: string): string {
  return CONTROL.free.test(text) ? text.replace(new RegExp(CONTROL.free.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
