import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import {
  escapePointerToken,
  loadOasDocument,
  type JsonObject,
  type OasDocumentName,
  type OasOperation,
} from './documents.js';

/**
 * One ajv per document; the whole document is registered under its name so that references
 * anywhere in it (`#/components/...`, and the ones that point into `#/paths/...`) resolve.
 * Not strict: OAS annotations (`example`, `x-*`, `discriminator`, `externalDocs`, `xml`) are
 * not JSON Schema keywords and must be tolerated.
 */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  // ajv-formats is CommonJS; under ESM its plugin is the `default` property of the module.
  ajvFormats.default(ajv);
  // Codat's own format names: a decimal is any JSON number, ISO4217 a three-letter code.
  ajv.addFormat('decimal', { type: 'number', validate: () => true });
  ajv.addFormat('ISO4217', /^[A-Z]{3}$/);
  return ajv;
}

const validators = new Map<OasDocumentName, Ajv2020>();

function ajvFor(name: OasDocumentName): Ajv2020 {
  let ajv = validators.get(name);
  if (!ajv) {
    ajv = createAjv();
    ajv.addSchema(loadOasDocument(name).json, name);
    validators.set(name, ajv);
  }
  return ajv;
}

function compiled(name: OasDocumentName, pointer: string): ValidateFunction {
  const validate = ajvFor(name).getSchema(`${name}${pointer}`);
  if (!validate) throw new Error(`no schema at ${name}${pointer}`);
  return validate;
}

export function findOperation(name: OasDocumentName, operationId: string): OasOperation {
  const operation = loadOasDocument(name).operations.get(operationId);
  if (!operation) {
    throw new Error(`operation ${operationId} is not in the ${name} OpenAPI document`);
  }
  return operation;
}

/** The declared JSON body schema of one response, or undefined when it declares no body. */
export function responseSchemaValidator(
  name: OasDocumentName,
  operation: OasOperation,
  status: string,
): ValidateFunction | undefined {
  const declared = operation.responses[status];
  if (!declared?.content) return undefined;
  const mediaType = Object.keys(declared.content).find((type) => type.includes('json'));
  if (!mediaType) throw new Error(`${operation.operationId} ${status} declares no JSON content`);
  if (!(declared.content[mediaType] as JsonObject).schema) return undefined;
  // Compiled by pointer into the registered document, so nested refs resolve in place.
  return compiled(name, `${declared.pointer}/content/${escapePointerToken(mediaType)}/schema`);
}

export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => {
      const detail = `${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
      return `  at ${error.instancePath || '(root)'}: ${detail}`;
    })
    .join('\n');
}

/** Validates any value against a schema of the document, e.g. `#/components/schemas/SourceAccountV2`. */
export function expectToMatchOasSchema(
  doc: OasDocumentName,
  schemaPointer: string,
  value: unknown,
  where: string,
): void {
  const validate = compiled(doc, schemaPointer);
  if (!validate(value)) {
    const shown = JSON.stringify(value).slice(0, 2000);
    throw new Error(
      `${where}: does not match ${doc} ${schemaPointer}\n${formatAjvErrors(validate.errors)}\nvalue: ${shown}`,
    );
  }
}
