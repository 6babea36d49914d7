import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEnv } from './env.js';

describe('loadEnv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('applies defaults: the embedded emulator when no key is set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8080, CODAT_BASE_URL: 'https://api.codat.io', EMULATOR_COMPANIES: 300 });
    expect(env.CODAT_API_KEY).toBeUndefined();
  });

  it('treats an empty key as unset', () => {
    expect(loadEnv({ CODAT_API_KEY: '  ' }).CODAT_API_KEY).toBeUndefined();
  });

  it('exits naming the bad variable', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => loadEnv({ PORT: 'eighty', CODAT_BASE_URL: 'ftp://x' })).toThrow('exit');
    expect(exit).toHaveBeenCalledWith(1);
    const message = error.mock.calls[0]?.[0] as string;
    expect(message).toContain('PORT');
    expect(message).toContain('CODAT_BASE_URL');
  });

  it('refuses an embedded emulator fleet too big for the BFF heap, saying what to do instead', () => {
    vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => loadEnv({ EMULATOR_COMPANIES: '100000' })).toThrow('exit');
    expect(error.mock.calls.at(-1)?.[0]).toMatch(/EMULATOR_COMPANIES.*npm run emulator -- --companies N/s);
    expect(loadEnv({ EMULATOR_COMPANIES: '20000' }).EMULATOR_COMPANIES).toBe(20_000);
  });
});
