import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STOP_POLLING, useBackoffPolling } from './useBackoffPolling';

const OPTIONS = { fastMs: 1_000, slowMs: 4_000 };

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Advances the clock by `ms` and lets the polls that fall due settle. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('polling with back-off', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits fastMs, stretches ×1.5 up to slowMs while nothing changes, and comes back to fastMs on a change', async () => {
    let answer = 'a';
    const poll = vi.fn(async () => answer);
    renderHook(() => useBackoffPolling(poll, 'k', OPTIONS));
    await advance(999);
    expect(poll).toHaveBeenCalledTimes(0);
    await advance(1); // 1 s: the first poll, something new
    await advance(1_000); // 2 s: the same again
    expect(poll).toHaveBeenCalledTimes(2);
    await advance(1_499);
    expect(poll).toHaveBeenCalledTimes(2);
    await advance(1); // 3.5 s: 1.5 s later
    await advance(2_250); // 5.75 s: 2.25 s later
    expect(poll).toHaveBeenCalledTimes(4);
    answer = 'b';
    await advance(3_375); // 9.125 s: 3.375 s later, and changed
    expect(poll).toHaveBeenCalledTimes(5);
    await advance(1_000); // so the next comes after fastMs
    expect(poll).toHaveBeenCalledTimes(6);
    for (let i = 0; i < 6; i += 1) await advance(4_000);
    const calls = poll.mock.calls.length;
    await advance(4_000); // never longer than slowMs
    expect(poll.mock.calls.length).toBe(calls + 1);
  });

  it('pauses while the tab is hidden and polls at once when it shows again', async () => {
    const poll = vi.fn(async () => 'same');
    renderHook(() => useBackoffPolling(poll, 'k', OPTIONS));
    await advance(1_000);
    expect(poll).toHaveBeenCalledTimes(1);
    setVisibility('hidden');
    await advance(60_000);
    expect(poll).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    await advance(0);
    expect(poll).toHaveBeenCalledTimes(2);
  });

  it('stops when told, backs off on failures, and does nothing without a key', async () => {
    const stop = vi.fn(async (): Promise<typeof STOP_POLLING> => STOP_POLLING);
    renderHook(() => useBackoffPolling(stop, 'k', { ...OPTIONS, immediate: true }));
    await advance(10_000);
    expect(stop).toHaveBeenCalledTimes(1);

    const failing = vi.fn(async () => Promise.reject(new Error('offline')));
    renderHook(() => useBackoffPolling(failing, 'k', OPTIONS));
    await advance(1_000 + 1_500 + 2_250);
    expect(failing).toHaveBeenCalledTimes(3);

    const idle = vi.fn(async () => 'x');
    renderHook(() => useBackoffPolling(idle, null, OPTIONS));
    await advance(10_000);
    expect(idle).not.toHaveBeenCalled();
  });
});
