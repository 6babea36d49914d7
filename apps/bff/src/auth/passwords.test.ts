import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('hashes with scrypt, a random salt and the parameters in the hash', async () => {
    const first = await hashPassword('correct horse battery', 10);
    const second = await hashPassword('correct horse battery', 10);
    expect(first).toMatch(/^scrypt\$10\$8\$3\$[\w+/=]{24}\$[\w+/=]{44}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text-password')).toBe(false);
  });

  it('works at the production cost (N = 2^15, r = 8, p = 3: 32 MiB per hash)', async () => {
    const hash = await hashPassword('x', 15);
    expect(hash.startsWith('scrypt$15$8$3$')).toBe(true);
    expect(await verifyPassword('x', hash)).toBe(true);
  });

  it('generates 20-character passwords', () => {
    expect(generatePassword()).toMatch(/^[\w-]{20}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
