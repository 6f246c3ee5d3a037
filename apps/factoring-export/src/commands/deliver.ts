import { readFile } from 'node:fs/promises';
import { pushAllowPrivateFlag } from '@fact/api';
import { FactError } from '@fact/core';
import { deliverToFolder, pushPackage, readPackageManifest } from '@fact/factoring';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

interface DeliverOptions {
  toFolder?: string;
  url?: string;
  hmacKeyFile?: string;
  allowHttp?: boolean;
  allowPrivate?: boolean;
  caFile?: string;
  idempotencyKey?: string;
  retries: string;
  backoffMs: string;
}

/**
 * `fact-factoring deliver`: copies the package to a folder or pushes it to the factor's endpoint.
 *
 * @example
 * ```sh
 * fact-factoring deliver B-42.zip --url https://factor.example/intake --hmac-key-file factor.secret
 * ```
 */
export function deliverCommand(program: Command, io: CliIo): void {
  program
    .command('deliver')
    .description(
      "Deliver a package to a folder, or POST it to the factor's HTTPS endpoint signed with HMAC-SHA-256 (x-fact-timestamp, x-fact-signature: v1=…, idempotency-key) and retried with backoff",
    )
    .argument('<package>', 'the ZIP to deliver')
    .option('--to-folder <dir>', 'copy the package into this folder')
    .option('--url <url>', "the factor's endpoint")
    .option('--hmac-key-file <file>', 'file holding the secret shared with the factor (for --url)')
    .option('--allow-http', 'allow a plain http:// URL (local tests only)')
    .option('--allow-private', 'allow an endpoint on a loopback, private or link-local address (refused by default; also FACT_PUSH_ALLOW_PRIVATE=1)')
    .option('--ca-file <file>', "PEM certificate(s) to trust for the factor's endpoint besides the system's (a private CA)")
    .option('--idempotency-key <key>', "the key the factor stores the package under (default: the manifest's batch id)")
    .option('--retries <n>', 'retries after the first attempt', '4')
    .option('--backoff-ms <ms>', 'first wait between attempts, doubled each time', '500')
    .action(async (path: string, opts: DeliverOptions) => {
      if ((opts.toFolder === undefined) === (opts.url === undefined)) throw new FactError('INVALID_ARGUMENT', 'deliver: give exactly one of --to-folder and --url', '--url');
      if (opts.toFolder !== undefined) {
        io.out(`${await deliverToFolder(path, opts.toFolder)}\n`);
        return;
      }
      if (!opts.hmacKeyFile) throw new FactError('INVALID_ARGUMENT', '--hmac-key-file: required with --url', '--hmac-key-file');
      const hmacKey = (await readFile(opts.hmacKeyFile, 'utf8')).trim();
      const idempotencyKey = opts.idempotencyKey ?? (await readPackageManifest(path)).batchId;
      const result = await pushPackage(path, {
        url: opts.url ?? '',
        hmacKey,
        idempotencyKey,
        allowedSchemes: opts.allowHttp ? ['https:', 'http:'] : ['https:'],
        allowPrivateAddresses: opts.allowPrivate === true || pushAllowPrivateFlag(process.env.FACT_PUSH_ALLOW_PRIVATE),
        ...(opts.caFile ? { ca: await readFile(opts.caFile, 'utf8') } : {}),
        retries: Number(opts.retries),
        backoffMs: Number(opts.backoffMs),
        onAttempt: (a) => {
          if (!a.delivered) io.err(`attempt ${a.attempt}: ${a.error ?? 'failed'}${a.retryable ? '' : ' (not retried)'}\n`);
        },
      });
      if (result.delivered) io.out(`${path}: delivered (HTTP ${result.status}, ${result.attempts} attempt${result.attempts === 1 ? '' : 's'})\n`);
      else {
        io.err(`${path}: NOT delivered after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'}: ${result.reason}\n`);
        process.exitCode = 1;
      }
    });
}
