import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@fact/db';
import type { InvoiceForDocs } from './invoice-docs.js';

type Tables = Executor['tables'];
export type DebtorRow = Tables['debtors']['$inferSelect'];
export type ContactRow = Tables['debtorContacts']['$inferSelect'];
export type LineRow = Tables['invoiceLines']['$inferSelect'];

/** What composing a batch of letters reads from the database, read once for the whole batch. */
export interface ComposeData {
  debtors: Map<string, DebtorRow>;
  /** Per debtor, in position order. */
  contacts: Map<string, ContactRow[]>;
  invoices: Map<string, InvoiceForDocs>;
  /** Per invoice, in position order. */
  lines: Map<string, LineRow[]>;
  /** The company's own letter wording, keyed `level:language` (see {@link templateKey}). */
  templates: Map<string, { subject: string; body: string }>;
}

/** The key of a company's letter template in {@link ComposeData.templates}. @example templateKey(2, 'fr') // "2:fr" */
export const templateKey = (level: number, language: string): string => `${level}:${language}`;

function group<T>(rows: readonly T[], by: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(by(r), [...(out.get(by(r)) ?? []), r]);
  return out;
}

async function inSlices<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

/**
 * Reads the debtors, contacts, invoices and invoice lines of a batch of sends, and the company's
 * letter templates, in five queries.
 *
 * @example
 * ```ts
 * const data = await loadComposeData(db, companyId, [{ debtorId: 'd1', itemIds: ['inv-1'] }], true);
 * ```
 */
export async function loadComposeData(ex: Executor, companyId: string, sends: readonly { debtorId: string; itemIds: readonly string[] }[], withLines: boolean): Promise<ComposeData> {
  const t = ex.tables;
  const debtorIds = [...new Set(sends.map((s) => s.debtorId))];
  const invoiceIds = [...new Set(sends.flatMap((s) => s.itemIds))];
  const debtors = await inSlices(debtorIds, (ids) => ex.db.select().from(t.debtors).where(and(eq(t.debtors.companyId, companyId), inArray(t.debtors.id, ids))));
  const contacts = await inSlices(debtorIds, (ids) =>
    ex.db.select().from(t.debtorContacts).where(and(eq(t.debtorContacts.companyId, companyId), inArray(t.debtorContacts.debtorId, ids))).orderBy(asc(t.debtorContacts.debtorId), asc(t.debtorContacts.position)),
  );
  const invoices = (await inSlices(invoiceIds, (ids) => ex.db.select().from(t.invoices).where(and(eq(t.invoices.companyId, companyId), inArray(t.invoices.id, ids))))) as InvoiceForDocs[];
  const lines = withLines
    ? await inSlices(invoiceIds, (ids) =>
        ex.db.select().from(t.invoiceLines).where(and(eq(t.invoiceLines.companyId, companyId), inArray(t.invoiceLines.invoiceId, ids))).orderBy(asc(t.invoiceLines.invoiceId), asc(t.invoiceLines.position)),
      )
    : [];
  const templates = await ex.db.select().from(t.letterTemplates).where(eq(t.letterTemplates.companyId, companyId));
  return {
    debtors: new Map(debtors.map((d) => [d.id, d])),
    contacts: group(contacts, (c) => c.debtorId),
    invoices: new Map(invoices.map((i) => [i.id, i])),
    lines: group(lines, (l) => l.invoiceId),
    templates: new Map(templates.map((tpl) => [templateKey(tpl.level, tpl.language), { subject: tpl.subject, body: tpl.body }])),
  };
}
