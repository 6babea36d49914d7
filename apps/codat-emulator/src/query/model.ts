import type { CodatService } from '../http/errors.js';

export type FieldType = 'string' | 'enum' | 'number' | 'date' | 'boolean';

export interface QueryField<T> {
  type: FieldType;
  /** For array-valued fields (`dataConnections.status`) return every element: any-element match. */
  get(record: T): unknown;
}

/** What a list endpoint lets callers filter and order by, and the names its errors use. */
export interface QueryModel<T> {
  /** Model name in `Could not resolve property x on <name>`. */
  name: string;
  service: CodatService;
  fields: Record<string, QueryField<T>>;
}
