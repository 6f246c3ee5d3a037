import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFactError } from '@fact/core';
import { afterEach, describe, expect, it } from 'vitest';
import { httpsReceiver, type HttpsReceiver } from '../test-support/https-receiver.js';
import { deliverToFolder } from './folder.js';
import { pushSignature, verifyPushSignature } from './push-signature.js';
import { pushPackage, type PushAttempt } from './push.js';

const SECRET = 'shared-secret-for-tests';
const NOW = new Date('2025-03-15T09:00:00Z');
const T = String(NOW.getTime() / 1000);
let receiver: HttpsReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function packageFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fact-push-'));
  const path = join(dir, 'B-1.zip');
  await writeFile(path, Buffer.from('PK\u0003\u0004 a package'));
  return path;
}

const noWait = async () => {};

describe('pushPackage over HTTPS (self-signed certificate trusted through ca)', () => {
  it('fails twice, then the factor gets the package once, verified, under the idempotency key', async () => {
    receiver = await httpsReceiver(SECRET, [503, 500]);
    const path = await packageFile();
    const attempts: PushAttempt[] = [];
    const waits: number[] = [];
    const result = await pushPackage(path, {
      url: receiver.url,
      ca: receiver.ca,
      allowPrivateAddresses: true,
      hmacKey: SECRET,
      idempotencyKey: 'batch-1',
      backoffMs: 100,
      now: () => NOW,
      sleep: async (ms) => void waits.push(ms),
      onAttempt: (a) => void attempts.push(a),
    });
    expect(result).toEqual({ delivered: true, status: 201, attempts: 3 });
    expect(waits).toEqual([100, 200]);
    expect(attempts.map((a) => [a.attempt, a.status, a.delivered, a.retryable])).toEqual([
      [1, 503, false, true],
      [2, 500, false, true],
      [3, 201, true, false],
    ]);
    expect(receiver.stored.size).toBe(1);
    expect(receiver.stored.get('batch-1')?.equals(await readFile(path))).toBe(true);
    // Every attempt carried the same key and a signature over its timestamp and body.
    expect(receiver.requests.map((r) => [r.headers['idempotency-key'], r.headers['x-fact-timestamp'], r.signatureValid])).toEqual([
      ['batch-1', T, true],
      ['batch-1', T, true],
      ['batch-1', T, true],
    ]);
  });

  it('a second push of the same package has no second effect at the receiver', async () => {
    receiver = await httpsReceiver(SECRET);
    const bytes = await readFile(await packageFile());
    const options = { url: receiver.url, ca: receiver.ca, allowPrivateAddresses: true, hmacKey: SECRET, idempotencyKey: 'batch-2', now: () => NOW };
    expect(await pushPackage(bytes, options)).toMatchObject({ delivered: true, status: 201 });
    expect(await pushPackage(bytes, options)).toMatchObject({ delivered: true, status: 200 });
    expect(receiver.stored.size).toBe(1);
  });

  it('with another secret the receiver detects the forgery and refuses it (401, not retried)', async () => {
    receiver = await httpsReceiver(SECRET);
    const result = await pushPackage(await packageFile(), { url: receiver.url, ca: receiver.ca, allowPrivateAddresses: true, hmacKey: 'not-the-shared-secret', idempotencyKey: 'batch-3', now: () => NOW, sleep: noWait });
    expect(result).toEqual({ delivered: false, attempts: 1, lastStatus: 401, reason: 'the endpoint answered 401' });
    expect(receiver.requests[0]?.signatureValid).toBe(false);
    expect(receiver.stored.size).toBe(0);
  });

  it('does not trust the self-signed certificate without ca (verification stays on)', async () => {
    receiver = await httpsReceiver(SECRET);
    const result = await pushPackage(await packageFile(), { url: receiver.url, allowPrivateAddresses: true, hmacKey: SECRET, idempotencyKey: 'batch-4', retries: 1, sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 2, reason: expect.stringMatching(/self[- ]signed|certificate/i) });
    expect(receiver.requests).toHaveLength(0);
  });

  it('stops at once on a 400 and gives up after the retries on repeated 5xx', async () => {
    receiver = await httpsReceiver(SECRET, [400]);
    const stop = await pushPackage(await packageFile(), { url: receiver.url, ca: receiver.ca, allowPrivateAddresses: true, hmacKey: SECRET, idempotencyKey: 'b', sleep: noWait });
    expect(stop).toMatchObject({ delivered: false, attempts: 1, lastStatus: 400 });
    await receiver.close();
    receiver = await httpsReceiver(SECRET, [500, 502, 504]);
    const giveUp = await pushPackage(await packageFile(), { url: receiver.url, ca: receiver.ca, allowPrivateAddresses: true, hmacKey: SECRET, idempotencyKey: 'b', retries: 2, sleep: noWait });
    expect(giveUp).toMatchObject({ delivered: false, attempts: 3, lastStatus: 504 });
  });

  it('refuses plain HTTP unless the caller allows it (INVALID_ARGUMENT on url)', async () => {
    const error = await pushPackage(await packageFile(), { url: 'http://127.0.0.1:9/x', hmacKey: SECRET, idempotencyKey: 'b' }).catch((e: unknown) => e);
    expect(isFactError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as { field: string }).field).toBe('url');
  });

  it('counts a refused connection as a failed attempt and retries', async () => {
    const result = await pushPackage(await packageFile(), { url: 'http://127.0.0.1:9/x', hmacKey: SECRET, idempotencyKey: 'b', allowedSchemes: ['http:'], allowPrivateAddresses: true, retries: 1, sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 2 });
  });
});

describe('verifyPushSignature (the receiver side)', () => {
  const body = Buffer.from('PK\u0003\u0004 the package');
  const at = 1_742_029_200;
  const signature = pushSignature(body, at, SECRET);
  const check = (over: Partial<Parameters<typeof verifyPushSignature>[0]>) =>
    verifyPushSignature({ body, timestamp: String(at), signature, secret: SECRET, now: new Date(at * 1000 + 60_000), ...over });

  it('accepts the body as sent', () => {
    expect(check({})).toEqual({ ok: true, timestamp: at });
  });
  it('names a changed body, another secret, an old timestamp and a missing header', () => {
    const tampered = Buffer.from(body);
    tampered[5] = 0x58;
    expect(check({ body: tampered })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(check({ secret: 'other' })).toMatchObject({ ok: false, reason: 'mismatch' });
    // The timestamp is inside the MAC: moving it to look fresh breaks the signature.
    expect(check({ timestamp: String(at + 60) })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(check({ now: new Date((at + 3600) * 1000) })).toMatchObject({ ok: false, reason: 'stale' });
    expect(check({ signature: undefined })).toMatchObject({ ok: false, reason: 'missing' });
    expect(check({ signature: 'sha256=abc' })).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('deliverToFolder', () => {
  it('copies the package into the folder under its own name', async () => {
    const path = await packageFile();
    const target = await deliverToFolder(path, join(await mkdtemp(join(tmpdir(), 'fact-inbox-')), 'inbox'));
    expect((await readFile(target)).equals(await readFile(path))).toBe(true);
  });
});
