export type { QueryModel, QueryField, FieldType } from './model.js';
export { compileQuery, compileOrderBy, compileTags, type Predicate } from './compile.js';
export { readParam } from './read-param.js';
