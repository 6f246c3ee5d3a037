// fact-factoring: entry point. Broken input (a FactError) prints its code and message and exits 2.
import { isFactError } from '@fact/core';
import { processIo } from './io.js';
import { createProgram } from './program.js';

const io = processIo();
try {
  await createProgram(io).parseAsync(process.argv);
} catch (e) {
  if (isFactError(e)) {
    io.err(`error ${e.code}: ${e.message}\n`);
    process.exitCode = 2;
  } else throw e;
}
