// The floor of the portfolio benchmark: the same loop as the exact evaluator — a cache per due
// date, status, bucket, interest over the rate periods, next level — in plain JS numbers, with
// no validation and no rounding. It is what "fast but wrong" costs; it is not used for money.
import { BE_B2B_POLICY, DEFAULT_AGEING_BUCKETS, beCommercialRates, type PortfolioItem } from '@fact/core';

const MS_PER_DAY = 86_400_000;
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

const rateFrom = beCommercialRates.entries.map((e) => dayOf(e.from));
const ratePct = beCommercialRates.entries.map((e) => Number(e.rate));
const levels = BE_B2B_POLICY.levels;
const lower = DEFAULT_AGEING_BUCKETS.map((b) => (b.fromDays === null ? -Infinity : b.fromDays));

interface Facts {
  dueDay: number;
  days: number;
  bucket: number;
  from: number[];
  rate: number[];
}

function factsOf(dueDay: number, asOfDay: number): Facts {
  const days = asOfDay - dueDay;
  let bucket = 0;
  while (bucket + 1 < lower.length && days >= (lower[bucket + 1] as number)) bucket += 1;
  const from: number[] = [];
  const rate: number[] = [];
  const start = dueDay + 1;
  if (start <= asOfDay) {
    let j = 0;
    while (j + 1 < rateFrom.length && (rateFrom[j + 1] as number) <= start) j += 1;
    from.push(start);
    rate.push(ratePct[j] as number);
    for (j += 1; j < rateFrom.length && (rateFrom[j] as number) <= asOfDay; j += 1) {
      from.push(rateFrom[j] as number);
      rate.push(ratePct[j] as number);
    }
  }
  return { dueDay, days, bucket, from, rate };
}

/** One float line, as the exact evaluator keeps one per item. */
export interface FloatLine {
  status: number;
  bucket: number;
  openCents: number;
  interestCents: number;
  next: number;
}

/** Evaluates the items in floats into `lines`; returns the sum of interest in (fractional) cents. */
export function floorEvaluate(items: readonly PortfolioItem[], asOfDay: number, lines: FloatLine[] = []): number {
  const cache = new Map<string, Facts>();
  let total = 0;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i] as PortfolioItem;
    let interest = 0;
    let f = cache.get(item.dueDate);
    if (f === undefined) {
      f = factsOf(dayOf(item.dueDate), asOfDay);
      cache.set(item.dueDate, f);
    }
    let open = item.amountCents;
    let payDay = Infinity;
    let payCents = 0;
    const payments = item.payments;
    if (payments !== undefined) {
      for (const p of payments) {
        open -= p.amountCents;
        payDay = dayOf(p.date) + 1;
        payCents = p.amountCents;
      }
    }
    const status = item.issueDate !== undefined && dayOf(item.issueDate) > asOfDay ? 0 : open === 0 ? 1 : f.days < 0 ? 2 : f.days === 0 ? 3 : 4;
    const bucket = status >= 2 ? f.bucket : -1;

    // Interest: base × rate × days / 36 500 per period, the base dropping after the payment.
    let base = item.amountCents;
    for (let s = 0; s < f.from.length; s += 1) {
      const a = f.from[s] as number;
      const b = s + 1 < f.from.length ? (f.from[s + 1] as number) - 1 : asOfDay;
      const r = f.rate[s] as number;
      if (payDay <= a) base = item.amountCents - payCents;
      if (payDay > a && payDay <= b) {
        interest += (base * r * (payDay - a)) / 36_500;
        base = item.amountCents - payCents;
        interest += (base * r * (b - payDay + 1)) / 36_500;
      } else {
        interest += (base * r * (b - a + 1)) / 36_500;
      }
    }

    // Next level: after the highest sent, the pre-due one lapsing once overdue, on its offset.
    let highest = 0;
    let lastSent = -Infinity;
    const reminders = item.reminders;
    if (reminders !== undefined) {
      for (const r of reminders) {
        if (r.level > highest) highest = r.level;
        lastSent = Math.max(lastSent, dayOf(r.sentOn));
      }
    }
    let index = highest;
    if (index === 0 && f.days > 0) index = 1;
    const level = levels[index];
    let next = 0;
    if (level !== undefined) {
      let dueOn = level.offset.from === 'due-date' || highest === 0 ? f.dueDay + level.offset.days : lastSent + level.offset.days;
      dueOn = Math.max(dueOn, lastSent + 1, index > 0 ? f.dueDay + 1 : -Infinity);
      next = dueOn <= asOfDay ? level.level : -level.level;
    }
    lines[i] = { status, bucket, openCents: open, interestCents: interest, next };
    total += interest;
  }
  return total;
}
