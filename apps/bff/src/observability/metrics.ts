type Labels = Record<string, string>;

const NEEDS_ESCAPE = /[\\"\n]/;
const escapeValue = (value: string) =>
  NEEDS_ESCAPE.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;

/** `a="1",b="2"`, names in code-unit order. Runs several times per request, so kept cheap (no localeCompare). */
function key(labels: Labels): string {
  const names = Object.keys(labels).sort();
  let text = '';
  for (const name of names) text += `${text ? ',' : ''}${name}="${escapeValue(labels[name]!)}"`;
  return text;
}

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  abstract lines(): string[];
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join('\n');
  }
}

export class Counter extends Metric {
  private readonly values = new Map<string, number>();
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(key(labels)) ?? 0;
  }
  lines(): string[] {
    return [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${v}`);
  }
}

export class Gauge extends Metric {
  private readonly values = new Map<string, number>();
  constructor(name: string, help: string) {
    super(name, help, 'gauge');
  }
  set(value: number, labels: Labels = {}): void {
    this.values.set(key(labels), value);
  }
  lines(): string[] {
    return [...this.values].map(([k, v]) => `${this.name}${k ? `{${k}}` : ''} ${v}`);
  }
}

export class Histogram extends Metric {
  private readonly series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    name: string,
    help: string,
    private readonly bounds: number[],
  ) {
    super(name, help, 'histogram');
  }
  observe(value: number, labels: Labels = {}): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
    this.bounds.forEach((bound, i) => {
      if (value <= bound) s.buckets[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }
  lines(): string[] {
    const out: string[] = [];
    for (const [k, s] of this.series) {
      const labels = (le: string) => `{${k ? `${k},` : ''}le="${le}"}`;
      this.bounds.forEach((bound, i) => out.push(`${this.name}_bucket${labels(String(bound))} ${s.buckets[i]}`));
      out.push(`${this.name}_bucket${labels('+Inf')} ${s.count}`);
      out.push(`${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`);
      out.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return out;
  }
}

/** The BFF's Prometheus metrics, rendered as text at /metrics. */
export class Metrics {
  readonly httpRequests = new Counter('console_http_requests_total', 'HTTP requests by route, method and status.');
  readonly httpDuration = new Histogram(
    'console_http_request_duration_seconds',
    'HTTP request latency by route and method.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  readonly codatCalls = new Counter('console_codat_requests_total', 'Calls to Codat by operation and HTTP status.');
  readonly codatDuration = new Histogram(
    'console_codat_request_duration_seconds',
    'Latency of calls to Codat by operation.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  readonly codatRetries = new Counter('console_codat_retries_total', 'Retried calls to Codat by operation and reason.');
  readonly codatRateLimitRemaining = new Gauge(
    'console_codat_rate_limit_remaining',
    'X-Rate-Limit-Remaining from the latest Codat response.',
  );
  readonly codatRateLimitLimit = new Gauge('console_codat_rate_limit_limit', 'X-Rate-Limit-Limit from the latest Codat response.');
  readonly webhookEvents = new Counter('console_codat_webhooks_total', 'Verified Codat webhooks by event type and outcome (applied, ignored, invalid).');
  readonly webhookRejections = new Counter('console_codat_webhook_rejections_total', 'Codat webhooks refused by reason (missing-headers, stale-timestamp, bad-signature).');
  readonly signInsThrottled = new Counter('console_sign_ins_throttled_total', 'Password sign-ins refused with 429, by what was locked (pair, address) or slowed down (account).');

  render(): string {
    const all = [
      this.httpRequests,
      this.httpDuration,
      this.codatCalls,
      this.codatDuration,
      this.codatRetries,
      this.codatRateLimitRemaining,
      this.codatRateLimitLimit,
      this.webhookEvents,
      this.webhookRejections,
      this.signInsThrottled,
    ];
    return `${all.map((m) => m.render()).join('\n')}\n`;
  }
}
