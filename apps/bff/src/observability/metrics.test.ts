import { describe, expect, it } from 'vitest';
import { Counter, Histogram } from './metrics.js';

describe('Prometheus text', () => {
  it('keys a series by its labels whatever their order, escaping quotes, backslashes and newlines', () => {
    const counter = new Counter('things_total', 'Things.');
    counter.inc({ route: '/a', method: 'GET' });
    counter.inc({ method: 'GET', route: '/a' }, 2);
    counter.inc({ note: 'say "hi"\\\n' });
    expect(counter.render().split('\n').slice(2)).toEqual(['things_total{method="GET",route="/a"} 3', 'things_total{note="say \\"hi\\"\\\\\\n"} 1']);
  });

  it('renders cumulative histogram buckets with sum and count', () => {
    const histogram = new Histogram('latency_seconds', 'Latency.', [0.1, 1]);
    histogram.observe(0.05, { route: '/x' });
    histogram.observe(0.5, { route: '/x' });
    expect(histogram.render().split('\n').slice(2)).toEqual([
      'latency_seconds_bucket{route="/x",le="0.1"} 1',
      'latency_seconds_bucket{route="/x",le="1"} 2',
      'latency_seconds_bucket{route="/x",le="+Inf"} 2',
      'latency_seconds_sum{route="/x"} 0.55',
      'latency_seconds_count{route="/x"} 2',
    ]);
  });
});
