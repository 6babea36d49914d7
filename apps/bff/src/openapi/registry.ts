import { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDoc {
  method: Method;
  /** OpenAPI path below /api, e.g. `/companies/{id}`. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Schema of the 2xx body; omit for an empty answer. */
  response?: z.ZodType;
  status?: number;
  /** A list answered with `Content-Range` / `X-Total-Count`. */
  list?: boolean;
}

const API_DESCRIPTION = [
  'The BFF behind the console. ra-data-simple-rest conventions for lists.',
  '',
  'Strict input: a body field a route does not take is refused with 400 `bad_request` naming it (`details.unknownFields`); a',
  'control character in any path, query or body value (tab and line breaks only in free text) with 400 `control_characters`',
  'naming where. Refused state-changing requests are audited.',
  '',
  'Exactly-once actions: every POST, PUT, PATCH and DELETE may carry an `Idempotency-Key` header (8–255 printable ASCII',
  'characters, e.g. a UUID; one per user intent, scoped to the signed-in staff member). A repeat with the same key replays the',
  'first answer (`Idempotent-Replayed: true`) from any replica; a repeat while the first is still running waits for it, or',
  'answers 409 `idempotency_in_progress` after 10 s; the same key with a different method, path, query or body answers 422',
  '`idempotency_key_reused`. A refusal (4xx) or a definite failure from Codat frees the key, so the same intent can be tried',
  'again. Keys are kept at least 24 hours.',
  '',
  'Unknown outcomes: when Codat does not answer a change in time (or the connection drops after sending), the answer is 504',
  '`outcome_unknown` with `details.operationId`: the change may have happened, so do not repeat it. The console checks Codat',
  '(a created company carries its operation id in the `consoleOperation` tag; other objects are matched by what was sent),',
  'records the final audit outcome, and `GET /operations/{id}` says what became of it.',
].join('\n');

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'One per user intent: a repeat with the same key replays the first answer instead of acting again.',
  schema: { type: 'string', minLength: 8, maxLength: 255 },
};

/** Route modules describe their routes here; /api/openapi.json is built from it. */
export class OpenApiRegistry {
  private readonly routes: RouteDoc[] = [];

  add(...docs: RouteDoc[]): void {
    this.routes.push(...docs);
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    const schema = (type: z.ZodType) => z.toJSONSchema(type, { unrepresentable: 'any', io: 'input' });
    for (const route of this.routes) {
      const parameters = [
        ...[...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...Object.entries(route.query?.shape ?? {}).map(([name, type]) => ({
          name,
          in: 'query',
          required: !(type as z.ZodType).safeParse(undefined).success,
          schema: schema(type as z.ZodType),
        })),
        ...(route.method === 'get' ? [] : [IDEMPOTENCY_KEY]),
      ];
      const status = String(route.status ?? 200);
      (paths[route.path] ??= {})[route.method] = {
        summary: route.summary,
        tags: [route.tag],
        parameters,
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.body) } } } } : {}),
        responses: {
          [status]: {
            description: route.list ? 'A page of records; the total is in Content-Range and X-Total-Count.' : 'OK',
            ...(route.response ? { content: { 'application/json': { schema: schema(route.response) } } } : {}),
          },
          default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: 'Codat Ops Console API', version: '1.0.0', description: API_DESCRIPTION },
      servers: [{ url: '/api' }],
      paths,
      components: {
        schemas: {
          Error: {
            type: 'object',
            required: ['error'],
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message'],
                properties: {
                  code: { type: 'string' },
                  message: { type: 'string' },
                  requestId: { type: 'string' },
                  codatCorrelationId: { type: 'string' },
                  details: { type: 'object' },
                },
              },
            },
          },
        },
      },
    };
  }
}
