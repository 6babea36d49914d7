import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject, relaxVersionUnions, rewriteNullable, type JsonObject } from './normalise.js';

/** Codat's official OpenAPI documents, read from `../shared/codat-oas` (never copied into the repo). */
export type OasDocumentName = 'platform' | 'bankFeeds' | 'bankFeedsV2';

const FILES: Record<OasDocumentName, string> = {
  platform: 'Codat-Platform.json',
  bankFeeds: 'Codat-Bank-Feeds.json',
  bankFeedsV2: 'Codat-Bank-Feeds-v2.json',
};

export type { JsonObject };

export interface OasOperation {
  operationId: string;
  method: string;
  path: string;
  /** Response objects keyed by status, `$ref`s to `components/responses` already followed. */
  responses: Record<string, DeclaredResponse>;
}

export interface DeclaredResponse {
  /** JSON pointer of the response object in the document (after following `$ref`s). */
  pointer: string;
  content?: JsonObject;
}

export interface OasDocument {
  name: OasDocumentName;
  /** The whole document with `nullable` rewritten into JSON Schema 2020-12. */
  json: JsonObject;
  operations: Map<string, OasOperation>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'turbo.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('turbo.json not found above the contract tests: cannot locate the repo root');
    dir = parent;
  }
  return dir;
}

export function oasDirectory(): string {
  return process.env.CODAT_OAS_DIR
    ? resolve(process.env.CODAT_OAS_DIR)
    : join(repoRoot(), '..', 'shared', 'codat-oas');
}

/** Follows a local `#/...` JSON pointer (used for response objects; ajv resolves schema refs itself). */
export function resolvePointer(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local references are supported: ${ref}`);
  const tokens = ref.slice(1).split('/').slice(1);
  let node: unknown = document;
  for (const raw of tokens) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`unresolvable reference ${ref}`);
    node = (node as Record<string, unknown>)[token];
    if (node === undefined) throw new Error(`unresolvable reference ${ref}`);
  }
  return node;
}

export function escapePointerToken(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function declaredResponse(document: JsonObject, pointer: string): DeclaredResponse {
  let node = resolvePointer(document, pointer);
  while (isObject(node) && typeof node.$ref === 'string') {
    pointer = node.$ref;
    node = resolvePointer(document, pointer);
  }
  if (!isObject(node)) throw new Error(`response ${pointer} is not an object`);
  return { pointer, content: isObject(node.content) ? node.content : undefined };
}

function indexOperations(json: JsonObject): Map<string, OasOperation> {
  const operations = new Map<string, OasOperation>();
  for (const [path, item] of Object.entries(json.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (
        !HTTP_METHODS.has(method) ||
        !isObject(operation) ||
        typeof operation.operationId !== 'string'
      )
        continue;
      const responses: Record<string, DeclaredResponse> = {};
      const operationPointer = `#/paths/${escapePointerToken(path)}/${method}`;
      for (const status of Object.keys(operation.responses as JsonObject)) {
        responses[status] = declaredResponse(json, `${operationPointer}/responses/${status}`);
      }
      operations.set(operation.operationId, {
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        responses,
      });
    }
  }
  return operations;
}

const cache = new Map<OasDocumentName, OasDocument>();

export function loadOasDocument(name: OasDocumentName): OasDocument {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = join(oasDirectory(), FILES[name]);
  if (!existsSync(file)) {
    throw new Error(
      `Codat OpenAPI document not found: ${file} (set CODAT_OAS_DIR to the folder holding ${FILES[name]})`,
    );
  }
  const json = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  rewriteNullable(json);
  if (name === 'bankFeeds') relaxVersionUnions(json);
  const document: OasDocument = { name, json, operations: indexOperations(json) };
  cache.set(name, document);
  return document;
}
