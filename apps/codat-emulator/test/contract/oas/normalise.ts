/** Rewrites of Codat's OpenAPI 3.1 documents into JSON Schema 2020-12 that ajv can check. */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OAS 3.0's `nullable: true` is not a 2020-12 keyword, yet Codat's 3.1 documents use it
 * throughout. Rewritten in place so every JSON pointer into the document still resolves:
 * `type: T` becomes `type: [T, "null"]` (and `enum` gains `null`); a `$ref` with
 * `nullable` becomes `anyOf: [null, $ref]`.
 */
export function rewriteNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullable(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) rewriteNullable(value);
  if (typeof node.nullable !== 'boolean') return;
  const nullable = node.nullable;
  delete node.nullable;
  if (!nullable) return;
  if (typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
  } else if (typeof node.$ref === 'string') {
    node.anyOf = [{ type: 'null' }, { $ref: node.$ref }];
    delete node.$ref;
  } else {
    throw new Error(`nullable schema without type or $ref: ${JSON.stringify(node).slice(0, 200)}`);
  }
}

/**
 * The live Bank Feeds document unions the v1 and v2 source-account shapes with `oneOf` and no
 * discriminator, but the shapes overlap: an empty list, or a v2 account without `routingInfo`
 * and `accountInfo`, is valid under both branches, which `oneOf` rejects. Read as `anyOf`; the
 * bank-feed contract tests check the emulator's own version's shape separately.
 */
export function relaxVersionUnions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) relaxVersionUnions(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) relaxVersionUnions(value);
  if (Array.isArray(node.oneOf)) {
    node.anyOf = node.oneOf;
    delete node.oneOf;
  }
}
