import { createWriteStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFactoringPackage } from '../package/build-package.js';
import { generateFirmKeys, signBytes } from '../package/signing.js';
import { parseFactorProfile } from '../profile/parse-profile.js';
import { AS_OF, profileInput } from '../test-support/fixtures.js';
import { packageBatch } from '../test-support/package-fixture.js';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from '../test-support/test-keys.js';
import { readZip, writeZip } from '../test-support/zip-tools.js';
import { verifyFactoringPackage } from './verify-package.js';

let dir: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fact-verify-'));
  original = join(dir, 'original.zip');
  const out = createWriteStream(original);
  await writeFactoringPackage({ batch: packageBatch(), profile: parseFactorProfile(profileInput()), asOf: AS_OF, privateKey: TEST_PRIVATE_KEY }, out);
  await finished(out);
});

async function tampered(name: string, change: (files: Map<string, Buffer>) => void): Promise<string> {
  const files = await readZip(original);
  change(files);
  const path = join(dir, `${name}.zip`);
  await writeZip(path, files);
  return path;
}

const messages = (v: Awaited<ReturnType<typeof verifyFactoringPackage>>) => v.problems.map((p) => p.message);

describe('verifyFactoringPackage', () => {
  it('accepts the package as built', async () => {
    const v = await verifyFactoringPackage(original, TEST_PUBLIC_KEY);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('names the changed file', async () => {
    const path = await tampered('changed', (f) => f.set('invoices/F-2.pdf', Buffer.from('%PDF-1.4 forged')));
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'checksum-mismatch', path: 'invoices/F-2.pdf' })]);
    expect(messages(v)[0]).toMatch(/^invoices\/F-2\.pdf: SHA-256 is [0-9a-f]{64}, the manifest says/);
  });

  it('names the removed file', async () => {
    const path = await tampered('removed', (f) => f.delete('debtors/fr-1/notice-of-assignment.pdf'));
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'missing-file', path: 'debtors/fr-1/notice-of-assignment.pdf' })]);
    expect(messages(v)[0]).toBe('debtors/fr-1/notice-of-assignment.pdf: listed in the manifest but missing from the package');
  });

  it('names the added file', async () => {
    const path = await tampered('added', (f) => f.set('invoices/F-99.pdf', Buffer.from('%PDF extra')));
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'extra-file', path: 'invoices/F-99.pdf' })]);
  });

  it('refuses a changed manifest: the signature no longer verifies', async () => {
    const path = await tampered('manifest', (f) => {
      const text = f.get('manifest.json')?.toString('utf8') ?? '';
      f.set('manifest.json', Buffer.from(text.replace('"advanceAmount": "1028.50"', '"advanceAmount": "1128.50"')));
    });
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    const kinds = v.problems.map((p) => p.kind);
    expect(kinds).toContain('bad-signature');
    expect(kinds).toContain('totals-mismatch');
    expect(messages(v)).toContain('manifest.sig: the signature over manifest.json does not verify (the manifest or the signature was changed after signing)');
    expect(messages(v).some((m) => m.startsWith('manifest.json: SHA-256 is'))).toBe(true);
  });

  it('refuses a manifest re-signed with another key, naming both keys', async () => {
    const other = generateFirmKeys();
    const path = await tampered('resigned', (f) => f.set('manifest.sig', Buffer.from(`${signBytes(f.get('manifest.json') ?? Buffer.alloc(0), other.privateKeyPem)}\n`)));
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.problems.map((p) => p.kind)).toContain('bad-signature');
  });

  it('refuses the right package checked with the wrong public key, and says which key signed', async () => {
    const v = await verifyFactoringPackage(original, generateFirmKeys().publicKeyPem);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'bad-signature' })]);
    expect(messages(v)[0]).toMatch(/^manifest\.sig: the signature over manifest\.json does not verify \(the manifest names key ed25519:[0-9a-f]{32}, the key given is ed25519:[0-9a-f]{32}\)$/);
  });

  it('refuses a missing signature', async () => {
    const path = await tampered('nosig', (f) => f.delete('manifest.sig'));
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.problems.map((p) => p.message)).toContain('manifest.sig: missing, so the manifest cannot be trusted');
  });

  it('reports a file that is not a ZIP', async () => {
    const path = join(dir, 'not-a-zip.zip');
    await writeFile(path, 'hello');
    const v = await verifyFactoringPackage(path, TEST_PUBLIC_KEY);
    expect(v.problems[0]?.kind).toBe('unreadable');
  });
});
