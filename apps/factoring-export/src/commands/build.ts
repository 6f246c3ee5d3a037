import { createWriteStream } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseFactoringBatch, parseFactorProfile, writeFactoringPackage } from '@fact/factoring';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { asOfDate, readJson, type CliIo } from '../io.js';

/**
 * `fact-factoring build`: writes the signed ZIP package of the eligible invoices.
 *
 * @example
 * ```sh
 * fact-factoring build --batch batch.json --profile acme.json --key firm.key.pem --out B-42.zip
 * ```
 */
export function buildCommand(program: Command, io: CliIo): void {
  program
    .command('build')
    .description('Build the signed factoring package (ZIP) of the eligible invoices; the same input gives the same bytes')
    .requiredOption('--batch <file>', 'batch JSON file; document files are read relative to its folder')
    .requiredOption('--profile <file>', 'factor profile JSON file')
    .requiredOption('--key <file>', "the firm's Ed25519 private key (PEM)")
    .requiredOption('--out <file>', 'the ZIP to write')
    .option('--as-of <date>', 'batch date (YYYY-MM-DD): eligibility date and file timestamps; default today')
    .action(async (opts: { batch: string; profile: string; key: string; out: string; asOf?: string }) => {
      const batch = parseFactoringBatch(await readJson(opts.batch, '--batch'));
      const profile = parseFactorProfile(await readJson(opts.profile, '--profile'));
      const privateKey = await readFile(opts.key, 'utf8');
      const bar = io.isTty ? new SingleBar({ format: 'packaging [{bar}] {value}/{total} files', hideCursor: true }, Presets.shades_classic) : undefined;
      let started = false;
      const partial = `${opts.out}.partial`;
      const out = createWriteStream(partial);
      const built = await writeFactoringPackage(
        {
          batch,
          profile,
          asOf: asOfDate(opts.asOf, io),
          privateKey,
          baseDir: dirname(resolve(opts.batch)),
          onProgress: (done, total) => {
            if (!bar) return;
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        },
        out,
      );
      await finished(out);
      bar?.stop();
      await rename(partial, opts.out);
      const t = built.manifest.totals;
      io.out(
        `${opts.out}: ${t.invoiceCount} invoices, eligible EUR ${t.eligible}, advance EUR ${t.advance}, fee EUR ${t.fee}, payout EUR ${t.payout}\n` +
          `sha256 ${built.sha256} (${built.bytes} bytes)\n`,
      );
    });
}
