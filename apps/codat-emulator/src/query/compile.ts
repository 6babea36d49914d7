import { errors } from '../http/errors.js';
import type { FieldType, QueryModel } from './model.js';
import { decodeQueryParam, parseQuery, type Operator, type QueryNode } from './parse.js';

export type Predicate<T> = (record: T) => boolean;

function comparable(type: FieldType, raw: unknown): number | string | boolean | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (type) {
    case 'number':
      return Number(raw);
    case 'date': {
      const ms = typeof raw === 'number' ? raw : Date.parse(String(raw));
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'boolean':
      return String(raw).toLowerCase() === 'true';
    default:
      return String(raw).toLowerCase();
  }
}

function test(op: Operator, actual: number | string | boolean, expected: number | string | boolean): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '~':
      return String(actual).includes(String(expected));
    case '>':
      return actual > expected;
    case '<':
      return actual < expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
  }
}

function compileNode<T>(node: QueryNode, model: QueryModel<T>): Predicate<T> {
  if (node.kind !== 'clause') {
    const parts = node.children.map((child) => compileNode(child, model));
    return node.kind === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
  }
  const field = model.fields[node.property]!;
  const stringLike = field.type === 'string' || field.type === 'enum';
  if (node.op === '~' && !stringLike) throw errors.malformedQuery(model.service);
  if (['>', '<', '>=', '<='].includes(node.op) && stringLike) throw errors.malformedQuery(model.service);
  const expected = comparable(field.type, node.value);
  if (expected === undefined || (typeof expected === 'number' && Number.isNaN(expected))) {
    throw errors.malformedQuery(model.service);
  }
  const { op } = node;
  return (record) => {
    const raw = field.get(record);
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => comparable(field.type, v));
    // `!=` on a many-valued field means no element equals the value (so an empty array matches).
    if (op === '!=') return values.every((v) => v === undefined || v !== expected);
    return values.some((v) => v !== undefined && test(op, v, expected));
  };
}

/** Compiles a `query=` parameter; undefined when there is none. Bad queries throw Codat's 400. */
export function compileQuery<T>(raw: string | undefined, model: QueryModel<T>): Predicate<T> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  return compileNode(parseQuery(decodeQueryParam(raw), model), model);
}

/** `orderBy=field` or `orderBy=-field`; unknown fields are Codat's 400. */
export function compileOrderBy<T>(
  raw: string | undefined,
  model: QueryModel<T>,
): ((a: T, b: T) => number) | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const descending = raw.trim().startsWith('-');
  const property = raw.trim().replace(/^-/, '');
  const name = Object.keys(model.fields).find((n) => n.toLowerCase() === property.toLowerCase());
  if (!name) throw errors.unknownProperty(property, model.name, model.service);
  const field = model.fields[name]!;
  const key = (record: T) => {
    const value = field.get(record);
    return comparable(field.type, Array.isArray(value) ? value[0] : value);
  };
  const direction = descending ? -1 : 1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === undefined) return 1; // records without a value sort last either way
    if (y === undefined) return -1;
    return (x < y ? -1 : 1) * direction;
  };
}

/** `tags=region=uk && team!=ops`: `=`, `!=` and `~` over tag values, joined by `&&`. */
export function compileTags(raw: string | undefined): Predicate<Record<string, string> | undefined> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const clauses = decodeQueryParam(raw)
    .split('&&')
    .map((part) => {
      const match = /^\s*([^=!~]{1,27}?)\s*(!=|=|~)\s*(.*?)\s*$/.exec(part);
      if (!match) throw errors.malformedQuery('ClientsApi');
      const [, key, op, value] = match as unknown as [string, string, Operator, string];
      return { key, op, value: value.toLowerCase() };
    });
  return (tags) =>
    clauses.every(({ key, op, value }) => {
      const actual = tags?.[key]?.toLowerCase();
      if (op === '!=') return actual !== value;
      if (actual === undefined) return false;
      return op === '=' ? actual === value : actual.includes(value);
    });
}
