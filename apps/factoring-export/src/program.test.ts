import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema } from '@fact/factoring';
import { httpsReceiver } from '@fact/factoring/testing';
import { CommanderError } from 'commander';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { createProgram } from './program.js';

interface Run {
  readonly out: string;
  readonly err: string;
  readonly exitCode: number | undefined;
}

async function run(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, today: () => '2025-06-30' };
  const program = createProgram(io);
  for (const c of [program, ...program.commands]) c.exitOverride();
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'fact-factoring', ...args]);
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    if (e.exitCode !== 0) process.exitCode = e.exitCode;
  }
  const exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
  process.exitCode = undefined;
  return { out, err, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

const COMMANDS = ['eligibility', 'build', 'verify', 'keygen', 'deliver', 'assignments', 'settlement', 'repurchase', 'deliveries-retry', 'import-data-dir', 'schema'];

describe('fact-factoring --help', () => {
  it('lists every command', async () => {
    const { out } = await run('--help');
    for (const c of COMMANDS) expect(out).toContain(c);
  });

  it.each(COMMANDS)('%s --help describes the command and its options', async (command) => {
    const { out } = await run(command, '--help');
    expect(out).toContain(`Usage: fact-factoring ${command}`);
    expect(out).toContain('--help');
  });

  it('names the required options of build', async () => {
    const { out } = await run('build', '--help');
    for (const o of ['--batch <file>', '--profile <file>', '--key <file>', '--out <file>', '--as-of <date>']) expect(out).toContain(o);
  });

  it('runs as the installed binary (bin/fact-factoring.js)', () => {
    const bin = fileURLToPath(new URL('../bin/fact-factoring.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'verify', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: fact-factoring verify [options] <package>');
  });
});

describe('the manifest JSON Schema shipped with the app', () => {
  it('is the one the package validates with (regenerate with `fact-factoring schema`)', async () => {
    const shipped = JSON.parse(await readFile(new URL('../schema/factoring-manifest-v1.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(manifestJsonSchema());
  });
});

describe('keygen → eligibility → build → verify → assignments', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fact-cli-'));
    const ubl = (n: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>${n}</cbc:ID></Invoice>`;
    await writeFile(file('F-1.xml'), ubl('F-1'));
    const address = { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent', country: 'BE' };
    await writeFile(
      file('batch.json'),
      JSON.stringify({
        formatVersion: 1,
        batchId: 'B-1',
        seller: { id: 's', name: 'Atelier Lumière BV', country: 'BE', vatNumber: 'BE0403019261', iban: 'BE68539007547034', address },
        debtors: [{ id: 'd1', name: 'Brasserie Du Parc SRL', kind: 'business', country: 'BE', language: 'fr', address }],
        invoices: [
          { id: '1', number: 'F-1', debtorId: 'd1', issueDate: '2025-06-01', dueDate: '2025-07-01', currency: 'EUR', grossAmount: '1210.00', outstanding: '1210.00', documents: { ubl: { file: 'F-1.xml' } } },
          { id: '2', number: 'F-2', debtorId: 'd1', issueDate: '2025-01-01', dueDate: '2025-02-01', currency: 'EUR', grossAmount: '100.00', outstanding: '100.00' },
        ],
      }),
    );
    await writeFile(
      file('profile.json'),
      JSON.stringify({
        formatVersion: 1,
        id: 'acme',
        name: 'Acme',
        factor: { name: 'Acme Factoring NV', iban: 'BE71096123456769' },
        assignment: 'open',
        advancePercent: '80',
        feePercent: '1',
        maxInvoiceAgeDays: 90,
        maxDaysPastDue: 60,
        recourse: { days: 90, from: 'due-date' },
      }),
    );
    await run('keygen', '--out-dir', file('keys'), '--name', 'firm');
  });

  it('reports eligibility as markdown with the reason for the old invoice', async () => {
    const { out } = await run('eligibility', '--batch', file('batch.json'), '--profile', file('profile.json'));
    expect(out).toContain('# Factoring selection B-1');
    expect(out).toMatch(/\| F-2 \|.*AGE: 180 days since the invoice date, limit 90/);
  });

  it('builds a package that verifies with the firm key and fails with another', async () => {
    const built = await run('build', '--batch', file('batch.json'), '--profile', file('profile.json'), '--key', file('keys/firm.key.pem'), '--out', file('B-1.zip'));
    expect(built.out).toContain('1 invoices, eligible EUR 1210.00, advance EUR 968.00');
    const ok = await run('verify', file('B-1.zip'), '--public-key', file('keys/firm.pub.pem'));
    expect(ok.out).toContain('OK (1 invoices, batch B-1)');
    expect(ok.exitCode).toBeUndefined();

    await run('keygen', '--out-dir', file('keys'), '--name', 'other');
    const wrongKey = await run('verify', file('B-1.zip'), '--public-key', file('keys/other.pub.pem'));
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.err).toContain('manifest.sig: the signature over manifest.json does not verify');
    expect(wrongKey.err).toContain('FAILED (1 problem)');

    const notAKey = await run('verify', file('B-1.zip'), '--public-key', file('batch.json')).catch((e: unknown) => e);
    expect((notAKey as Error).message).toMatch(/^publicKey: not an Ed25519 public key/);

    const records = await run('assignments', file('B-1.zip'), '--public-key', file('keys/firm.pub.pem'), '--assigned-on', '2025-07-01');
    expect(JSON.parse(records.out)).toEqual([expect.objectContaining({ invoiceNumber: 'F-1', assignedOn: '2025-07-01', assignment: 'open', advanceAmount: '968.00' })]);
  });

  it('refuses a broken profile with the field named', async () => {
    await writeFile(file('bad-profile.json'), JSON.stringify({ formatVersion: 1 }));
    const error = await run('eligibility', '--batch', file('batch.json'), '--profile', file('bad-profile.json')).catch((e: unknown) => e);
    expect((error as Error).message).toBe('profile.id: expected text');
  });

  it('delivers to an HTTPS endpoint that fails twice: retried, stored once under the batch id, signature valid', async () => {
    await run('build', '--batch', file('batch.json'), '--profile', file('profile.json'), '--key', file('keys/firm.key.pem'), '--out', file('B-1.zip'));
    const receiver = await httpsReceiver('factor-secret', [503, 502]);
    try {
      await writeFile(file('factor.secret'), 'factor-secret\n');
      await writeFile(file('factor-ca.pem'), receiver.ca);
      const args = ['deliver', file('B-1.zip'), '--url', receiver.url, '--hmac-key-file', file('factor.secret'), '--ca-file', file('factor-ca.pem'), '--backoff-ms', '1'];
      // The receiver is on loopback: refused unless the operator allows private targets.
      const refused = await run(...args);
      expect(refused.exitCode).toBe(1);
      expect(refused.err).toContain(`NOT delivered after 1 attempt: push to ${receiver.url} refused: 127.0.0.1 is a loopback address`);
      expect(receiver.requests).toHaveLength(0);
      args.push('--allow-private');
      const delivered = await run(...args);
      expect(delivered.out).toContain('delivered (HTTP 201, 3 attempts)');
      expect(delivered.err).toContain('attempt 1: the endpoint answered 503');
      expect([...receiver.stored.keys()]).toEqual(['B-1']);
      expect(receiver.stored.get('B-1')?.equals(await readFile(file('B-1.zip')))).toBe(true);
      expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);

      await writeFile(file('wrong.secret'), 'guessed');
      const forged = await run(...args.map((a) => (a === file('factor.secret') ? file('wrong.secret') : a)));
      expect(forged.exitCode).toBe(1);
      expect(forged.err).toContain('NOT delivered after 1 attempt: the endpoint answered 401');
    } finally {
      await receiver.close();
    }
  });
});

describe('the commands on a server database', () => {
  it('deliveries-retry finds nothing due on a fresh database, import-data-dir nothing to import', async () => {
    const { createDb } = await import('@fact/db');
    const dir = await mkdtemp(join(tmpdir(), 'fact-cli-db-'));
    const url = `file:${join(dir, 'fact.sqlite')}`;
    const db = createDb(url);
    await db.migrate();
    await db.close();
    const retried = await run('deliveries-retry', '--database-url', url, '--documents-dir', join(dir, 'documents'));
    expect(retried.out).toBe('0 due, 0 delivered, 0 still failing\n');
    expect(retried.exitCode).toBeUndefined();
    const imported = await run('import-data-dir', '--database-url', url, '--documents-dir', join(dir, 'documents'), '--data-dir', dir);
    expect(imported.out).toContain('(nothing to import)');
  });
});
