import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

describe('file document store: a hash is the only way in (path traversal)', () => {
  it('refuses names that would leave the root, even where the target file exists', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'fact-docs-parent-'));
    dirs.push(parent);
    const root = join(parent, 'documents');
    const store = fileDocumentStore(root);
    const secret = new TextEncoder().encode('not a document');
    await writeFile(join(parent, 'secret.txt'), secret);
    // A store that joined the name into a path would answer these with a file's bytes:
    // '../../etc/passwd' resolves to /etc/passwd from a root under /tmp, '../secret.txt' to the file above.
    expect(existsSync('/etc/passwd')).toBe(true);
    for (const name of ['../../etc/passwd', '../secret.txt', '/etc/passwd', `${'a'.repeat(62)}/..`, `${'0'.repeat(64)}/../../../secret.txt`, `${'A'.repeat(64)}`, `${'0'.repeat(63)}\u0000`]) {
      expect(await store.get(name), name).toBeNull();
    }
    // Control: the same store serves a real hash.
    const hash = await store.put(secret);
    expect(Buffer.from((await store.get(hash))!).toString()).toBe('not a document');
  });
});
