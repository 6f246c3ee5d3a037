import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bearerToken, clientIp } from './request-info.js';

const req = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('bearerToken', () => {
  it('reads a Bearer header, case-insensitively', () => {
    expect(bearerToken(req({ authorization: 'bearer fat_xyz' }))).toBe('fat_xyz');
  });
  it('falls back to the fact_session cookie', () => {
    expect(bearerToken(req({ cookie: 'a=1; fact_session=fs_abc%3D; b=2' }))).toBe('fs_abc=');
  });
  it('returns null for other schemes and no credentials', () => {
    expect(bearerToken(req({ authorization: 'Basic Zm9vOmJhcg==' }))).toBeNull();
    expect(bearerToken(req({}))).toBeNull();
  });
});

describe('clientIp', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    const r = req({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' });
    expect(clientIp(r, false)).toBe('10.0.0.9');
    expect(clientIp(r, true)).toBe('1.2.3.4');
  });
});
