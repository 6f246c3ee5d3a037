// Deterministic data for the export benchmark: a seller's open book of N invoices over D debtors,
// each with its UBL document and its stored PDF as files (the documents "as sent").
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { money } from '@fact/core';
import { renderInvoicePdf } from '@fact/documents';
import { writeUbl } from '@fact/ubl';
import type { FactoringBatchInput } from '../src/input/parse-batch.js';

/** mulberry32: a small seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const address = { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent', country: 'BE' };
const ublAddress = { streetName: 'Veldstraat 12', postalZone: '9000', cityName: 'Gent', countryCode: 'BE' };

function ubl(number: string, issueDate: string, payable: string): string {
  return writeUbl({
    kind: 'Invoice',
    id: number,
    issueDate,
    currency: 'EUR',
    notes: [],
    billingReferences: [],
    additionalDocuments: [],
    seller: { identifiers: [], registrationName: 'Atelier Lumière BV', vatId: 'BE0403019261', address: ublAddress },
    buyer: { identifiers: [], registrationName: 'Debtor', address: ublAddress },
    paymentMeans: [{ code: '30', accountId: 'BE68539007547034', paymentId: '+++240/2838/42818+++' }],
    allowanceCharges: [],
    vatBreakdown: [],
    totals: { payableAmount: money(payable) },
    lines: [],
  });
}

/** Writes `count` stored PDFs (a few distinct renders, copied) under `dir/pdf` and returns the batch. */
export async function generateBatch(dir: string, count: number, debtorCount: number, asOf: string): Promise<FactoringBatchInput> {
  const rand = prng(42);
  await mkdir(join(dir, 'pdf'), { recursive: true });
  await mkdir(join(dir, 'ubl'), { recursive: true });
  const samples: Uint8Array[] = [];
  for (let i = 0; i < 8; i++) {
    samples.push(
      await renderInvoicePdf({
        invoice: { kind: 'invoice', number: `S-${i}`, issueDate: '2025-05-01', currency: 'EUR', vatCountry: 'BE', lines: [{ description: `Service ${i}`, quantity: String(i + 1), unitPrice: '125.50', vatCategory: 'S', vatRate: '21' }] },
        supplier: { name: 'Atelier Lumière BV', country: 'BE', address, vatNumber: 'BE0403019261', iban: 'BE68539007547034' },
        customer: { name: 'Debtor', address, kind: 'business' },
        language: 'nl',
        dueDate: '2025-05-31',
      }),
    );
  }
  const languages = ['nl', 'fr', 'en'] as const;
  const debtors = Array.from({ length: debtorCount }, (_, d) => ({
    id: `D${pad(d, 4)}`,
    name: `Debtor ${d} NV`,
    kind: d % 50 === 7 ? ('consumer' as const) : ('business' as const),
    country: d % 40 === 3 ? 'FR' : 'BE',
    language: languages[d % 3] ?? 'nl',
    address,
    ...(d % 97 === 5 ? { openPayables: '1500.00' } : {}),
  }));
  const invoices: FactoringBatchInput['invoices'] = [];
  for (let i = 0; i < count; i++) {
    const number = `F-${pad(i, 6)}`;
    const issueDate = addDays(asOf, -Math.floor(rand() * 110));
    const cents = 5_000 + Math.floor(rand() * 2_000_000);
    const gross = (cents / 100).toFixed(2);
    const path = `pdf/${number}.pdf`;
    const ublPath = `ubl/${number}.xml`;
    await writeFile(join(dir, path), samples[i % samples.length] ?? new Uint8Array());
    await writeFile(join(dir, ublPath), ubl(number, issueDate, gross));
    invoices.push({
      id: `I${pad(i, 6)}`,
      number,
      debtorId: debtors[Math.floor(rand() * debtorCount)]?.id ?? 'D0000',
      issueDate,
      dueDate: addDays(issueDate, 30),
      currency: 'EUR',
      grossAmount: gross,
      outstanding: gross,
      paymentReference: '+++240/2838/42818+++',
      disputed: rand() < 0.02,
      documents: { ubl: { file: ublPath }, pdf: { file: path } },
    });
  }
  return {
    formatVersion: 1,
    batchId: 'BENCH-1',
    seller: { id: 's', name: 'Atelier Lumière BV', country: 'BE', vatNumber: 'BE0403019261', iban: 'BE68539007547034', address },
    debtors,
    invoices,
  };
}
