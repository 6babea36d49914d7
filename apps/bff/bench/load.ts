import http from 'node:http';

export interface LoadOptions {
  baseUrl: string;
  /** The path of the i-th request. */
  path: (i: number) => string;
  headers: Record<string, string>;
  /** Keep-alive connections, each sending its next request as soon as the last one answered. */
  connections: number;
  maxRequests: number;
  maxSeconds: number;
}

/** One or more load runs against the same target, merged. */
export interface LoadResult {
  latenciesMs: number[];
  seconds: number;
  /** Answers other than 200, and failed requests. */
  failures: number;
  firstFailure?: string;
}

function get(agent: http.Agent, url: URL, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, hostname: url.hostname, port: url.port, path, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** A closed-loop load generator: `connections` loops over one keep-alive agent, bounded in count and time. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const result: LoadResult = { latenciesMs: [], seconds: 0, failures: 0 };
  let issued = 0;
  const startedMs = performance.now();
  const deadlineMs = startedMs + options.maxSeconds * 1000;

  const loop = async () => {
    while (issued < options.maxRequests && performance.now() < deadlineMs) {
      const path = options.path(issued);
      issued += 1;
      const sentMs = performance.now();
      const outcome = await get(agent, url, path, options.headers).catch((error: Error) => error.message);
      result.latenciesMs.push(performance.now() - sentMs);
      if (outcome !== 200) {
        result.failures += 1;
        result.firstFailure ??= `GET ${path} → ${outcome}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  result.seconds = (performance.now() - startedMs) / 1000;
  agent.destroy();
  return result;
}

export function merge(results: LoadResult[]): LoadResult {
  return {
    latenciesMs: results.flatMap((result) => result.latenciesMs),
    seconds: results.reduce((sum, result) => sum + result.seconds, 0),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    firstFailure: results.find((result) => result.firstFailure)?.firstFailure,
  };
}

export interface Summary {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarise(result: LoadResult): Summary {
  const sorted = Float64Array.from(result.latenciesMs).sort();
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { requests: sorted.length, requestsPerSecond: sorted.length / result.seconds, p50Ms: percentile(50), p99Ms: percentile(99) };
}
