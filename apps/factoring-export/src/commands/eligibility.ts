import { writeFile } from 'node:fs/promises';
import { eligibilityJson, eligibilityMarkdown, evaluateEligibility, parseFactoringBatch, parseFactorProfile } from '@fact/factoring';
import type { Command } from 'commander';
import { asOfDate, readJson, type CliIo } from '../io.js';

/**
 * `fact-factoring eligibility`: the selection report for a batch under a factor profile.
 *
 * @example
 * ```sh
 * fact-factoring eligibility --batch batch.json --profile acme.json --as-of 2025-06-30 --format md
 * ```
 */
export function eligibilityCommand(program: Command, io: CliIo): void {
  program
    .command('eligibility')
    .description('Show which invoices the factor buys, for how much, and why the others are kept out')
    .requiredOption('--batch <file>', 'batch JSON file (seller, debtors, open invoices)')
    .requiredOption('--profile <file>', 'factor profile JSON file')
    .option('--as-of <date>', 'judge eligibility on this date (YYYY-MM-DD); default today in Europe/Brussels')
    .option('--format <format>', 'md (a readable report) or json (structured)', 'md')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(async (opts: { batch: string; profile: string; asOf?: string; format: string; out?: string }) => {
      const batch = parseFactoringBatch(await readJson(opts.batch, '--batch'));
      const profile = parseFactorProfile(await readJson(opts.profile, '--profile'));
      const report = evaluateEligibility(batch, profile, asOfDate(opts.asOf, io));
      const text = opts.format === 'json' ? `${JSON.stringify(eligibilityJson(report), null, 2)}\n` : eligibilityMarkdown(report);
      if (opts.out) await writeFile(opts.out, text);
      else io.out(text);
    });
}
