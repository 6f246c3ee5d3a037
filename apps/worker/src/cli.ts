import { CommanderError } from 'commander';
import { openRunner } from './config.js';
import { createProgram } from './program.js';

const io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) };
try {
  await createProgram(io, () => openRunner(process.env)).parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode;
  else {
    io.err(`fact-dunning: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
