// Public surface of @fact/factoring-export: the CLI program, for embedding and tests.
export { createProgram } from './program.js';
export { processIo } from './io.js';
export type { CliIo } from './io.js';
