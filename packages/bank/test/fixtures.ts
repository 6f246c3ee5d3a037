import { readFileSync } from 'node:fs';

/** Reads a file of /work/shared/fixtures (never copied into the repository). */
export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../../../../shared/fixtures/${path}`, import.meta.url));
}

/** The CODA fixture (odoo l10n_be_coda, see shared/fixtures/README.md). */
export const CODA_FIXTURE = 'coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod';

/** Replaces positions `from`‑`to` (1-based, inclusive) of record `line` (1-based), keeping 128 characters. */
export function patchCoda(text: string, line: number, from: number, replacement: string): string {
  const lines = text.split('\r\n');
  const rec = lines[line - 1];
  if (rec === undefined) throw new Error(`no line ${line}`);
  lines[line - 1] = rec.slice(0, from - 1) + replacement + rec.slice(from - 1 + replacement.length);
  return lines.join('\r\n');
}
