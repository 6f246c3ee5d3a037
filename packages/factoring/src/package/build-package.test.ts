import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { isFactError } from '@fact/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFactorProfile } from '../profile/parse-profile.js';
import { AS_OF, profileInput } from '../test-support/fixtures.js';
import { packageBatch, ublFor } from '../test-support/package-fixture.js';
import { TEST_PRIVATE_KEY, TEST_PUBLIC_KEY } from '../test-support/test-keys.js';
import { readZip } from '../test-support/zip-tools.js';
import { writeFactoringPackage, type BuildPackageInput } from './build-package.js';
import { manifestSchemaV1 } from './manifest-schema.js';
import { verifyBytes } from './signing.js';

const PRIVATE_KEY = TEST_PRIVATE_KEY;
const PUBLIC_KEY = TEST_PUBLIC_KEY;

function input(): BuildPackageInput {
  return { batch: packageBatch(), profile: parseFactorProfile(profileInput()), asOf: AS_OF, privateKey: PRIVATE_KEY };
}

async function toBuffer(build: BuildPackageInput): Promise<{ zip: Buffer; result: Awaited<ReturnType<typeof writeFactoringPackage>> }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk);
      done();
    },
  });
  const result = await writeFactoringPackage(build, sink);
  return { zip: Buffer.concat(chunks), result };
}

describe('factoring package', () => {
  let dir: string;
  let zipPath: string;
  let first: Awaited<ReturnType<typeof toBuffer>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fact-factoring-'));
    zipPath = join(dir, 'package.zip');
    first = await toBuffer(input());
    await writeFactoringPackage(input(), createWriteStream(zipPath));
  });

  it('is byte-identical when built twice from the same input (golden SHA-256)', async () => {
    const second = await toBuffer(input());
    expect(second.zip.equals(first.zip)).toBe(true);
    const onDisk = await readFile(zipPath);
    expect(onDisk.equals(first.zip)).toBe(true);
    expect(first.result.sha256).toBe(createHash('sha256').update(first.zip).digest('hex'));
    // Golden: changes only when the package format, the PDF renderer or zlib's output changes.
    expect(first.result.sha256).toBe('2bc2d99d39e3657650584befe558b7012e415aeebbd1b260cd6f080527cb838a');
  });

  it('holds the files in sorted order, with fixed timestamps', async () => {
    const entries = [...(await readZip(zipPath)).keys()];
    expect(entries).toEqual([
      'debtors/en-1/notice-of-assignment.pdf',
      'debtors/fr-1/notice-of-assignment.pdf',
      'debtors/nl-1/notice-of-assignment.pdf',
      'invoices.csv',
      'invoices/F-1.pdf',
      'invoices/F-1.xml',
      'invoices/F-2.pdf',
      'invoices/F-2.xml',
      'invoices/F-3.pdf',
      'invoices/F-3.xml',
      'manifest.json',
      'manifest.sig',
      'sha256sums.txt',
    ]);
  });

  it('has a manifest that matches schema v1, adds up, and is signed with the firm key', async () => {
    const files = await readZip(zipPath);
    const manifestBytes = files.get('manifest.json') ?? Buffer.alloc(0);
    const manifest = manifestSchemaV1.parse(JSON.parse(manifestBytes.toString('utf8')));
    // 3 × 1210.00 bought (F-4 is disputed); 85 % advance = 1028.50 each; fee 1.5 % = 18.15 + 2.50 each.
    expect(manifest.totals).toEqual({ invoiceCount: 3, outstanding: '3630.00', eligible: '3630.00', advance: '3085.50', fee: '61.95', payout: '3023.55' });
    expect(manifest.invoices.map((i) => i.number)).toEqual(['F-1', 'F-2', 'F-3']);
    expect(verifyBytes(manifestBytes, (files.get('manifest.sig') ?? Buffer.alloc(0)).toString(), PUBLIC_KEY)).toBe(true);
    for (const f of manifest.files) expect(createHash('sha256').update(files.get(f.path) ?? '').digest('hex')).toBe(f.sha256);
  });

  it('lists every other file in sha256sums.txt (sha256sum -c format)', async () => {
    const files = await readZip(zipPath);
    const lines = (files.get('sha256sums.txt') ?? Buffer.alloc(0)).toString().trim().split('\n');
    expect(lines).toHaveLength(files.size - 1);
    for (const line of lines) {
      const [hash, name] = line.split('  ');
      expect(createHash('sha256').update(files.get(name ?? '') ?? 'missing').digest('hex')).toBe(hash);
    }
  });

  it('neutralises formula injection in invoices.csv', async () => {
    const csv = (await readZip(zipPath)).get('invoices.csv')?.toString('utf8') ?? '';
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`'+32 credit`);
    for (const line of csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
    }
  });

  it('writes the notice in the debtor language, with the factor IBAN when the assignment is open', async () => {
    const { noticeModel } = await import('./notice.js');
    const batch = packageBatch();
    const profile = parseFactorProfile(profileInput());
    const debtor = batch.debtors.find((d) => d.id === 'fr-1');
    if (!debtor) throw new Error('fixture');
    const open = JSON.stringify(noticeModel({ batch, profile, debtor, invoices: batch.invoices.slice(1, 2), date: AS_OF }).blocks);
    expect(open).toContain('Notification de cession de créances');
    expect(open).toContain('IBAN BE71 0961 2345 6769');
    expect(open).toContain("n'est plus libératoire");
    const silent = JSON.stringify(noticeModel({ batch, profile: { ...profile, assignment: 'silent' }, debtor, invoices: batch.invoices.slice(1, 2), date: AS_OF }).blocks);
    expect(silent).not.toContain('BE71');
    expect(silent).toContain("n'est pas notifiée");
  });

  it('refuses a UBL document of another invoice (INVALID_INVOICE naming the document)', async () => {
    const build = input();
    const batch = { ...build.batch, invoices: build.batch.invoices.map((i) => (i.id === '2' ? { ...i, documents: { ubl: { text: ublFor('F-999', '1210.00') } } } : i)) };
    const error = await toBuffer({ ...build, batch }).catch((e: unknown) => e);
    expect(isFactError(error, 'INVALID_INVOICE')).toBe(true);
    expect((error as Error).message).toContain('batch.invoices[1].documents.ubl');
    expect((error as Error).message).toContain('"F-999", not "F-2"');
  });
});
