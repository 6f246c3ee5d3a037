import { money, sumMoney } from '@fact/core';
import type { Block } from '../layout/blocks.js';
import { formatDate } from '../text/format-date.js';
import { formatMoney, formatPercent } from '../text/format-money.js';
import type { LetterTexts } from '../text/letters/types.js';
import type { DocumentLocale } from '../text/locale.js';
import type { InterestStatement } from './types.js';

/**
 * The interest and costs statement: one row per segment of `lateInterest` (from, to, days,
 * base, rate, amount), per invoice, and the total. An accountant must be able to redo every row.
 *
 * @example
 * ```ts
 * interestStatementBlocks(input.interest, texts, 'nl-BE'); // [heading, paragraph, table]
 * ```
 */
export function interestStatementBlocks(statements: readonly InterestStatement[], t: LetterTexts, locale: DocumentLocale): Block[] {
  if (statements.length === 0) return [];
  const c = t.statementColumns;
  const rows = statements.flatMap((s) =>
    s.segments.map((seg) => [
      s.itemNumber,
      formatDate(seg.from, locale),
      formatDate(seg.to, locale),
      String(seg.days),
      formatMoney(seg.base, locale),
      formatPercent(seg.ratePercent, locale, 2),
      formatMoney(seg.amount, locale),
    ]),
  );
  const total = sumMoney(statements.map((s) => money(s.total)));
  return [
    { kind: 'heading', text: t.statement },
    { kind: 'paragraph', text: t.statementIntro, emphasis: 'small' },
    {
      kind: 'table',
      columns: [
        { header: c.invoice, weight: 3 },
        { header: c.from, weight: 2.6 },
        { header: c.to, weight: 2.6 },
        { header: c.days, weight: 1.4, align: 'right' },
        { header: c.base, weight: 3, align: 'right' },
        { header: c.rate, weight: 2.2, align: 'right' },
        { header: c.interest, weight: 2.6, align: 'right' },
      ],
      rows,
      totals: [[t.statementTotal, '', '', '', '', '', formatMoney(total, locale)]],
    },
  ];
}
