import { errors } from '../http/errors.js';
import type { QueryModel } from './model.js';

export type Operator = '=' | '!=' | '~' | '>' | '<' | '>=' | '<=';

export type QueryNode =
  | { kind: 'clause'; property: string; op: Operator; value: string }
  | { kind: 'and' | 'or'; children: QueryNode[] };

export const MAX_QUERY_LENGTH = 2048;
// Longest operators first so `>=` is not read as `>`.
const OPERATORS: Operator[] = ['!=', '>=', '<=', '=', '~', '>', '<'];

/** Codat's docs double-encode some examples (`id%253D…`); decode again while `%XX` survives. */
export function decodeQueryParam(raw: string): string {
  let value = raw;
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(value); i++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      break;
    }
  }
  return value;
}

type Token = { kind: 'and' | 'or' | 'open' | 'close' } | { kind: 'clause'; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  const flush = () => {
    if (text.trim() !== '') tokens.push({ kind: 'clause', text: text.trim() });
    text = '';
  };
  for (let i = 0; i < query.length; i++) {
    const pair = query.slice(i, i + 2);
    const ch = query[i];
    if (pair === '&&' || pair === '||') {
      flush();
      tokens.push({ kind: pair === '&&' ? 'and' : 'or' });
      i++;
    } else if (ch === '{' || ch === '}') {
      flush();
      tokens.push({ kind: ch === '{' ? 'open' : 'close' });
    } else {
      text += ch;
    }
  }
  flush();
  return tokens;
}

/** Parses Codat's `query` language; AND and OR may only be mixed inside braces. */
export function parseQuery<T>(query: string, model: QueryModel<T>): QueryNode {
  const malformed = () => errors.malformedQuery(model.service);
  if (query.length > MAX_QUERY_LENGTH) throw malformed();
  const tokens = tokenize(query);
  let position = 0;

  const parseGroup = (): QueryNode => {
    const children: QueryNode[] = [];
    let joiner: 'and' | 'or' | undefined;
    for (;;) {
      const token = tokens[position++];
      if (!token) throw malformed();
      if (token.kind === 'open') {
        children.push(parseGroup());
        if (tokens[position++]?.kind !== 'close') throw malformed();
      } else if (token.kind === 'clause') {
        children.push(parseClause(token.text, model));
      } else {
        throw malformed();
      }
      const next = tokens[position];
      if (next?.kind !== 'and' && next?.kind !== 'or') break;
      if (joiner && joiner !== next.kind) throw malformed();
      joiner = next.kind;
      position++;
    }
    return children.length === 1 ? children[0]! : { kind: joiner ?? 'and', children };
  };

  const root = parseGroup();
  if (position !== tokens.length) throw malformed();
  return root;
}

function parseClause<T>(text: string, model: QueryModel<T>): QueryNode {
  let best: { index: number; op: Operator } | undefined;
  for (const op of OPERATORS) {
    const index = text.indexOf(op);
    if (index > 0 && (!best || index < best.index)) best = { index, op };
  }
  if (!best) throw errors.malformedQuery(model.service);
  const property = text.slice(0, best.index).trim();
  const value = text.slice(best.index + best.op.length).trim();
  if (!/^[A-Za-z][\w.-]*$/.test(property)) throw errors.malformedQuery(model.service);
  const field = Object.keys(model.fields).find((name) => name.toLowerCase() === property.toLowerCase());
  if (!field) throw errors.unknownProperty(property, model.name, model.service);
  return { kind: 'clause', property: field, op: best.op, value };
}
