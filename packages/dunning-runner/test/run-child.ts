// A runner process for the crash and concurrency tests:
//   tsx --conditions=@fact/source test/run-child.ts <db-file or postgres:// url> <work-dir> <as-of> <company-id>...
// Mail goes to <work-dir>/outbox (.eml) or to SMTP_URL. Every message that
// lands is logged to <work-dir>/delivered.log (for SMTP the server counts).
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from '@fact/db';
import { emlFolderChannel, runCompany, smtpChannel, type MailChannel } from '../src/index.js';

const [file, dir, asOf, ...companies] = process.argv.slice(2);
if (!file || !dir || !asOf) throw new Error('usage: run-child <db> <dir> <as-of> <company>...');

const base = process.env['SMTP_URL'] ? smtpChannel(process.env['SMTP_URL']) : emlFolderChannel(join(dir, 'outbox'));
const mail: MailChannel = {
  kind: base.kind,
  alreadyDelivered: (key) => base.alreadyDelivered(key),
  async send(key, m) {
    const r = await base.send(key, m);
    // One line per message that actually landed (a racing second delivery is refused by the channel).
    if (!r.proof.startsWith('exists:')) appendFileSync(join(dir, 'delivered.log'), `${key}\n`);
    return r;
  },
  close: () => base.close(),
};

const db = createDb(/^postgres(ql)?:\/\//.test(file) ? file : `file:${file}`);
process.stdout.write('ready\n');
const leaseMs = Number(process.env['FACT_DUNNING_LEASE_MS'] ?? '400');
const ctx = { db, clock: () => new Date(), mail, ...(process.env['RUNNER_ID'] && { runnerId: process.env['RUNNER_ID'] }), printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), leaseMs, attachInvoices: process.env['ATTACH'] !== '0', backoffMs: [50] };
// Loop until nothing is left: a claim of a killed runner is taken over once its lease expires,
// a live runner's claims are sent by it (poll, do not sleep a whole lease).
const deadline = Date.now() + 10 * leaseMs + 30_000;
for (;;) {
  let left = 0;
  for (const companyId of companies) {
    const r = await runCompany(ctx, companyId, { asOf });
    left += r.leased + r.failed;
  }
  if (left === 0 || Date.now() > deadline) break;
  await new Promise((res) => setTimeout(res, Math.min(leaseMs + 50, 250)));
}
mail.close();
await db.close();
process.stdout.write('done\n');
