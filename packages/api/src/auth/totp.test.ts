import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCode, totpUri } from './totp.js';
import { readPendingLogin, signPendingLogin } from './pending-login.js';

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" (ASCII) in base32, with the 8-digit
// values of the table; a 6-digit code is the same truncation mod 10^6, i.e. the last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at T=%i s the code is the last six digits of %s', (seconds, eight) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(eight.slice(2));
  });

  it('accepts the current code and one step either side, and names the step it matched', () => {
    const now = new Date(1111111111 * 1000); // step 37037037
    const step = Math.floor(1111111111 / 30);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 60_000)), now)).toBeNull();
  });

  it('refuses what is not six digits, and tolerates a space in the middle', () => {
    const now = new Date(59_000);
    expect(matchTotp(RFC_SECRET, '287 082', now)).toBe(1);
    for (const bad of ['', '28708', '2870822', 'abcdef', '94287082', '28708x']) expect(matchTotp(RFC_SECRET, bad, now)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI an app can scan', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, 'anna@kantoor.be'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Fact:anna@kantoor.be');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'Fact', secret: a, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});

describe('pending-login token', () => {
  const secret = 'a-server-secret-of-enough-length-0123456789';
  const now = new Date('2025-03-15T09:00:00Z');
  const pending = { userId: '0193a000-0000-7000-8000-000000000001', lastStep: 42, expiresAt: new Date(now.getTime() + 300_000) };

  it('round-trips what it signed until it expires', () => {
    const token = signPendingLogin(pending, secret);
    expect(readPendingLogin(token, secret, now)).toEqual(pending);
    expect(readPendingLogin(token, secret, pending.expiresAt)).toBeNull();
  });

  it('refuses another secret, an edited payload and junk', () => {
    const token = signPendingLogin(pending, secret);
    expect(readPendingLogin(token, `${secret}x`, now)).toBeNull();
    const [payload, sig] = token.slice(3).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), u: 'someone-else' })).toString('base64url');
    expect(readPendingLogin(`fp_${forged}.${sig}`, secret, now)).toBeNull();
    for (const junk of ['', 'fp_', 'fp_a.b', `${token}.x`, token.replace('fp_', 'fs_')]) expect(readPendingLogin(junk, secret, now)).toBeNull();
  });
});
