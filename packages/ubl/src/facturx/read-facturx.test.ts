import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { CiiParseError } from '../cii/errors.js';
import { ciiTestDocument, facturXPdf, withEncryptDictionary } from '../testing/index.js';
import { fixture } from '../test-support/fixtures.js';
import { validateUbl } from '../validate/validate-ubl.js';
import { FacturXError } from './errors.js';
import { readFacturX } from './read-facturx.js';

async function refusal(pdf: Uint8Array, options?: Parameters<typeof readFacturX>[1]): Promise<FacturXError> {
  try {
    await readFacturX(pdf, options);
  } catch (e) {
    if (e instanceof FacturXError) return e;
    throw e;
  }
  throw new Error('readFacturX accepted the PDF');
}

describe('readFacturX', () => {
  it('reads the CII invoice a Factur-X PDF embeds (factur-x.xml, AFRelationship Alternative) and validates it like the UBL original', async () => {
    const pdf = await facturXPdf({ xml: ciiTestDocument('cii-example9.xml'), text: 'Invoice 20150483' });
    // The PDF carries the file the way the standard asks: in /AF with its relationship.
    const lib = await PDFDocument.load(pdf);
    const af = lib.catalog.lookup(PDFName.of('AF'))?.toString() ?? '';
    expect(af).toMatch(/\d+ 0 R/);
    expect(lib.context.enumerateIndirectObjects().some(([, o]) => o.toString().includes('/AFRelationship /Alternative'))).toBe(true);

    const reading = await readFacturX(pdf);
    expect(reading).toMatchObject({ kind: 'einvoice', attachment: 'factur-x.xml', syntax: 'cii', profile: 'urn:cen.eu:en16931:2017', attachments: ['factur-x.xml'] });
    if (reading.kind !== 'einvoice') return;
    expect(reading.document).toMatchObject({ id: '20150483', dueDate: '2015-04-14' });
    expect(reading.document.totals.payableAmount?.toFixed(2)).toBe('177.87');
    expect(validateUbl(reading.document).findings.filter((f) => f.severity === 'fatal' && f.rule.startsWith('BR-'))).toEqual([]);
  });

  it('finds a ZUGFeRD 2 invoice (zugferd-invoice.xml, Data) beside other attachments', async () => {
    const pdf = await facturXPdf({ xml: ciiTestDocument('cii-creditnote1.xml'), name: 'zugferd-invoice.xml', relationship: 'Data', otherFiles: [{ name: 'delivery-note.pdf', bytes: '%PDF-1.4 a delivery note' }] });
    const reading = await readFacturX(pdf);
    expect(reading).toMatchObject({ kind: 'einvoice', attachment: 'zugferd-invoice.xml', syntax: 'cii' });
    expect(reading.kind === 'einvoice' && reading.document.kind).toBe('CreditNote');
    expect([...reading.attachments].sort()).toEqual(['delivery-note.pdf', 'zugferd-invoice.xml']);
  });

  it('reads a UBL invoice embedded as xrechnung.xml', async () => {
    const reading = await readFacturX(await facturXPdf({ xml: fixture('peppol/base-example.xml'), name: 'xrechnung.xml' }));
    expect(reading).toMatchObject({ kind: 'einvoice', syntax: 'ubl', attachment: 'xrechnung.xml', document: { id: 'Snippet1' } });
  });

  it('says "none" for a plain PDF and for a PDF whose attachments are not e-invoices', async () => {
    await expect(readFacturX(await facturXPdf())).resolves.toEqual({ kind: 'none', attachments: [] });
    const photo = await facturXPdf({ otherFiles: [{ name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }, { name: 'notes.xml', bytes: '<notes><n>call back</n></notes>' }] });
    await expect(readFacturX(photo)).resolves.toMatchObject({ kind: 'none', attachments: expect.arrayContaining(['photo.png', 'notes.xml']) });
  });

  it('refuses an attachment named factur-x.xml that holds no invoice (NOT_AN_EINVOICE)', async () => {
    const error = await refusal(await facturXPdf({ xml: fixture('camt053/oca-test-camt053.xml') }));
    expect(error).toMatchObject({ code: 'NOT_AN_EINVOICE', attachment: 'factur-x.xml' });
  });

  it('refuses an XXE attempt inside the embedded XML, with the CII error as cause', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&e;</rsm:CrossIndustryInvoice>';
    const error = await refusal(await facturXPdf({ xml: xxe }));
    expect(error).toMatchObject({ code: 'EINVOICE_UNREADABLE', attachment: 'factur-x.xml' });
    expect(error.cause).toBeInstanceOf(CiiParseError);
    expect(error.cause).toMatchObject({ code: 'CII_UNSAFE_XML' });
  });

  it('refuses a password-protected PDF and one encrypted with an owner password only (PDF_ENCRYPTED)', async () => {
    const plain = await facturXPdf({ xml: ciiTestDocument('cii-example9.xml'), classicXref: true });
    await expect(readFacturX(plain)).resolves.toMatchObject({ kind: 'einvoice' });
    expect(await refusal(withEncryptDictionary(plain, { userPassword: 'secret' }))).toMatchObject({ code: 'PDF_ENCRYPTED' });
    expect(await refusal(withEncryptDictionary(plain))).toMatchObject({ code: 'PDF_ENCRYPTED', message: expect.stringContaining('Standard') });
  });

  it('refuses a broken or truncated PDF and something that is no PDF (PDF_UNREADABLE)', async () => {
    const pdf = await facturXPdf({ xml: ciiTestDocument('cii-example9.xml') });
    expect(await refusal(pdf.slice(0, Math.floor(pdf.length / 3)))).toMatchObject({ code: 'PDF_UNREADABLE' });
    expect(await refusal(new TextEncoder().encode('%PDF-1.7\n% nothing after the header'))).toMatchObject({ code: 'PDF_UNREADABLE' });
    expect(await refusal(fixture('peppol/base-example.xml'))).toMatchObject({ code: 'PDF_UNREADABLE', message: expect.stringContaining('not a PDF') });
  });

  it('refuses a PDF over the size limit before reading it, and an embedded XML over its limit', async () => {
    const pdf = await facturXPdf({ xml: ciiTestDocument('cii-example1.xml') });
    expect(await refusal(pdf, { maxPdfBytes: 1000 })).toMatchObject({ code: 'PDF_TOO_LARGE' });
    expect(await refusal(pdf, { maxXmlBytes: 1000 })).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', attachment: 'factur-x.xml' });
  });

  it('stops a compression bomb (a 300 KB PDF whose attachment inflates to 256 MiB) within seconds, keeping the server\u2019s memory', async () => {
    /** A PDF whose factur-x.xml is the given bytes, deflated (what a hostile sender would hand-craft). */
    const withDeflated = async (content: Buffer) => {
      const doc = await PDFDocument.create();
      doc.addPage();
      const ctx = doc.context;
      const stream = ctx.stream(deflateSync(content, { level: 9 }), { Type: 'EmbeddedFile', Filter: 'FlateDecode' });
      const spec = ctx.register(ctx.obj({ Type: 'Filespec', F: PDFString.of('factur-x.xml'), UF: PDFHexString.fromText('factur-x.xml'), EF: { F: ctx.register(stream) }, AFRelationship: 'Data' }));
      doc.catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText('factur-x.xml'), spec] } }));
      return doc.save();
    };
    const limits = { timeoutMs: 2000, maxXmlBytes: 1024 * 1024 };
    // The same construction with a real invoice reads within the same limits.
    await expect(readFacturX(await withDeflated(ciiTestDocument('cii-example9.xml')), limits)).resolves.toMatchObject({ kind: 'einvoice' });
    const bomb = await withDeflated(Buffer.alloc(256 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const error = await refusal(bomb, limits);
    // Stopped at the time limit, or read to the end in the worker and refused for its size.
    expect(['PDF_TIMEOUT', 'ATTACHMENT_TOO_LARGE']).toContain(error.code);
    expect(performance.now() - started).toBeLessThan(6000);
    // The inflated bytes lived in the worker thread, never in this one.
    expect(process.memoryUsage().rss - rss).toBeLessThan(900 * 1024 * 1024);
  }, 60_000);
});
