import type { z } from 'zod';
import { CodatError } from '../errors.js';
import { redactError, type Redact } from '../redact.js';
import type { Transport } from '../transport/transport.js';
import type { CodatRequest, CodatResponse } from '../transport/types.js';

const ISSUES_IN_MESSAGE = 3;

/** How operations talk to Codat: decoding, and the one place errors are redacted on the way out. */
export interface Caller {
  /** The body parsed with `schema`. */
  json<T>(request: CodatRequest, schema: z.ZodType<T>): Promise<T>;
  /** For operations whose status carries meaning (batch create: 201, 207, 409). */
  jsonWithStatus<T>(
    request: CodatRequest,
    schema: z.ZodType<T>,
  ): Promise<{ status: number; body: T }>;
  /** For 204s and Codat's empty 200s; any body is ignored. */
  empty(request: CodatRequest): Promise<void>;
}

function invalidResponse(operation: string, response: CodatResponse, problem: string): CodatError {
  return new CodatError({
    kind: 'invalid-response',
    operation,
    status: response.status,
    message: `${operation}: unexpected response from Codat (HTTP ${response.status}) — ${problem}`,
  });
}

function decode<T>(operation: string, response: CodatResponse, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw invalidResponse(
      operation,
      response,
      response.text.trim() ? 'the body is not JSON' : 'the body is empty',
    );
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`);
  const more =
    issues.length > ISSUES_IN_MESSAGE ? ` (+${issues.length - ISSUES_IN_MESSAGE} more)` : '';
  throw invalidResponse(operation, response, `${listed.join('; ')}${more}`);
}

export function createCaller(transport: Transport, redact: Redact): Caller {
  async function guarded<T>(request: CodatRequest, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw error instanceof CodatError ? redactError(error, redact, request.method) : error;
    }
  }

  return {
    json: (request, schema) =>
      guarded(request, async () => decode(request.operation, await transport.send(request), schema)),
    jsonWithStatus: (request, schema) =>
      guarded(request, async () => {
        const response = await transport.send(request);
        return { status: response.status, body: decode(request.operation, response, schema) };
      }),
    empty: (request) =>
      guarded(request, async () => {
        await transport.send(request);
      }),
  };
}
