import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileDocumentStore, memoryDocumentStore, sha256Hex } from './store.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.each([
  ['memory', async () => memoryDocumentStore()],
  [
    'file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'fact-docs-'));
      dirs.push(dir);
      return fileDocumentStore(dir);
    },
  ],
])('%s document store', (_name, make) => {
  it('returns the bytes stored under their SHA-256', async () => {
    const store = await make();
    const bytes = new TextEncoder().encode('%PDF-1.7 invoice');
    const hash = await store.put(bytes);
    expect(hash).toBe(sha256Hex(bytes));
    expect(Buffer.from((await store.get(hash))!).toString()).toBe('%PDF-1.7 invoice');
  });
  it('answers null for a hash it does not hold', async () => {
    const store = await make();
    expect(await store.get('0'.repeat(64))).toBeNull();
  });
});
