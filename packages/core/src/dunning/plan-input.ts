import { parseDate, type CalendarDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { money, type AmountInput, type Money } from '../money/money.js';
import type { DunningItem, SentReminder, DebtorUnappliedCredit } from './plan-types.js';
import type { DunningChannel } from './policy-types.js';

/** A validated item with its amount read exactly. @internal */
export interface NormalItem {
  item: DunningItem;
  key: string;
  open: Money;
}

/** A validated send, for one item. @internal */
export interface NormalSend {
  level: number;
  sentOn: CalendarDate;
  channel: DunningChannel;
  manual: boolean;
  deliveredOn?: CalendarDate;
}

const CHANNELS: readonly DunningChannel[] = ['email', 'letter', 'registered-letter', 'phone-task'];
const CURRENCY = /^[A-Z]{3}$/;

/** Reads an amount that must be whole cents: a fraction of a cent is a defect upstream. */
function cents(value: AmountInput, field: string): Money {
  const m = money(value, field);
  if (m.decimalPlaces() > 2) fail('INVALID_AMOUNT', field, `${m.toString()} has a fraction of a cent`);
  return m;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') fail('INVALID_ARGUMENT', field, 'must be a non-empty string');
  return value as string;
}

/** The key of an item: ids are unique per company only. @internal */
export function itemKey(companyId: string, itemId: string): string {
  return JSON.stringify([companyId, itemId]);
}

/** The key of a debtor's balance in one currency. @internal */
export function debtorKey(companyId: string, debtorId: string, currency: string): string {
  return JSON.stringify([companyId, debtorId, currency]);
}

/** Code-unit order, never locale order, so every machine sorts alike. @internal */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Validates the items, refusing two items with the same id in one company. @internal */
export function normalizeItems(items: readonly DunningItem[]): NormalItem[] {
  if (!Array.isArray(items)) fail('INVALID_ARGUMENT', 'items', 'must be an array');
  const seen = new Set<string>();
  return items.map((item, i) => {
    const f = `items[${i}]`;
    text(item.id, `${f}.id`);
    text(item.companyId, `${f}.companyId`);
    text(item.debtorId, `${f}.debtorId`);
    parseDate(item.dueDate, `${f}.dueDate`);
    if (!CURRENCY.test(String(item.currency))) fail('INVALID_ARGUMENT', `${f}.currency`, `"${String(item.currency)}" is not an ISO 4217 code`);
    if (item.onHoldUntil !== undefined) parseDate(item.onHoldUntil, `${f}.onHoldUntil`);
    if (item.promisedPaymentDate !== undefined) parseDate(item.promisedPaymentDate, `${f}.promisedPaymentDate`);
    const key = itemKey(item.companyId, item.id);
    if (seen.has(key)) fail('INVALID_ARGUMENT', `${f}.id`, `"${item.id}" appears twice for company "${item.companyId}"`);
    seen.add(key);
    return { item, key, open: cents(item.openAmount, `${f}.openAmount`) };
  });
}

/**
 * Validates the history and indexes it by item, keeping only sends on or before `asOf` (a plan
 * as of a past date ignores what was sent later), sorted by date, level and channel. @internal
 */
export function indexHistory(history: readonly SentReminder[], asOf: CalendarDate): Map<string, NormalSend[]> {
  if (!Array.isArray(history)) fail('INVALID_ARGUMENT', 'history', 'must be an array');
  const byItem = new Map<string, NormalSend[]>();
  history.forEach((h, i) => {
    const f = `history[${i}]`;
    text(h.companyId, `${f}.companyId`);
    if (!Array.isArray(h.itemIds) || h.itemIds.length === 0) fail('INVALID_ARGUMENT', `${f}.itemIds`, 'must be a non-empty array');
    if (!Number.isSafeInteger(h.level) || h.level < 1) fail('INVALID_ARGUMENT', `${f}.level`, `must be a level of 1 or more, got ${String(h.level)}`);
    const sentOn = parseDate(h.sentOn, `${f}.sentOn`);
    if (!CHANNELS.includes(h.channel)) fail('INVALID_ARGUMENT', `${f}.channel`, `must be one of ${CHANNELS.join(', ')}`);
    const send: NormalSend = { level: h.level, sentOn, channel: h.channel, manual: h.manual === true };
    if (h.deliveredOn !== undefined) {
      send.deliveredOn = parseDate(h.deliveredOn, `${f}.deliveredOn`);
      if (send.deliveredOn < sentOn) fail('INVALID_RANGE', `${f}.deliveredOn`, 'is before the day it was sent');
    }
    if (sentOn > asOf) return;
    (h.itemIds as unknown[]).forEach((id: unknown, k: number) => {
      const key = itemKey(h.companyId, text(id, `${f}.itemIds[${k}]`));
      const list = byItem.get(key) ?? [];
      list.push(send);
      byItem.set(key, list);
    });
  });
  for (const list of byItem.values()) list.sort(compareSends);
  return byItem;
}

function compareSends(a: NormalSend, b: NormalSend): number {
  return (
    byText(a.sentOn, b.sentOn) ||
    a.level - b.level ||
    byText(a.channel, b.channel) ||
    Number(a.manual) - Number(b.manual) ||
    byText(a.deliveredOn ?? '', b.deliveredOn ?? '')
  );
}

/** Sums the unapplied credit per company, debtor and currency. @internal */
export function indexCredits(credits: readonly DebtorUnappliedCredit[] | undefined): Map<string, Money> {
  const byDebtor = new Map<string, Money>();
  (credits ?? []).forEach((c, i) => {
    const f = `unappliedCredits[${i}]`;
    text(c.companyId, `${f}.companyId`);
    text(c.debtorId, `${f}.debtorId`);
    if (!CURRENCY.test(String(c.currency))) fail('INVALID_ARGUMENT', `${f}.currency`, `"${String(c.currency)}" is not an ISO 4217 code`);
    const amount = cents(c.amount, `${f}.amount`);
    if (amount.isNegative()) fail('INVALID_AMOUNT', `${f}.amount`, 'an unapplied credit is a positive amount');
    const key = debtorKey(c.companyId, c.debtorId, c.currency);
    byDebtor.set(key, (byDebtor.get(key) ?? money(0)).plus(amount));
  });
  return byDebtor;
}
