import { createHash } from 'node:crypto';
import { AFRelationship, PDFDocument, StandardFonts } from 'pdf-lib';

/** An extra file to embed beside (or instead of) the e-invoice. */
export interface PdfFile {
  readonly name: string;
  readonly bytes: Uint8Array | string;
  readonly mimeType?: string;
  readonly relationship?: 'Data' | 'Alternative' | 'Source' | 'Supplement' | 'Unspecified';
}

/** Options of {@link facturXPdf}. */
export interface FacturXPdfOptions {
  /** The e-invoice XML; omit it for a PDF without e-invoice. */
  readonly xml?: Uint8Array | string;
  /** Its attachment name (default `factur-x.xml`). */
  readonly name?: string;
  /**
   * Its AFRelationship. Factur-X 1.0 asks `Data` for the MINIMUM and BASIC WL profiles and
   * `Alternative` (or `Source`) when the XML is the full invoice (BASIC, EN 16931, EXTENDED);
   * default `Alternative`.
   */
  readonly relationship?: 'Data' | 'Alternative' | 'Source';
  readonly otherFiles?: readonly PdfFile[];
  /** Text printed on the page (default "Invoice"). */
  readonly text?: string;
  /** Cross-reference table instead of streams (needed by {@link withEncryptDictionary}). */
  readonly classicXref?: boolean;
}

const FIXED = new Date(Date.UTC(2025, 0, 1));
const bytesOf = (b: Uint8Array | string) => (typeof b === 'string' ? new TextEncoder().encode(b) : b);

/**
 * A one-page PDF with the e-invoice embedded the way Factur-X / ZUGFeRD do it: an embedded file
 * in the catalog's `EmbeddedFiles` name tree, listed in the catalog's `/AF` array with its
 * `/AFRelationship`, MIME type `text/xml`. Built with pdf-lib; deterministic (fixed dates).
 *
 * @example
 * ```ts
 * const pdf = await facturXPdf({ xml: readFileSync('cii-example9.xml') });
 * ```
 */
export async function facturXPdf(options: FacturXPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED);
  doc.setModificationDate(FIXED);
  doc.setProducer('Fact tests (pdf-lib)');
  const page = doc.addPage([595, 842]);
  page.drawText(options.text ?? 'Invoice', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  if (options.xml !== undefined) {
    await doc.attach(bytesOf(options.xml), options.name ?? 'factur-x.xml', {
      mimeType: 'text/xml',
      description: 'Factur-X invoice',
      afRelationship: AFRelationship[options.relationship ?? 'Alternative'],
      creationDate: FIXED,
      modificationDate: FIXED,
    });
  }
  for (const f of options.otherFiles ?? []) {
    await doc.attach(bytesOf(f.bytes), f.name, { mimeType: f.mimeType ?? 'application/octet-stream', afRelationship: AFRelationship[f.relationship ?? 'Supplement'], creationDate: FIXED, modificationDate: FIXED });
  }
  return doc.save({ useObjectStreams: !options.classicXref });
}

/** RC4, for the test of an encrypted PDF only (PDF 1.3 standard security handler, revision 2). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const hex = (b: Uint8Array) => `<${Buffer.from(b).toString('hex')}>`;

/**
 * Marks a PDF (saved with `classicXref`) as encrypted with the standard security handler, as a
 * PDF protected by an owner password (or, with `userPassword`, one that asks for a password to
 * open) would be. Only the trailer changes; that is enough for a reader to treat it as encrypted.
 *
 * @example
 * ```ts
 * const locked = withEncryptDictionary(await facturXPdf({ xml, classicXref: true }), { userPassword: 'secret' });
 * ```
 */
export function withEncryptDictionary(pdf: Uint8Array, options: { userPassword?: string } = {}): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = -44;
  const ownerKey = createHash('md5').update(padded('owner-password')).digest().subarray(0, 5);
  const o = rc4(ownerKey, padded(options.userPassword ?? ''));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash('md5').update(padded(options.userPassword ?? '')).update(o).update(p).update(id).digest().subarray(0, 5);
  const u = rc4(key, PAD);
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex(o)} /U ${hex(u)} /P ${permissions} >> /ID [${hex(id)} ${hex(id)}]`;
  if (!/trailer\s*<</.test(text)) throw new Error('withEncryptDictionary needs a PDF saved with classicXref: true');
  return new Uint8Array(Buffer.from(text.replace(/trailer\s*<</, `trailer\n<< ${encrypt} `), 'latin1'));
}
