import { parseCamt053 } from './camt/parseCamt053.js';
import { parseCoda } from './coda/parseCoda.js';
import { bankFail } from './errors/BankFormatError.js';
import type { ParseOptions } from './model/options.js';
import { resolveParseOptions } from './model/options.js';
import type { BankStatementFile } from './model/types.js';
import type { StatementInput } from './statement/input.js';
import { inputText } from './statement/input.js';

/**
 * Parses a bank statement file whatever its format: XML is read as camt.053, a file whose first
 * record is a CODA header (`0` then `0000`) as CODA. Anything else is refused with
 * `UNKNOWN_FORMAT`.
 *
 * @example
 * ```ts
 * const file = parseStatementFile(await upload.bytes());
 * file.format; // 'coda' | 'camt053'
 * ```
 */
export function parseStatementFile(input: StatementInput, options?: ParseOptions): BankStatementFile {
  const text = inputText(input, resolveParseOptions(options).maxBytes);
  const start = text.trimStart();
  if (start.startsWith('<')) return parseCamt053(text, options);
  if (/^0{5}/.test(text)) return parseCoda(text, options);
  return bankFail('UNKNOWN_FORMAT', 'the file is neither a camt.053 XML statement nor a CODA file (which starts with a 0 record)');
}
