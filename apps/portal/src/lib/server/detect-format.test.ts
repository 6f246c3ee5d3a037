import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../../../../../../shared/fixtures/${p}`, import.meta.url)));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('what an upload is', () => {
  it('recognises real UBL, camt.053 and CODA files from the shared fixtures', () => {
    expect(detectFormat('base-example.xml', fixture('peppol/base-example.xml'))).toMatchObject({ ok: true, format: 'ubl', kind: 'ubl' });
    expect(detectFormat('cn.xml', fixture('en16931/ubl-tc434-creditnote1.xml'))).toMatchObject({ ok: true, format: 'ubl' });
    expect(detectFormat('s.xml', fixture('camt053/oca-test-camt053.xml'))).toMatchObject({ ok: true, format: 'camt053', kind: 'bank_statement' });
    expect(detectFormat('statement.cod', fixture('coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod'))).toMatchObject({ ok: true, format: 'coda' });
  });

  it('recognises PDF by its signature and CSV by name and content', () => {
    expect(detectFormat('x.bin', bytes('%PDF-1.7\n...'))).toMatchObject({ ok: true, format: 'pdf', mediaType: 'application/pdf' });
    expect(detectFormat('invoices.csv', bytes('number;debtor;amount\n1;A;10'))).toMatchObject({ ok: true, format: 'csv' });
  });

  it('refuses anything else, including XML that is not an invoice or a statement', () => {
    expect(detectFormat('notes.txt', bytes('hello'))).toEqual({ ok: false });
    expect(detectFormat('evil.xml', bytes('<html><script>alert(1)</script></html>'))).toEqual({ ok: false });
    expect(detectFormat('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toEqual({ ok: false });
  });
});
