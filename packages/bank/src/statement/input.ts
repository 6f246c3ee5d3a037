import { bankFail } from '../errors/BankFormatError.js';

/** A statement file as read from disk or an upload: text, or the raw bytes. */
export type StatementInput = string | Uint8Array;

/**
 * Turns the input into text after checking its size. Bytes are read as UTF-8 when they are valid
 * UTF-8, otherwise as ISO-8859-1 (what Belgian banks use for CODA). A leading BOM is dropped.
 * @internal
 */
export function inputText(input: StatementInput, maxBytes: number): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    bankFail('FILE_TOO_LARGE', `the file is ${size} bytes, the limit is ${maxBytes}`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder('latin1').decode(input);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
