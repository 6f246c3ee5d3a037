import type { DocumentKind } from '@fact/db';

/** What an uploaded file is, judged by its content first and its name second. */
export type DetectedFormat =
  | { ok: true; format: 'ubl' | 'pdf' | 'csv' | 'coda' | 'camt053'; kind: DocumentKind; mediaType: 'application/pdf' | 'application/xml' | 'text/csv' | 'text/plain' }
  | { ok: false };

const UBL_NS = /urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/;
const CAMT053_NS = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.\d{3}\.\d{2}/;

function text(bytes: Uint8Array, max = 4096): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, max)).replace(/^\uFEFF/, '');
}

/**
 * Recognises the formats the portal accepts: UBL 2.1 invoices and credit notes, PDF, CSV, Belgian
 * CODA bank files and ISO 20022 camt.053 statements. Anything else is refused.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): DetectedFormat {
  if (bytes.length >= 5 && text(bytes, 5) === '%PDF-') return { ok: true, format: 'pdf', kind: 'invoice_pdf', mediaType: 'application/pdf' };
  const head = text(bytes);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<')) {
    if (UBL_NS.test(head)) return { ok: true, format: 'ubl', kind: 'ubl', mediaType: 'application/xml' };
    if (CAMT053_NS.test(head)) return { ok: true, format: 'camt053', kind: 'bank_statement', mediaType: 'application/xml' };
    return { ok: false };
  }
  // CODA: fixed 128-character records; the header record starts with "0000".
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/^0000\d/.test(firstLine) && firstLine.length === 128 && /\.(cod|coda|txt)$/i.test(fileName)) {
    return { ok: true, format: 'coda', kind: 'bank_statement', mediaType: 'text/plain' };
  }
  if (/\.csv$/i.test(fileName) && !head.includes('\u0000') && /[,;\t]/.test(firstLine)) {
    return { ok: true, format: 'csv', kind: 'other', mediaType: 'text/csv' };
  }
  return { ok: false };
}
