import { addMonths } from '@fact/core';
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { fromCents, parseTypedAmount, toCents } from '../money.js';
import type { Api } from './api.js';
import { isCalendarDate } from './dates.js';
import type { ApiProblem } from '../i18n/problem.js';
import { apiProblems, onField } from './api-problems.js';
import { isApiFailure, translate } from './errors.js';

// The collection actions of the debtor and invoice pages: dispute, hold, promise to pay, payment
// plan. Each reads its form, checks it, calls the API, and either redirects (303) or sends the
// form back with what was typed and an error next to each field (422).

type Values = Record<string, string>;
/** Per field: a catalogue key (the portal's own checks) or a problem the API named. */
type Errors = Record<string, string | ApiProblem>;
export type ActionResult = ActionFailure<{ action: string; values: Values; errors: Errors }>;


function read(form: FormData, keys: string[]): Values {
  return Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? '').trim()]));
}

function refuse(action: string, values: Values, errors: Errors): ActionResult {
  return fail(422, { action, values, errors });
}

/** Calls the API; a refusal becomes the form again with the problem, in the user's language, next to its field. */
async function attempt(action: string, values: Values, rename: Record<string, string>, call: () => Promise<unknown>): Promise<ActionResult | null> {
  try {
    await call();
    return null;
  } catch (e) {
    if (isApiFailure(e) && ['BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE'].includes(e.code)) {
      const errors: Errors = {};
      for (const problem of apiProblems(e)) {
        const target = rename[problem.field] ?? (problem.field in values ? problem.field : 'form');
        errors[target] ??= target === 'form' ? problem : onField(problem, target);
      }
      return refuse(action, values, errors);
    }
    throw translate(e);
  }
}

function checkReason(values: Values, errors: Errors) {
  if (values.reason!.length < 3) errors.reason = 'validation.reason';
}

function checkDate(values: Values, errors: Errors, key: string, required = true) {
  const v = values[key]!;
  if (!v) {
    if (required) errors[key] = 'validation.required';
  } else if (!isCalendarDate(v)) errors[key] = 'validation.date';
}

/** Flag a dispute (betwisting / contestation) on one invoice. */
export async function disputeAction(api: Api, form: FormData, back: string, today: string) {
  const values = read(form, ['invoiceId', 'reason', 'description', 'openedOn']);
  if (!values.openedOn) values.openedOn = today;
  const errors: Errors = {};
  if (!values.invoiceId) errors.invoiceId = 'validation.required';
  checkReason(values, errors);
  checkDate(values, errors, 'openedOn');
  if (Object.keys(errors).length) return refuse('dispute', values, errors);
  const refused = await attempt('dispute', values, {}, () =>
    api.collection.dispute.open({ invoiceId: values.invoiceId!, reason: values.reason!, openedOn: values.openedOn!, ...(values.description ? { description: values.description } : {}) }),
  );
  if (refused) return refused;
  redirect(303, `${back}?done=dispute`);
}

/** Pause follow-up of a debtor (or one invoice) from a date, until a date or until released. */
export async function holdAction(api: Api, form: FormData, back: string, target: { debtorId: string } | { invoiceId: string }) {
  const values = read(form, ['reason', 'fromDate', 'untilDate']);
  const errors: Errors = {};
  checkReason(values, errors);
  checkDate(values, errors, 'fromDate');
  checkDate(values, errors, 'untilDate', false);
  if (!errors.fromDate && !errors.untilDate && values.untilDate && values.untilDate < values.fromDate!) errors.untilDate = 'validation.order';
  if (Object.keys(errors).length) return refuse('hold', values, errors);
  const refused = await attempt('hold', values, {}, () =>
    api.collection.hold.place({ ...target, reason: values.reason!, fromDate: values.fromDate!, ...(values.untilDate ? { untilDate: values.untilDate } : {}) }),
  );
  if (refused) return refused;
  redirect(303, `${back}?done=hold`);
}

/**
 * A promise to pay (betaalbelofte / promesse de paiement), made today, to pay `amount` by the
 * date typed in "promises to pay on" (collection.promise.record).
 */
export async function promiseAction(api: Api, form: FormData, back: string, today: string, debtorId: string) {
  const values = read(form, ['invoiceId', 'promisedOn', 'amount']);
  const errors: Errors = {};
  if (!values.invoiceId) errors.invoiceId = 'validation.required';
  checkDate(values, errors, 'promisedOn');
  if (!errors.promisedOn && values.promisedOn! < today) errors.promisedOn = 'validation.order';
  const amount = values.amount ? parseTypedAmount(values.amount) : null;
  if (!values.amount) errors.amount = 'validation.required';
  else if (amount === null || toCents(amount) <= 0n) errors.amount = 'validation.amount';
  if (Object.keys(errors).length) return refuse('promise', values, errors);
  const refused = await attempt('promise', values, { dueOn: 'promisedOn', promisedOn: 'form' }, () =>
    api.collection.promise.record({ debtorId, invoiceId: values.invoiceId!, amount: amount!, promisedOn: today, dueOn: values.promisedOn! }),
  );
  if (refused) return refused;
  redirect(303, `${back}?done=promise`);
}

/** Splits cents into `count` instalments that add up exactly; the first ones carry the odd cents. */
export function splitInstalments(totalCents: bigint, count: number, firstDue: string): { dueOn: string; amount: string }[] {
  const n = BigInt(count);
  const base = totalCents / n;
  const rest = totalCents % n;
  return Array.from({ length: count }, (_, k) => ({ dueOn: addMonths(firstDue, k), amount: fromCents(base + (BigInt(k) < rest ? 1n : 0n)) }));
}

/** An agreed schedule of monthly instalments (afbetalingsplan / plan d'apurement) over open invoices. */
export async function planAction(api: Api, form: FormData, back: string, debtorId: string, openByInvoice: Map<string, string>, today: string) {
  const values = read(form, ['agreedOn', 'firstDue', 'count']);
  if (!values.agreedOn) values.agreedOn = today;
  const invoiceIds = form.getAll('invoiceIds').map(String).filter((id) => openByInvoice.has(id));
  values.invoiceIds = invoiceIds.join(',');
  const errors: Errors = {};
  if (invoiceIds.length === 0) errors.invoiceIds = 'validation.pick';
  checkDate(values, errors, 'agreedOn');
  checkDate(values, errors, 'firstDue');
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 120) errors.count = 'validation.count';
  if (!errors.firstDue && !errors.agreedOn && values.firstDue! < values.agreedOn!) errors.firstDue = 'validation.order';
  if (Object.keys(errors).length) return refuse('plan', values, errors);
  const total = invoiceIds.reduce((s, id) => s + toCents(openByInvoice.get(id)!), 0n);
  const installments = splitInstalments(total, count, values.firstDue!);
  const refused = await attempt('plan', values, { installments: 'count', invoiceIds: 'invoiceIds' }, () =>
    api.collection.paymentPlan.create({ debtorId, invoiceIds, agreedOn: values.agreedOn!, installments }),
  );
  if (refused) return refused;
  redirect(303, `${back}?done=plan`);
}
