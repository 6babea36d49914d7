import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../store/types.js';
import { codatTimestamp } from './dates.js';
import { finishMs, renderPullOperation, statusAt } from './pull-lifecycle.js';

const STEP = 1000;
const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);

function dataset(outcome: DatasetRecord['outcome']): DatasetRecord {
  return {
    id: 'd1',
    companyId: 'c1',
    connectionId: 'k1',
    dataType: 'invoices',
    requested: '2024-05-01T09:00:00.0000000Z',
    requestedMs: T0,
    stepMs: STEP,
    outcome,
    settled: false,
  };
}

describe('pull lifecycle', () => {
  it('walks one phase per step to Complete, progress rising', () => {
    const d = dataset('Complete');
    const seen = [0, 1, 2, 3, 4, 5].map((step) => {
      const json = renderPullOperation(d, T0 + step * STEP);
      return [json.status, json.progress];
    });
    expect(seen).toEqual([
      ['Queued', 0],
      ['Fetching', 20],
      ['Mapping', 40],
      ['Validating', 60],
      ['Processing', 80],
      ['Complete', 100],
    ]);
    expect(finishMs(d)).toBe(T0 + 5 * STEP);
  });

  it('reports completion fields only once finished', () => {
    const d = dataset('Complete');
    const running = renderPullOperation(d, T0 + 4 * STEP);
    expect(running).not.toHaveProperty('completed');
    expect(running).toMatchObject({ isCompleted: false, isErrored: false });
    expect(running).not.toHaveProperty('errorMessage');
    const done = renderPullOperation(d, T0 + 5 * STEP);
    expect(done).toMatchObject({ isCompleted: true, isErrored: false, completed: codatTimestamp(T0 + 5 * STEP) });
  });

  it('stops an error in the phase it belongs to', () => {
    const d = dataset('FetchError');
    expect(statusAt(d, T0 + STEP)).toBe('Fetching');
    const failed = renderPullOperation(d, T0 + 2 * STEP);
    expect(failed).toMatchObject({ status: 'FetchError', progress: 20, isCompleted: false, isErrored: true });
    expect(failed.errorMessage).toEqual(expect.any(String));
    expect(statusAt(d, T0 + 100 * STEP)).toBe('FetchError');
  });

  it('fails authorisation errors at once and treats NotSupported as not errored', () => {
    expect(renderPullOperation(dataset('AuthError'), T0)).toMatchObject({ status: 'AuthError', progress: 0, isErrored: true });
    expect(renderPullOperation(dataset('NotSupported'), T0)).toMatchObject({ status: 'NotSupported', isErrored: false, isCompleted: false });
  });

  it('trusts a settled dataset regardless of the clock', () => {
    const d = { ...dataset('MapError'), settled: true };
    expect(statusAt(d, T0)).toBe('MapError');
  });
});
