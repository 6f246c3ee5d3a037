import { readFile } from 'node:fs/promises';
import { verifyFactoringPackage } from '@fact/factoring';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * `fact-factoring verify`: checks a package; exit code 1 and one line per problem when it fails.
 *
 * @example
 * ```sh
 * fact-factoring verify B-42.zip --public-key firm.pub.pem
 * ```
 */
export function verifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('Check a package: signature, manifest schema, every checksum, missing or extra files, totals')
    .argument('<package>', 'the ZIP to check')
    .requiredOption('--public-key <file>', "the firm's Ed25519 public key (PEM)")
    .action(async (path: string, opts: { publicKey: string }) => {
      const v = await verifyFactoringPackage(path, await readFile(opts.publicKey, 'utf8'));
      if (v.ok) {
        io.out(`${path}: OK (${v.manifest?.invoices.length ?? 0} invoices, batch ${v.manifest?.batchId ?? '?'})\n`);
        return;
      }
      for (const p of v.problems) io.err(`${p.message}\n`);
      io.err(`${path}: FAILED (${v.problems.length} problem${v.problems.length === 1 ? '' : 's'})\n`);
      process.exitCode = 1;
    });
}
