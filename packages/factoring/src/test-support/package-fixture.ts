// A batch with real UBL documents (written by @fact/ubl) and PDFs (one rendered, one given as
// base64), three debtors in three languages, and a debtor name that tries formula injection.
import { money } from '@fact/core';
import { writeUbl, type UblDocument } from '@fact/ubl';
import { parseFactoringBatch, type FactoringBatch } from '../input/parse-batch.js';
import { batchInput, debtorInput, invoiceInput } from './fixtures.js';

export function ublFor(number: string, payable: string): string {
  const doc: UblDocument = {
    kind: 'Invoice',
    id: number,
    issueDate: '2025-06-01',
    currency: 'EUR',
    notes: [],
    billingReferences: [],
    additionalDocuments: [],
    seller: { identifiers: [], registrationName: 'Atelier Lumière BV' },
    buyer: { identifiers: [], registrationName: 'Debtor' },
    paymentMeans: [],
    allowanceCharges: [],
    vatBreakdown: [],
    totals: { payableAmount: money(payable) },
    lines: [],
  };
  return writeUbl(doc);
}

/** A tiny, valid-enough PDF given inline as base64 (the document "as sent"). */
export const STORED_PDF_BASE64 = Buffer.from('%PDF-1.4\n% stored invoice PDF\n%%EOF\n').toString('base64');

export function packageBatch(): FactoringBatch {
  const inv = (id: string, debtor: string, over: Parameters<typeof invoiceInput>[2] = {}) =>
    invoiceInput(id, debtor, { documents: { ubl: { text: ublFor(`F-${id}`, '1210.00') }, pdf: { base64: STORED_PDF_BASE64 } }, ...over });
  return parseFactoringBatch(
    batchInput(
      [
        inv('1', 'nl-1'),
        inv('2', 'fr-1', { purchaseOrder: '=HYPERLINK("http://evil.example","x")' }),
        inv('3', 'en-1', { issueDate: '2025-06-10', paymentReference: '+32 credit' }),
        inv('4', 'nl-1', { disputed: true }),
      ],
      [
        debtorInput('nl-1', { language: 'nl', name: 'Bouwbedrijf De Smet NV' }),
        debtorInput('fr-1', { language: 'fr', name: '=cmd|\' /C calc\'!A0', country: 'BE' }),
        debtorInput('en-1', { language: 'en', name: 'Harbour Trading Ltd', country: 'NL', vatNumber: 'NL004495445B01', address: { street: 'Keizersgracht 100', postalCode: '1015 AA', city: 'Amsterdam', country: 'NL' } }),
      ],
    ),
  );
}
