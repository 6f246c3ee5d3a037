import { CiiParseError, FacturXError, UblParseError, parseCii, parseUbl, readFacturX, type UblDocument } from '@fact/ubl';
import type { TRPCError } from '@trpc/server';
import { apiError } from '../../errors/api-error.js';
import type { ImportFile } from './file-input.js';

/** An e-invoice found in a file: the document and where it came from. */
export interface EInvoiceFound {
  kind: 'einvoice';
  doc: UblDocument;
  syntax: 'ubl' | 'cii';
  container: 'xml' | 'pdf';
  /** The PDF attachment that held it (`factur-x.xml`…), for a PDF. */
  attachment: string | null;
}

/** What a file holds for the e-invoice importer: an e-invoice, or (a PDF) none. */
export type EInvoiceReading = EInvoiceFound | { kind: 'none'; attachments: string[] };

const isPdf = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
const ciiRoot = (bytes: Uint8Array) => /<(?:[\w.-]+:)?CrossIndustry(?:Invoice|Document)[\s>/]/.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)));

const WHAT: Readonly<Record<string, string>> = {
  UBL_UNSAFE_XML: 'unsafe XML (DOCTYPE/ENTITY declarations are refused)',
  CII_UNSAFE_XML: 'unsafe XML (DOCTYPE/ENTITY declarations are refused)',
  UBL_TOO_LARGE: 'too large',
  CII_TOO_LARGE: 'too large',
  UBL_NOT_UBL: 'not a UBL invoice or credit note',
  CII_NOT_CII: 'not a Cross Industry Invoice',
  CII_UNSUPPORTED: 'in a version Fact does not read',
};

/** A refusal naming the element (or line), the parser's code as the rule, and the file. */
function refusal(where: string, rule: string, message: string): TRPCError {
  return Object.assign(apiError.badInput(where, message), { factCode: rule, rule });
}

/** A parser's refusal; `attachment` names the PDF attachment the XML came from. */
function fromParser(error: UblParseError | CiiParseError, fileName: string, attachment?: string): TRPCError {
  const what = WHAT[error.code] ?? 'not readable';
  const detail = error.path && error.message.startsWith(`${error.path}: `) ? error.message.slice(error.path.length + 2) : error.message;
  const where = attachment ? (error.path ? `${attachment} ${error.path}` : attachment) : (error.path ?? 'file');
  return refusal(where, error.code, `${fileName} is ${what}: ${detail}`);
}

/**
 * Reads an e-invoice from an imported file: UBL 2.1 XML, UN/CEFACT CII XML, or a Factur-X /
 * ZUGFeRD PDF (the XML embedded in it). Anything the readers refuse becomes BAD_REQUEST naming
 * the element (or the PDF attachment) with the reader's code as rule; a PDF without an embedded
 * e-invoice is `{ kind: 'none' }`. `only: 'ubl'` refuses everything but UBL (the `imports.ubl`
 * route).
 *
 * @example
 * ```ts
 * const reading = await readEInvoice(file, ctx.settings.maxUploadBytes);
 * ```
 */
export async function readEInvoice(file: ImportFile, maxBytes: number, only?: 'ubl'): Promise<EInvoiceReading> {
  const name = file.fileName;
  try {
    if (only !== 'ubl' && isPdf(file.bytes)) {
      const reading = await readFacturX(file.bytes, { maxPdfBytes: maxBytes, maxXmlBytes: maxBytes });
      if (reading.kind === 'none') return { kind: 'none', attachments: [...reading.attachments] };
      return { kind: 'einvoice', doc: reading.document, syntax: reading.syntax, container: 'pdf', attachment: reading.attachment };
    }
    if (only !== 'ubl' && ciiRoot(file.bytes)) return { kind: 'einvoice', doc: parseCii(file.bytes, { maxBytes }), syntax: 'cii', container: 'xml', attachment: null };
    return { kind: 'einvoice', doc: parseUbl(file.bytes, { maxBytes }), syntax: 'ubl', container: 'xml', attachment: null };
  } catch (error) {
    if (error instanceof UblParseError || error instanceof CiiParseError) throw fromParser(error, name);
    if (error instanceof FacturXError) {
      const cause = error.cause;
      if (error.code === 'EINVOICE_UNREADABLE' && (cause instanceof UblParseError || cause instanceof CiiParseError)) throw fromParser(cause, `${name} (${error.attachment})`, error.attachment);
      const detail = error.attachment && error.message.startsWith(`${error.attachment}: `) ? error.message.slice(error.attachment.length + 2) : error.message;
      throw refusal(error.attachment ?? 'file', error.code, `${name}${error.attachment ? ` (${error.attachment})` : ''}: ${detail}`);
    }
    throw error;
  }
}
