// Public surface of @fact/fuzz-tools. Every export is named.
export { Rng } from './rng.js';
export type { Mutator } from './bytes.js';
export { BYTE_MUTATORS, INTERESTING_BYTES, bitFlip, byteDelete, byteInsert, byteSet, chunkDuplicate, digitTweak, splice, truncate } from './bytes.js';
export { matchesOf, textMutator, utf8AsLatin1 } from './text.js';
export {
  HOSTILE_DOCTYPES,
  HOSTILE_VALUES,
  XML_MUTATORS,
  doctypeInjection,
  duplicateElement,
  entityReference,
  hugeAttribute,
  markupInsertion,
  namespaceChange,
  nestingBomb,
  removeElement,
  renameTag,
  replaceText,
} from './xml.js';
export {
  CODA_MUTATORS,
  CODA_RECORD_LENGTH,
  codaDeleteRecord,
  codaDuplicateRecord,
  codaFieldEdit,
  codaForeignRecord,
  codaLineEndings,
  codaRecordLength,
  codaSwapRecords,
} from './coda.js';
export { CSV_MUTATORS, HOSTILE_CELLS, csvCellReplace, csvDelimiterSwap, csvGrow, csvQuote } from './csv.js';
export { fuzzCase, mutate, mutatedSeeds, randomInputs } from './mutate.js';
export type { FuzzCase, Seed } from './mutate.js';
export { FOREIGN_HEADERS, billionLaughs, deepNesting, externalEntity, zipBomb } from './hostile.js';
export { DEFAULT_FUZZ_RUNS, DEFAULT_FUZZ_SEED, fuzzRuns, fuzzSeed } from './budget.js';
export { FuzzStats } from './stats.js';
export type { FuzzSummary } from './stats.js';
export { watchFileWrites } from './writes.js';
export type { WriteWatch } from './writes.js';
export { FuzzFailure, MAX_CASE_MS, assertAllFinite, fuzzParser } from './harness.js';
export type { AllowedError, FuzzParserOptions } from './harness.js';
export { readSeeds } from './seeds.js';
export { cpuTime, cpuTimeSettled } from './cpu-time.js';
