import { readFile } from 'node:fs/promises';
import { FactError } from '@fact/core';
import { assignmentRecords, parseFactorProfile, repurchaseOffers, settlementReport, verifyFactoringPackage, type AssignmentRecord, type ReceivedPayment } from '@fact/factoring';
import type { Command } from 'commander';
import { asOfDate, readJson, type CliIo } from '../io.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function asArray<T>(value: unknown, option: string): T[] {
  if (!Array.isArray(value)) throw new FactError('INVALID_ARGUMENT', `${option}: expected a JSON array`, option);
  return value as T[];
}

/**
 * `assignments`, `settlement` and `repurchase`: what happens after the sale.
 *
 * @example
 * ```sh
 * fact-factoring assignments B-42.zip --public-key firm.pub.pem --assigned-on 2025-07-01 > assignments.json
 * fact-factoring settlement --assignments assignments.json --payments payments.json
 * fact-factoring repurchase --assignments assignments.json --outstanding open.json --profile acme.json
 * ```
 */
export function afterSaleCommands(program: Command, io: CliIo): void {
  program
    .command('assignments')
    .description('Verify a delivered package and print the assignment records the ledger must store (JSON)')
    .argument('<package>', 'the delivered ZIP')
    .requiredOption('--public-key <file>', "the firm's Ed25519 public key (PEM)")
    .option('--assigned-on <date>', 'assignment date (YYYY-MM-DD); default today')
    .action(async (path: string, opts: { publicKey: string; assignedOn?: string }) => {
      const v = await verifyFactoringPackage(path, await readFile(opts.publicKey, 'utf8'));
      if (!v.ok || !v.manifest) {
        for (const p of v.problems) io.err(`${p.message}\n`);
        throw new FactError('INVALID_ARGUMENT', `${path}: the package does not verify; no assignments recorded`, '<package>');
      }
      io.out(json(assignmentRecords(v.manifest, asOfDate(opts.assignedOn, io))));
    });

  program
    .command('settlement')
    .description('Report the payments that reached the seller for assigned invoices, which the seller owes the factor')
    .requiredOption('--assignments <file>', 'assignment records (JSON array, as printed by "assignments")')
    .requiredOption('--payments <file>', 'payments received: JSON array of { paymentId, invoiceId, date, amount }')
    .action(async (opts: { assignments: string; payments: string }) => {
      const assignments = asArray<AssignmentRecord>(await readJson(opts.assignments, '--assignments'), '--assignments');
      const payments = asArray<ReceivedPayment>(await readJson(opts.payments, '--payments'), '--payments');
      const r = settlementReport(assignments, payments);
      io.out(
        json({
          lines: r.lines.map((l) => ({ ...l, received: l.received.toFixed(2), owed: l.owed.toFixed(2) })),
          totalOwed: r.totalOwed.toFixed(2),
          totalExcess: r.totalExcess.toFixed(2),
        }),
      );
    });

  program
    .command('repurchase')
    .description("List assigned invoices still unpaid after the profile's recourse period, offered back to the seller")
    .requiredOption('--assignments <file>', 'assignment records (JSON array)')
    .requiredOption('--outstanding <file>', 'open amounts today: JSON object { invoiceId: "amount" }')
    .requiredOption('--profile <file>', 'factor profile JSON file (its recourse period)')
    .option('--as-of <date>', 'YYYY-MM-DD; default today')
    .action(async (opts: { assignments: string; outstanding: string; profile: string; asOf?: string }) => {
      const assignments = asArray<AssignmentRecord>(await readJson(opts.assignments, '--assignments'), '--assignments');
      const open = (await readJson(opts.outstanding, '--outstanding')) as Record<string, string>;
      const profile = parseFactorProfile(await readJson(opts.profile, '--profile'));
      const offers = repurchaseOffers(assignments, new Map(Object.entries(open)), profile, asOfDate(opts.asOf, io));
      io.out(json(offers.map((o) => ({ ...o, outstanding: o.outstanding.toFixed(2), repurchasePrice: o.repurchasePrice.toFixed(2) }))));
    });
}
