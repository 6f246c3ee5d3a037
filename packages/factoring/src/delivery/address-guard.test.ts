import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpsReceiver, type HttpsReceiver } from '../test-support/https-receiver.js';
import { blockedAddressReason, endpointUrlProblem, guardedLookup } from './address-guard.js';
import { pushPackage } from './push.js';

const SECRET = 'shared-secret-for-tests';
const noWait = async () => {};

describe('blockedAddressReason, per range', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.10', 'private (RFC 1918)'],
    ['fc00::1', 'private (unique local fc00::/7)'],
    ['fd12:3456::1', 'private (unique local fc00::/7)'],
    ['169.254.169.254', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['169.254.0.1', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['fe80::1', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['fe80::1%eth0', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['febf::1', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['100.64.0.1', 'shared address space (CGNAT 100.64.0.0/10)'],
    ['100.127.255.255', 'shared address space (CGNAT 100.64.0.0/10)'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved or broadcast'],
    // IPv4-mapped IPv6, dotted and hex, and in URL brackets.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:a9fe:a9fe]', 'link-local (incl. cloud metadata 169.254.169.254)'],
    ['::ffff:10.1.2.3', 'private (RFC 1918)'],
    ['::ffff:192.168.0.1', 'private (RFC 1918)'],
  ])('%s is %s', (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '172.15.255.255', '100.63.255.255', '100.128.0.1', '169.253.255.255', '223.255.255.255', '2001:4860:4860::8888', 'fec0::1', '::ffff:8.8.8.8', 'factor.example'])(
    '%s is allowed',
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );
});

describe('endpointUrlProblem (when the endpoint is configured)', () => {
  const strict = { allowPrivate: false };
  it('accepts a public https name or address', () => {
    expect(endpointUrlProblem('https://intake.factor.example/fact', strict)).toBeNull();
    expect(endpointUrlProblem('https://93.184.216.34:8443/fact', strict)).toBeNull();
  });
  it('refuses other schemes, credentials, loopback names and literal blocked addresses, naming the URL and why', () => {
    expect(endpointUrlProblem('http://intake.factor.example/fact', strict)).toBe('http://intake.factor.example/fact is refused: only https:// endpoints are allowed');
    expect(endpointUrlProblem('not a url', strict)).toBe('not a url is not a URL');
    expect(endpointUrlProblem('https://u:p@factor.example/', strict)).toMatch(/credentials/);
    expect(endpointUrlProblem('https://localhost:8443/x', strict)).toMatch(/^https:\/\/localhost:8443\/x is refused: localhost is a loopback name/);
    expect(endpointUrlProblem('https://api.localhost./x', strict)).toMatch(/loopback name/);
    expect(endpointUrlProblem('https://169.254.169.254/latest/meta-data', strict)).toMatch(/^https:\/\/169\.254\.169\.254\/latest\/meta-data is refused: 169\.254\.169\.254 is a link-local .* FACT_PUSH_ALLOW_PRIVATE=1/);
    expect(endpointUrlProblem('https://[::ffff:10.0.0.1]/x', strict)).toMatch(/private \(RFC 1918\)/);
    // Odd spellings of 127.0.0.1 are normalised by the URL parser before the check.
    expect(endpointUrlProblem('https://2130706433/x', strict)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(endpointUrlProblem('https://0x7f.1/x', strict)).toMatch(/loopback address/);
  });
  it('lets the operator allow private targets, but never plain http', () => {
    expect(endpointUrlProblem('https://10.0.0.5/x', { allowPrivate: true })).toBeNull();
    expect(endpointUrlProblem('http://10.0.0.5/x', { allowPrivate: true })).toMatch(/only https/);
  });
});

/** A resolver answering fixed addresses, counting its calls. */
function fixedLookup(addresses: string[]): LookupFunction & { calls: number } {
  const fn = ((_host: string, options: { all?: boolean }, cb: (e: Error | null, a: LookupAddress[] | string, f?: number) => void) => {
    fn.calls++;
    const list = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    if (options.all) cb(null, list);
    else cb(null, list[0]!.address, list[0]!.family);
  }) as unknown as LookupFunction & { calls: number };
  fn.calls = 0;
  return fn;
}

describe('guardedLookup', () => {
  const run = (lookup: LookupFunction, all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) => guardedLookup('https://factor.example/x', lookup)('factor.example', { all }, (error, result) => resolve({ error, result })));

  it('passes public addresses through, in the form asked for', async () => {
    expect(await run(fixedLookup(['93.184.216.34', '2001:db8::1']), true)).toEqual({ error: null, result: [{ address: '93.184.216.34', family: 4 }, { address: '2001:db8::1', family: 6 }] });
    expect((await run(fixedLookup(['93.184.216.34']), false)).result).toBe('93.184.216.34');
  });
  it('refuses when any address returned is blocked, naming the URL, the address and why', async () => {
    const { error } = await run(fixedLookup(['93.184.216.34', '::ffff:169.254.169.254']), false);
    expect(error?.message).toBe(
      'push to https://factor.example/x refused: factor.example resolves to ::ffff:169.254.169.254, a link-local (incl. cloud metadata 169.254.169.254) address (set FACT_PUSH_ALLOW_PRIVATE=1 only if the factor really is on a private network)',
    );
  });
});

describe('pushPackage refuses private targets unless allowed (real HTTPS server on loopback)', () => {
  let receiver: HttpsReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  const bytes = Buffer.from('PK\u0003\u0004 a package');

  it('a host name resolving to 127.0.0.1 (localhost, through DNS) is refused, once, and nothing reaches the server', async () => {
    receiver = await httpsReceiver(SECRET);
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    const result = await pushPackage(bytes, { url, ca: receiver.ca, hmacKey: SECRET, idempotencyKey: 'b-1', sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 1, reason: expect.stringMatching(new RegExp(`^push to ${url} refused: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address`)) });
    expect(receiver.requests).toHaveLength(0);
  });

  it('a literal loopback address is refused too (node does not resolve literals)', async () => {
    receiver = await httpsReceiver(SECRET);
    const result = await pushPackage(bytes, { url: receiver.url, ca: receiver.ca, hmacKey: SECRET, idempotencyKey: 'b-2', sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 1, reason: expect.stringContaining('127.0.0.1 is a loopback address') });
    expect(receiver.requests).toHaveLength(0);
  });

  it('the connection goes to the address the guarded lookup answered', async () => {
    receiver = await httpsReceiver(SECRET);
    const url = receiver.url.replace('127.0.0.1', 'localhost');
    const publicAnswer = fixedLookup(['93.184.216.34', '127.0.0.1']);
    expect(await pushPackage(bytes, { url, ca: receiver.ca, hmacKey: SECRET, idempotencyKey: 'b-3', lookup: publicAnswer, retries: 0, sleep: noWait })).toMatchObject({
      delivered: false,
      reason: expect.stringContaining('resolves to 127.0.0.1, a loopback address'),
    });
    const allowed = fixedLookup(['127.0.0.1']);
    expect(await pushPackage(bytes, { url, ca: receiver.ca, hmacKey: SECRET, idempotencyKey: 'b-3', lookup: allowed, allowPrivateAddresses: true })).toMatchObject({ delivered: true, status: 201 });
    expect(allowed.calls).toBe(1);
    expect(receiver.stored.size).toBe(1);
  });
});
