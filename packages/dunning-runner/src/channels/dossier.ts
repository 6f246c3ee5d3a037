import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';

/** What a collection agency receives for one claim. */
export interface CollectionDossier {
  companyId: string;
  debtor: Record<string, unknown>;
  invoices: Record<string, unknown>[];
  /** Every reminder sent for these invoices, with its proof (message id, document, date, channel). */
  reminders: Record<string, unknown>[];
  /** Interest segments and costs claimed, as priced for this handover. */
  statement: Record<string, unknown>;
  preparedOn: string;
}

/**
 * Writes the handover dossier: `<dir>/<key>/dossier.json` and `dossier.pdf` (the handover letter
 * followed by the invoices). The folder appears complete or not at all (renamed into place).
 *
 * @example
 * ```ts
 * await writeDossier('./data/dossiers', key, dossier, [letterPdf, invoicePdf]);
 * ```
 */
export async function writeDossier(dir: string, key: string, dossier: CollectionDossier, pdfs: readonly Uint8Array[]): Promise<string> {
  const final = join(dir, key);
  const tmp = `${final}.${process.pid}.tmp`;
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, 'dossier.json'), JSON.stringify(dossier, null, 2));
  const merged = await PDFDocument.create();
  for (const bytes of pdfs) {
    const doc = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page);
  }
  await writeFile(join(tmp, 'dossier.pdf'), await merged.save());
  await rename(tmp, final).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e; // written before a crash: keep the first
  });
  return final;
}
