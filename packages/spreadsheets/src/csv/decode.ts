import { Buffer } from 'node:buffer';
import { SpreadsheetError } from '../errors/SpreadsheetError.js';

/**
 * Text encodings a CSV may be declared in. UTF-8 is the default; Windows-1252 is what Excel on
 * Windows writes for "CSV (comma delimited)". A UTF-16 file is recognised by its byte-order mark.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** Default byte limit of a CSV import: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Turns the bytes of an uploaded CSV into text: enforces the byte limit, drops a byte-order mark,
 * honours a UTF-16 byte-order mark, and refuses bytes that are invalid in the encoding, naming
 * the first line that holds them. A string input is taken as already decoded.
 *
 * @example
 * ```ts
 * decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // "a"
 * decodeCsv(new Uint8Array([0x61, 0x0a, 0xff])); // throws SpreadsheetError INVALID_ENCODING, line 2
 * ```
 */
export function decodeCsv(input: Uint8Array | string, encoding: CsvEncoding = 'utf-8', maxBytes = DEFAULT_MAX_BYTES): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    throw new SpreadsheetError('FILE_TOO_LARGE', `the file is ${size} bytes, the limit is ${maxBytes} bytes`);
  }
  const text = typeof input === 'string' ? input : decodeBytes(input, encoding);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  refuseBinary(body);
  return body;
}

function decodeBytes(bytes: Uint8Array, encoding: CsvEncoding): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new SpreadsheetError('INVALID_CSV', 'this is a ZIP file (an .xlsx workbook?), not CSV text: save it as CSV first', 1);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode('utf-16be', bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  return encoding === 'utf-8' ? decodeUtf8(bytes) : new TextDecoder('windows-1252').decode(bytes);
}

function strictDecode(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SpreadsheetError('INVALID_ENCODING', `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`, 1);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const line = firstInvalidUtf8Line(bytes);
    throw new SpreadsheetError(
      'INVALID_ENCODING',
      'this line is not valid UTF-8; if the file was saved by Excel on Windows, import it with encoding "windows-1252"',
      line,
    );
  }
}

/** CR and LF bytes never occur inside a UTF-8 sequence, so each line can be checked on its own. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== LF && b !== CR) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    if (b === CR && bytes[i + 1] === LF) i++;
    start = i + 1;
    line++;
  }
  return line;
}

function refuseBinary(text: string): void {
  const at = text.indexOf('\u0000');
  if (at === -1) return;
  const line = lineOfOffset(text, at);
  throw new SpreadsheetError('INVALID_ENCODING', 'this line holds NUL characters: a binary file, or UTF-16 text without a byte-order mark', line);
}

/** The 1-based line of a character offset, counting LF, CRLF and lone CR as one break each. @internal */
export function lineOfOffset(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}
