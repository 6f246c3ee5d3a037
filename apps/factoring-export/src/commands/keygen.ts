import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateFirmKeys, keyId } from '@fact/factoring';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/**
 * `fact-factoring keygen`: a new Ed25519 key pair for a firm, as PEM files.
 *
 * @example
 * ```sh
 * fact-factoring keygen --out-dir keys --name atelier-lumiere
 * ```
 */
export function keygenCommand(program: Command, io: CliIo): void {
  program
    .command('keygen')
    .description("Make a firm's Ed25519 signing key pair (<name>.key.pem private, <name>.pub.pem for the factor)")
    .requiredOption('--out-dir <dir>', 'folder to write the two PEM files to')
    .option('--name <name>', 'file name stem', 'firm')
    .action(async (opts: { outDir: string; name: string }) => {
      const keys = generateFirmKeys();
      await mkdir(opts.outDir, { recursive: true });
      const priv = join(opts.outDir, `${opts.name}.key.pem`);
      const pub = join(opts.outDir, `${opts.name}.pub.pem`);
      await writeFile(priv, keys.privateKeyPem, { mode: 0o600, flag: 'wx' });
      await writeFile(pub, keys.publicKeyPem, { flag: 'wx' });
      io.out(`${priv}\n${pub}\nkey id ${keyId(keys.publicKeyPem)}\n`);
    });
}
