import { formatIban, ZERO } from '@fact/core';
import { documentLocale, formatDate, formatMoney, renderPdf, type DocumentModel } from '@fact/documents';
import type { FactoringBatch, FactoringDebtor, FactoringInvoice } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';
import { NOTICE_TEXTS } from './notice-texts.js';

/** What one notice needs: who assigns to whom, the debtor, and its assigned invoices. */
export interface NoticeInput {
  readonly batch: Pick<FactoringBatch, 'batchId' | 'seller'>;
  readonly profile: FactorProfile;
  readonly debtor: FactoringDebtor;
  readonly invoices: readonly FactoringInvoice[];
  /** The date printed on the notice and recorded in the PDF (the batch's as-of date). */
  readonly date: string;
}

function addressLines(a: { street: string; postalCode: string; city: string; country: string }): string[] {
  return [a.street, `${a.postalCode} ${a.city}`, a.country];
}

/**
 * The notice of assignment for one debtor as a document model, in the debtor's language. Open
 * assignment: with the factor's name, IBAN and BIC and the statement that only payment to the
 * factor discharges the debt. Silent assignment: without new payment instructions.
 *
 * @example
 * ```ts
 * noticeModel({ batch, profile, debtor, invoices, date: '2025-06-30' }).title; // "Kennisgeving van overdracht van schuldvorderingen"
 * ```
 */
export function noticeModel(input: NoticeInput): DocumentModel {
  const { batch, profile, debtor, invoices, date } = input;
  const t = NOTICE_TEXTS[debtor.language];
  const country = debtor.country === 'BE' || debtor.country === 'NL' ? debtor.country : batch.seller.country;
  const locale = documentLocale(debtor.language, country);
  const seller = batch.seller;
  const factor = profile.factor;
  const total = invoices.reduce((s, i) => s.plus(i.outstanding), ZERO);
  const rows = invoices.map((i) => [i.number, formatDate(i.issueDate, locale), formatDate(i.dueDate, locale), formatMoney(i.outstanding, locale)]);
  return {
    title: `${t.title} – ${debtor.name}`,
    author: seller.name,
    subject: `${t.batch} ${batch.batchId}`,
    language: debtor.language,
    date,
    blocks: [
      {
        kind: 'parties',
        leftTitle: t.assignor,
        left: [seller.name, ...addressLines(seller.address), ...(seller.vatNumber ? [seller.vatNumber] : [])],
        rightTitle: t.debtor,
        right: [debtor.name, ...addressLines(debtor.address), ...(debtor.vatNumber ? [debtor.vatNumber] : [])],
      },
      { kind: 'title', text: t.title },
      { kind: 'facts', rows: [[t.batch, batch.batchId], ['', formatDate(date, locale, 'long')]] },
      { kind: 'paragraph', text: t.intro(seller.name, factor.name) },
      {
        kind: 'table',
        columns: [
          { header: t.columns[0], weight: 3 },
          { header: t.columns[1], weight: 2 },
          { header: t.columns[2], weight: 2 },
          { header: t.columns[3], weight: 2, align: 'right' },
        ],
        rows,
        totals: [[t.total, '', '', formatMoney(total, locale)]],
      },
      profile.assignment === 'open'
        ? { kind: 'paragraph', text: t.openPay(factor.name), emphasis: 'bold' }
        : { kind: 'paragraph', text: t.silent },
      ...(profile.assignment === 'open'
        ? [
            {
              kind: 'payment' as const,
              lines: [t.payTo, factor.name, `IBAN ${formatIban(factor.iban)}`, ...(factor.bic ? [`BIC ${factor.bic}`] : []), ...(factor.address ? [factor.address] : []), t.reference],
            },
          ]
        : []),
      { kind: 'paragraph', text: t.closing },
      { kind: 'paragraph', text: seller.name },
    ],
    footer: [seller.name, seller.vatNumber, profile.assignment === 'open' ? factor.name : undefined].filter(Boolean).join(' · '),
    pageLabel: (page, pages) => `${page}/${pages}`,
  };
}

/**
 * Renders the notice of assignment as a PDF (same bytes for the same input).
 *
 * @example
 * ```ts
 * const pdf = await renderNoticePdf({ batch, profile, debtor, invoices, date: '2025-06-30' });
 * ```
 */
export function renderNoticePdf(input: NoticeInput): Promise<Uint8Array> {
  return renderPdf(noticeModel(input));
}
