import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request; `index` counts requests from 0. May hold the response back or never send it. */
export type Script = (request: SeenRequest, response: ServerResponse, index: number) => unknown;

export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  /** Highest number of requests in flight at once. */
  readonly maxInFlight: number;
  /** TCP connections accepted (keep-alive reuse keeps this low). */
  readonly connections: number;
  close(): Promise<void>;
}

/** A real HTTP server on a free port whose answers each test scripts. */
export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let connections = 0;
  const server = createServer(async (incoming, response) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight -= 1;
      done = true;
    };
    response.on('finish', finish);
    response.on('close', finish);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const seen = {
      method: incoming.method ?? '',
      url: incoming.url ?? '',
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(seen);
    await script(seen, response, requests.length - 1);
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function codatErrorBody(status: number, error: string, service = 'PublicApi') {
  return {
    statusCode: status,
    service,
    error,
    correlationId: '0a40c2f31fc8f992fb88b0853e4166f3',
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
  };
}

export const COMPANY = {
  id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  name: 'Technicalium',
  description: '',
  platform: '',
  redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  dataConnections: [],
  created: '2022-11-10T10:45:18.1950523Z',
  referenceSubsidiaryCompanies: [],
};
