import { manifestJsonSchema } from '@fact/factoring';
import { Command } from 'commander';
import { afterSaleCommands } from './commands/after-sale.js';
import { buildCommand } from './commands/build.js';
import { deliverCommand } from './commands/deliver.js';
import { eligibilityCommand } from './commands/eligibility.js';
import { keygenCommand } from './commands/keygen.js';
import { serverCommands } from './commands/server-side.js';
import { verifyCommand } from './commands/verify.js';
import type { CliIo } from './io.js';

/**
 * The `fact-factoring` command line, built on injected output so tests can run it in-process.
 *
 * @example
 * ```ts
 * await createProgram(processIo()).parseAsync(['node', 'fact-factoring', 'verify', 'B-42.zip', '--public-key', 'firm.pub.pem']);
 * ```
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('fact-factoring')
    .description('Package invoices for a factor: eligibility, signed byte-identical ZIP packages, verification, delivery, settlement and repurchase.')
    .version('0.1.0')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  eligibilityCommand(program, io);
  buildCommand(program, io);
  verifyCommand(program, io);
  keygenCommand(program, io);
  deliverCommand(program, io);
  afterSaleCommands(program, io);
  serverCommands(program, io);
  program
    .command('schema')
    .description('Print the JSON Schema of the package manifest (version 1)')
    .action(() => io.out(`${JSON.stringify(manifestJsonSchema(), null, 2)}\n`));
  for (const c of program.commands) c.configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}
