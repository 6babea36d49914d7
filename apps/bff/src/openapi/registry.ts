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
      info: {
        title: 'Codat Ops Console API',
        version: '1.0.0',
        description:
          'The BFF behind the console. ra-data-simple-rest conventions for lists. Strict input: a body field a route does not take is ' +
          'refused with 400 `bad_request` naming it (`details.unknownFields`); a control character in any path, query or body value ' +
          '(tab and line breaks only in free text) with 400 `control_characters` naming where. Refused state-changing requests are audited.',
      },
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
