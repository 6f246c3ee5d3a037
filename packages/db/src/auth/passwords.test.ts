import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('passwords', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const stored = await hashPassword('demo-Secret-1', cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('demo-Secret-1', stored)).toBe(true);
    expect(await verifyPassword('demo-secret-1', stored)).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('x', cheap)).not.toBe(await hashPassword('x', cheap));
  });

  it('uses the strong default cost', async () => {
    expect((await hashPassword('x')).startsWith('scrypt$131072$8$1$')).toBe(true);
  });

  it('refuses malformed or absurd stored values instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$AAAA$AAAA', 'bcrypt$1024$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', 'scrypt$4294967296$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==']) {
      expect(await verifyPassword('x', bad), bad).toBe(false);
    }
  });
});
