import { createHash, type KeyObject } from 'node:crypto';
import type { Writable } from 'node:stream';
import { ZERO, type CalendarDate } from '@fact/core';
import { parseUbl } from '@fact/ubl';
import { evaluateEligibility } from '../eligibility/evaluate.js';
import type { EligibilityReport } from '../eligibility/types.js';
import { fail } from '../input/fail.js';
import type { FactoringBatch, FactoringInvoice } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';
import { invoicesCsv } from './invoices-csv.js';
import { loadDocument } from './load-document.js';
import { buildManifest } from './manifest.js';
import type { ManifestV1 } from './manifest-schema.js';
import { renderNoticePdf } from './notice.js';
import { PACKAGE_FILES, packagePaths } from './paths.js';
import { purchases } from './purchase.js';
import { keyId, signBytes } from './signing.js';
import { writeDeterministicZip, type ZipEntrySource } from './zip-writer.js';

/** What a package is built from. */
export interface BuildPackageInput {
  readonly batch: FactoringBatch;
  readonly profile: FactorProfile;
  /** The batch date: eligibility is judged on it, and it is every file's timestamp. */
  readonly asOf: CalendarDate;
  /** The firm's Ed25519 private key (PEM or KeyObject). */
  readonly privateKey: string | KeyObject;
  /** The folder that `{ file }` document references are relative to. */
  readonly baseDir?: string;
  /** Called after each file is written: `(done, total)`. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What was written: the manifest, the selection it came from, and the archive's hash. */
export interface BuiltPackage {
  readonly manifest: ManifestV1;
  readonly report: EligibilityReport;
  /** SHA-256 (hex) of the ZIP. */
  readonly sha256: string;
  readonly bytes: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function checkedUbl(invoice: FactoringInvoice, bytes: Uint8Array, field: string): Promise<Uint8Array> {
  let id: string | undefined;
  try {
    id = parseUbl(bytes).id;
  } catch (e) {
    return fail('INVALID_INVOICE', field, `the UBL document does not parse: ${(e as Error).message}`);
  }
  if (id !== invoice.number) fail('INVALID_INVOICE', field, `the UBL document is invoice "${id ?? '(no ID)'}", not "${invoice.number}"`);
  return bytes;
}

/**
 * Builds the factoring package for the invoices the profile makes eligible and streams it as a
 * ZIP to `output`: `debtors/<id>/notice-of-assignment.pdf` (in the debtor's language),
 * `invoices.csv`, `invoices/<number>.xml` (the Peppol UBL as given, checked to be that invoice)
 * and `.pdf`, `manifest.json` (with the SHA-256 of every file before it), `manifest.sig` (Ed25519
 * over the manifest bytes) and `sha256sums.txt` (every file, `sha256sum -c` format). The same
 * input gives the same bytes.
 *
 * @example
 * ```ts
 * const built = await writeFactoringPackage({ batch, profile, asOf: '2025-06-30', privateKey }, createWriteStream('B-42.zip'));
 * console.log(built.manifest.totals.advance, built.sha256);
 * ```
 */
export async function writeFactoringPackage(input: BuildPackageInput, output: Writable): Promise<BuiltPackage> {
  const { batch, profile, asOf } = input;
  const report = evaluateEligibility(batch, profile, asOf);
  const bought = purchases(report.invoices, profile);
  const invoiceById = new Map(batch.invoices.map((inv, i) => [inv.id, { inv, index: i }]));
  const boughtInvoices = bought.map((p) => invoiceById.get(p.invoiceId)).filter((x) => x !== undefined);
  const debtorIds = [...new Set(boughtInvoices.map(({ inv }) => inv.debtorId))].sort();
  const paths = packagePaths(
    boughtInvoices.map(({ inv }) => inv.number),
    debtorIds,
  );
  const debtors = new Map(batch.debtors.map((d) => [d.id, d]));
  const files: { path: string; sha256: string; bytes: number }[] = [];
  const entries: ZipEntrySource[] = [];
  const add = (path: string, make: () => Promise<Uint8Array>, record = true) =>
    entries.push({
      path,
      content: async () => {
        const bytes = await make();
        if (record) files.push({ path, sha256: sha256(bytes), bytes: bytes.byteLength });
        return bytes;
      },
    });

  for (const id of debtorIds) {
    const debtor = debtors.get(id);
    if (!debtor) continue;
    const invoices = boughtInvoices.filter(({ inv }) => inv.debtorId === id).map(({ inv }) => inv);
    add(paths.notice(id), () => renderNoticePdf({ batch, profile, debtor, invoices, date: asOf }));
  }
  const purchaseById = new Map(bought.map((p) => [p.invoiceId, p]));
  add(PACKAGE_FILES.csv, async () =>
    Buffer.from(
      invoicesCsv(
        boughtInvoices.map(({ inv }) => {
          const p = purchaseById.get(inv.id);
          const d = debtors.get(inv.debtorId);
          return {
            number: inv.number,
            debtorId: inv.debtorId,
            debtorName: d?.name ?? '',
            debtorVat: d?.vatNumber,
            issueDate: inv.issueDate,
            dueDate: inv.dueDate,
            gross: inv.grossAmount,
            outstanding: inv.outstanding,
            eligible: p?.eligible ?? ZERO,
            advance: p?.advance ?? ZERO,
            fee: p?.fee ?? ZERO,
            paymentReference: inv.paymentReference,
            purchaseOrder: inv.purchaseOrder,
          };
        }),
      ),
      'utf8',
    ),
  );
  const documentEntries: { path: string; make: () => Promise<Uint8Array> }[] = [];
  for (const { inv, index } of boughtInvoices) {
    const p = paths.invoice(inv.number);
    const field = `batch.invoices[${index}].documents`;
    const { ubl, pdf } = inv.documents;
    if (ubl) documentEntries.push({ path: p.ubl, make: async () => checkedUbl(inv, await loadDocument(ubl, input.baseDir, `${field}.ubl`), `${field}.ubl`) });
    if (pdf) documentEntries.push({ path: p.pdf, make: () => loadDocument(pdf, input.baseDir, `${field}.pdf`) });
  }
  documentEntries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of documentEntries) add(e.path, e.make);

  let manifest: ManifestV1 | undefined;
  let manifestBytes: Uint8Array = new Uint8Array();
  add(PACKAGE_FILES.manifest, async () => {
    manifest = buildManifest({ batch, profile, asOf, report, purchases: bought, paths, debtorIds, files: [...files], keyId: keyId(input.privateKey) });
    manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    return manifestBytes;
  }, false);
  let signatureBytes: Uint8Array = new Uint8Array();
  add(
    PACKAGE_FILES.signature,
    async () => {
      signatureBytes = Buffer.from(`${signBytes(manifestBytes, input.privateKey)}\n`, 'utf8');
      return signatureBytes;
    },
    false,
  );
  add(
    PACKAGE_FILES.checksums,
    async () => {
      const all = [...files, { path: PACKAGE_FILES.manifest, sha256: sha256(manifestBytes) }, { path: PACKAGE_FILES.signature, sha256: sha256(signatureBytes) }];
      return Buffer.from(all.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
    },
    false,
  );

  let done = 0;
  const total = entries.length;
  const tracked = entries.map((e) => ({
    path: e.path,
    content: async () => {
      const bytes = await e.content();
      input.onProgress?.(++done, total);
      return bytes;
    },
  }));
  const zip = await writeDeterministicZip(tracked, asOf, output);
  if (!manifest) throw new Error('the manifest was not written');
  return { manifest, report, sha256: zip.sha256, bytes: zip.bytes };
}
