import type { OasDocumentName } from './documents.js';
import {
  expectToMatchOasSchema,
  findOperation,
  formatAjvErrors,
  responseSchemaValidator,
} from './schemas.js';

export { expectToMatchOasSchema, findOperation } from './schemas.js';

export type OasTarget = readonly [doc: OasDocumentName, operationId: string];

export interface OasCheck {
  status: number;
  /** The parsed JSON body, or `undefined` when the declared response has no body. */
  body: unknown;
}

function describeResponse(doc: OasDocumentName, operationId: string, status: number): string {
  const operation = findOperation(doc, operationId);
  return `${doc} ${operationId} (${operation.method} ${operation.path}) → ${status}`;
}

function expectJsonContentType(where: string, response: Response): void {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new Error(`${where}: content type is "${contentType}", expected application/json`);
  }
}

function parseJson(where: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${where}: body is not JSON: ${text.slice(0, 300)}`);
  }
}

/** The spec cannot say it, but Codat's error `statusCode` always repeats the HTTP status. */
function expectErrorStatusCodeToEqualHttpStatus(where: string, status: number, body: unknown) {
  // Only `ErrorMessage` objects; batch source-account errors (409) are arrays.
  if (status < 400 || typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const statusCode = (body as { statusCode?: unknown }).statusCode;
  if (statusCode !== status) {
    throw new Error(`${where}: error body statusCode is ${JSON.stringify(statusCode)}`);
  }
}

/**
 * Asserts a response is one Codat's OpenAPI document allows for `operationId`: a declared
 * status; JSON content type and a schema-valid body when the status declares content; no
 * body when it does not. Returns the parsed body. Throws with ajv's instance paths on failure.
 */
export async function expectResponseToMatchOas(
  doc: OasDocumentName,
  operationId: string,
  response: Response,
): Promise<OasCheck> {
  const operation = findOperation(doc, operationId);
  const status = String(response.status);
  const text = await response.clone().text();
  const where = describeResponse(doc, operationId, response.status);
  const declared = operation.responses[status];
  if (!declared) {
    const statuses = Object.keys(operation.responses).join(', ');
    throw new Error(
      `${where}: status not declared (declared: ${statuses}); body: ${text.slice(0, 300)}`,
    );
  }
  if (!declared.content) {
    if (text !== '')
      throw new Error(`${where}: no body is declared but got: ${text.slice(0, 300)}`);
    return { status: response.status, body: undefined };
  }
  expectJsonContentType(where, response);
  const body = parseJson(where, text);
  const validate = responseSchemaValidator(doc, operation, status);
  if (validate && !validate(body)) {
    throw new Error(
      `${where}: body does not match the schema\n${formatAjvErrors(validate.errors)}\nbody: ${text.slice(0, 2000)}`,
    );
  }
  expectErrorStatusCodeToEqualHttpStatus(where, response.status, body);
  return { status: response.status, body };
}

/** Checks one response against the same operation in several documents (Platform and Bank Feeds share operations). */
export async function expectResponseToMatchEachOas(
  response: Response,
  ...targets: OasTarget[]
): Promise<OasCheck> {
  const checks: OasCheck[] = [];
  for (const [doc, operationId] of targets) {
    checks.push(await expectResponseToMatchOas(doc, operationId, response));
  }
  return checks[0]!;
}

/**
 * For the few statuses the emulator must answer but the spec does not declare for an
 * operation (e.g. 400 for a bad body where only list endpoints declare 400): the status is
 * asserted to be undeclared (so the test flips to the strict check if Codat adds it), and the
 * body must still be a JSON `ErrorMessage` valid against the document's schema.
 */
export async function expectUndeclaredCodatError(
  doc: OasDocumentName,
  operationId: string,
  response: Response,
  status: number,
): Promise<unknown> {
  const where = describeResponse(doc, operationId, response.status);
  const text = await response.clone().text();
  if (response.status !== status) {
    throw new Error(`${where}: expected status ${status}; body: ${text.slice(0, 300)}`);
  }
  if (findOperation(doc, operationId).responses[String(status)]) {
    throw new Error(`${where}: the spec now declares ${status}; use expectResponseToMatchOas`);
  }
  expectJsonContentType(where, response);
  const body = parseJson(where, text);
  expectToMatchOasSchema(doc, '#/components/schemas/ErrorMessage', body, where);
  expectErrorStatusCodeToEqualHttpStatus(where, status, body);
  return body;
}

/** The same operation in all three documents (companies and connections are in each). */
export function inEveryDocument(operationId: string): OasTarget[] {
  return [
    ['platform', operationId],
    ['bankFeeds', operationId],
    ['bankFeedsV2', operationId],
  ];
}
