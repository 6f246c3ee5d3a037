import { timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFactError } from '@fact/core';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverToFolder } from './folder.js';
import { expectedSignature, pushPackage, SIGNATURE_HEADER } from './push.js';

const SECRET = 'shared-secret-for-tests';
let server: Server | undefined;

/** A local factor endpoint answering each request with the next status of `statuses`. */
async function endpoint(statuses: number[]): Promise<{ url: string; bodies: Buffer[]; signatures: string[] }> {
  const bodies: Buffer[] = [];
  const signatures: string[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      signatures.push(String(req.headers[SIGNATURE_HEADER]));
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/intake`, bodies, signatures };
}

afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function packageFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fact-push-'));
  const path = join(dir, 'B-1.zip');
  await writeFile(path, Buffer.from('PK\u0003\u0004 a package'));
  return path;
}

const noWait = async () => {};

describe('pushPackage', () => {
  it('delivers the file with an HMAC-SHA256 signature the factor can check', async () => {
    const ep = await endpoint([200]);
    const path = await packageFile();
    const result = await pushPackage(path, { url: ep.url, hmacKey: SECRET, allowedSchemes: ['http:'], sleep: noWait });
    expect(result).toEqual({ delivered: true, status: 200, attempts: 1 });
    const body = ep.bodies[0] ?? Buffer.alloc(0);
    expect(body.equals(await readFile(path))).toBe(true);
    expect(timingSafeEqual(Buffer.from(ep.signatures[0] ?? ''), Buffer.from(expectedSignature(body, SECRET)))).toBe(true);
  });

  it('retries 503 and 429 with doubling backoff, then succeeds', async () => {
    const ep = await endpoint([503, 429, 201]);
    const waits: number[] = [];
    const result = await pushPackage(await packageFile(), { url: ep.url, hmacKey: SECRET, allowedSchemes: ['http:'], backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(result).toEqual({ delivered: true, status: 201, attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it('stops at once on a 400 (the same request would fail again)', async () => {
    const ep = await endpoint([400, 200]);
    const result = await pushPackage(await packageFile(), { url: ep.url, hmacKey: SECRET, allowedSchemes: ['http:'], sleep: noWait });
    expect(result).toEqual({ delivered: false, attempts: 1, lastStatus: 400, reason: 'the endpoint answered 400' });
  });

  it('gives up after the retries when the endpoint keeps failing', async () => {
    const ep = await endpoint([500, 500, 500]);
    const result = await pushPackage(await packageFile(), { url: ep.url, hmacKey: SECRET, allowedSchemes: ['http:'], retries: 2, sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 3, lastStatus: 500 });
  });

  it('refuses plain HTTP unless the caller allows it (INVALID_ARGUMENT on url)', async () => {
    const error = await pushPackage(await packageFile(), { url: 'http://127.0.0.1:9/x', hmacKey: SECRET }).catch((e: unknown) => e);
    expect(isFactError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as { field: string }).field).toBe('url');
  });

  it('counts a refused connection as a failed attempt and retries', async () => {
    const result = await pushPackage(await packageFile(), { url: 'http://127.0.0.1:9/x', hmacKey: SECRET, allowedSchemes: ['http:'], retries: 1, sleep: noWait });
    expect(result).toMatchObject({ delivered: false, attempts: 2 });
  });
});

describe('deliverToFolder', () => {
  it('copies the package into the folder under its own name', async () => {
    const path = await packageFile();
    const target = await deliverToFolder(path, join(await mkdtemp(join(tmpdir(), 'fact-inbox-')), 'inbox'));
    expect((await readFile(target)).equals(await readFile(path))).toBe(true);
  });
});
