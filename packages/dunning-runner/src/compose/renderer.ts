import { renderInvoicePdf, renderReminderLetterPdf, renderReminderLetterText, type InvoicePdfInput, type ReminderLetterInput } from '@fact/documents';

/** One reminder's rendering work: its letter and the PDFs of its invoices (plain data, so it can cross a thread). */
export interface RenderJob {
  letter: ReminderLetterInput;
  invoices: InvoicePdfInput[];
}

/** What came back: the letter PDF and text and one PDF per invoice, or why the letter was refused. */
export type RenderResult = { ok: true; letterPdf: Uint8Array; letterText: string; invoicePdfs: Uint8Array[] } | { ok: false; letterRefused: string };

/** Renders reminders: in this thread, or in a pool of worker threads (`renderPool`). */
export interface Renderer {
  render(job: RenderJob): Promise<RenderResult>;
  close(): Promise<void>;
}

/**
 * Renders one job in the calling thread (what the worker threads run too). The letter's checks
 * (@fact/documents refuses a letter whose amounts do not add up) come back as `letterRefused`.
 *
 * @example
 * ```ts
 * const r = await renderJob({ letter, invoices: [] });
 * ```
 */
export async function renderJob(job: RenderJob): Promise<RenderResult> {
  let letterPdf: Uint8Array;
  let letterText: string;
  try {
    letterPdf = await renderReminderLetterPdf(job.letter);
    letterText = renderReminderLetterText(job.letter);
  } catch (e) {
    return { ok: false, letterRefused: (e as Error).message };
  }
  const invoicePdfs: Uint8Array[] = [];
  for (const input of job.invoices) invoicePdfs.push(await renderInvoicePdf(input));
  return { ok: true, letterPdf, letterText, invoicePdfs };
}

/** Renders in the calling thread: small runs (the portal's "send now"), and tests. */
export const inlineRenderer: Renderer = { render: renderJob, close: () => Promise.resolve() };
