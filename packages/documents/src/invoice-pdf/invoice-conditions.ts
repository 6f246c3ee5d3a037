import { EU_FIXED_COMPENSATION_EUR } from '@fact/core';
import { fail } from '../errors.js';
import type { Block } from '../layout/blocks.js';
import { conditionTexts } from '../text/conditions-texts.js';
import { formatMoney, formatPercent } from '../text/format-money.js';
import { localeLanguage, type DocumentLocale } from '../text/locale.js';
import type { InvoicePdfInput } from './types.js';

/**
 * The company's conditions as printed under an invoice: late interest, recovery costs, penalty
 * clause, retention of title and any further clauses. The €40 compensation is B2B only
 * (Directive 2011/7/EU; reference.md §1.1), so asking for it towards a consumer is refused.
 */
export function conditionBlocks(input: InvoicePdfInput, locale: DocumentLocale): Block[] {
  const c = input.conditions;
  if (!c) return [];
  const t = conditionTexts(localeLanguage(locale));
  const context = { country: input.invoice.vatCountry, consumer: input.customer.kind === 'consumer' };
  const sentences: string[] = [];
  if (c.lateInterest) {
    sentences.push(
      c.lateInterest.basis === 'contractual'
        ? t.lateInterest(context, formatPercent(c.lateInterest.ratePercent, locale, 2, 'conditions.lateInterest.ratePercent'))
        : t.lateInterest(context),
    );
  }
  if (c.recoveryCosts) {
    if (context.consumer) fail('INVALID_ARGUMENT', 'conditions.recoveryCosts', 'the €40 fixed compensation applies between businesses only, not to consumers (Directive 2011/7/EU)');
    sentences.push(t.recoveryCosts(context, formatMoney(EU_FIXED_COMPENSATION_EUR, locale)));
  }
  if (c.penalty) {
    const p = c.penalty;
    sentences.push(
      t.penalty(
        formatPercent(p.percent, locale, 0, 'conditions.penalty.percent'),
        p.minimum === undefined ? undefined : formatMoney(p.minimum, locale, 'conditions.penalty.minimum'),
        p.maximum === undefined ? undefined : formatMoney(p.maximum, locale, 'conditions.penalty.maximum'),
      ),
    );
  }
  if (c.retentionOfTitle) sentences.push(t.retentionOfTitle(input.supplier.name));
  sentences.push(...(c.additional ?? []));
  return sentences.map((text) => ({ kind: 'paragraph', text, emphasis: 'small' }) as const);
}
