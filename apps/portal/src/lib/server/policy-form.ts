import { BOOK_XIX_REMINDER_FEE_CAP, CLAIM_LAW, FIXED_COMPENSATION, bookXixRules, type DunningLevel, type DunningPolicy } from '@fact/core';
import type { MessageKey } from '$lib/i18n/messages.js';
import { parseTypedAmount, toCents } from '../money.js';

// The dunning policy editor's form: which fields a policy has (the claims its law allows), the
// legal gates shown next to the fields they constrain, reading the posted form back into a
// policy for @fact/core's parsePolicy (through the API), and where the API's errors go.

export const CLAIM_FIELDS = ['interest', 'fixedCompensation', 'bik', 'damages'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
const KIND_OF: Record<ClaimField, 'interest' | 'fixed-compensation' | 'bik' | 'damages'> = { interest: 'interest', fixedCompensation: 'fixed-compensation', bik: 'bik', damages: 'damages' };

/** A hint: a catalogue key and its parameters (amounts come from @fact/core, never retyped). */
export interface Hint {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** One level as the form shows it. */
export interface LevelForm {
  index: number;
  level: number;
  key: string;
  gates: string[];
  claims: ClaimField[];
  feeAllowed: boolean;
  hints: Record<string, Hint[]>;
}

/** What the form of one policy shows: its fields, their hints, and the policy-wide law. */
export interface PolicyForm {
  kind: 'business' | 'consumer';
  jurisdiction: 'BE' | 'NL';
  law: Hint[];
  levels: LevelForm[];
}

function lawOf(p: Pick<DunningPolicy, 'jurisdiction' | 'debtorKind'>) {
  return CLAIM_LAW[p.jurisdiction][p.debtorKind];
}

function claimHints(p: DunningPolicy, field: ClaimField): Hint[] {
  const b2b = p.debtorKind === 'business';
  const cap = { fee: BOOK_XIX_REMINDER_FEE_CAP.amount, max: bookXixRules.damagesCap, eur40: FIXED_COMPENSATION.amount };
  switch (field) {
    case 'interest':
      return [{ key: b2b ? 'law.interest.b2b' : p.jurisdiction === 'BE' ? 'law.interest.beB2c' : 'law.interest.nlB2c' }];
    case 'fixedCompensation':
      return [{ key: 'law.eur40', params: { amount: cap.eur40 } }];
    case 'bik':
      return [{ key: b2b ? 'law.bik.b2b' : 'law.bik.b2c' }];
    case 'damages':
      return [{ key: 'law.damages', params: { max: cap.max } }];
  }
}

/**
 * The form of a policy: per level the claims its law allows at all (CLAIM_LAW), the gates it
 * carries, and the legal hints to show next to the fields they constrain.
 *
 * @example
 * ```ts
 * policyForm(BE_B2C_POLICY, 'consumer').levels[1]?.hints['claims']; // the Book XIX free reminder
 * ```
 */
export function policyForm(p: DunningPolicy, kind: 'business' | 'consumer'): PolicyForm {
  const law = lawOf(p);
  const consumerBe = p.jurisdiction === 'BE' && p.debtorKind === 'consumer';
  const levels = p.levels.map((l, index): LevelForm => {
    const claims = CLAIM_FIELDS.filter((f) => law[KIND_OF[f]].allowed);
    const hints: Record<string, Hint[]> = { days: [], claims: [], reminderFee: [] };
    for (const f of claims) hints[f] = claimHints(p, f);
    for (const g of l.gates) (g.endsWith('expired') || g === 'book-xix-waiting-period' ? hints.days! : hints.claims!).push({ key: `gate.${g}` as MessageKey, params: { days: bookXixRules.waitingDays } });
    if (index === 0 && l.offset.days <= 0) hints.days!.push({ key: 'law.preDue' });
    hints.reminderFee!.push(consumerBe ? { key: 'law.fee.beB2c', params: { fee: BOOK_XIX_REMINDER_FEE_CAP.amount } } : { key: 'law.fee.contract' });
    return { index, level: l.level, key: l.key, gates: [...l.gates], claims, feeAllowed: law['reminder-fee'].allowed, hints };
  });
  const policyLaw: Hint[] =
    p.debtorKind === 'business'
      ? [{ key: p.jurisdiction === 'BE' ? 'law.policy.beB2b' : 'law.policy.nlB2b', params: { amount: FIXED_COMPENSATION.amount } }]
      : [{ key: p.jurisdiction === 'BE' ? 'law.policy.beB2c' : 'law.policy.nlB2c', params: { fee: BOOK_XIX_REMINDER_FEE_CAP.amount, days: bookXixRules.waitingDays } }];
  return { kind, jurisdiction: p.jurisdiction, law: policyLaw, levels };
}

/** The form values of a policy (what the inputs show before anything is typed). */
export function policyValues(p: DunningPolicy): Record<string, string> {
  const v: Record<string, string> = { name: p.name, grouping: p.grouping, minimumOpenAmount: p.minimumOpenAmount ?? '' };
  p.levels.forEach((l, i) => {
    v[`l${i}.days`] = String(l.offset.days);
    v[`l${i}.from`] = l.offset.from;
    v[`l${i}.channel`] = l.channel;
    v[`l${i}.final`] = l.final ?? '';
    for (const f of CLAIM_FIELDS) v[`l${i}.${f}`] = l.claims[f] ?? '';
    v[`l${i}.reminderFee`] = l.claims.reminderFee ?? '';
  });
  return v;
}

const INTEGER = /^-?\d{1,4}$/;

/**
 * Reads the posted form over the policy it was built from: the editable fields change, the level
 * keys, template keys and gates stay. Obvious typing errors are caught here (a whole number of
 * days, an amount); the law is checked by the API (parsePolicy).
 *
 * @example
 * ```ts
 * const { policy, values, errors } = readPolicyForm(form, base, 'own-BE-B2B', 3);
 * ```
 */
export function readPolicyForm(form: FormData, base: DunningPolicy, id: string, version: number): { policy: DunningPolicy; values: Record<string, string>; errors: Record<string, string> } {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const get = (k: string) => (values[k] = String(form.get(k) ?? '').trim());
  const name = get('name') || base.name;
  const grouping = get('grouping') === 'per-invoice' ? 'per-invoice' : 'per-debtor';
  const minimum = get('minimumOpenAmount');
  const minimumOpenAmount = minimum ? parseTypedAmount(minimum) : null;
  if (minimum && minimumOpenAmount === null) errors.minimumOpenAmount = 'validation.amount';
  const levels = base.levels.map((l, i): DunningLevel => {
    const days = get(`l${i}.days`);
    if (!INTEGER.test(days)) errors[`l${i}.days`] = 'validation.days';
    const claims: DunningLevel['claims'] = {};
    for (const f of CLAIM_FIELDS) {
      const mode = get(`l${i}.${f}`);
      if (mode === 'claim' || mode === 'announce') claims[f] = mode;
    }
    const fee = get(`l${i}.reminderFee`);
    if (fee) {
      const amount = parseTypedAmount(fee);
      if (amount === null) errors[`l${i}.reminderFee`] = 'validation.amount';
      else if (toCents(amount) > 0n) claims.reminderFee = amount;
    }
    const final = get(`l${i}.final`);
    const from = get(`l${i}.from`) === 'previous-level' ? 'previous-level' : 'due-date';
    const channel = get(`l${i}.channel`);
    const { final: _old, ...rest } = l;
    return {
      ...rest,
      offset: { from, days: INTEGER.test(days) ? Number(days) : l.offset.days },
      channel: (['email', 'letter', 'registered-letter', 'phone-task'] as const).find((c) => c === channel) ?? l.channel,
      claims,
      ...(final === 'formal-notice' || final === 'collection-agency' ? { final } : {}),
    };
  });
  const policy: DunningPolicy = { ...base, id, version, name, grouping, levels, ...(minimumOpenAmount ? { minimumOpenAmount } : {}) };
  if (!minimumOpenAmount) delete policy.minimumOpenAmount;
  return { policy, values, errors };
}

/**
 * The form field an error of parsePolicy belongs to (`levels[2].offset.days` → `l2.days`,
 * `levels[1].claims.bik` → `l1.bik`, `levels[0].gates[0]` → `l0.claims`).
 *
 * @example
 * ```ts
 * policyErrorField('levels[3].final'); // "l3.final"
 * ```
 */
export function policyErrorField(field: string | undefined | null): string {
  if (!field) return 'form';
  const m = /^levels\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?/.exec(field);
  if (!m) return ['name', 'grouping', 'minimumOpenAmount'].includes(field) ? field : 'form';
  const [, i, part, sub] = m;
  if (part === 'offset') return sub === 'from' ? `l${i}.from` : `l${i}.days`;
  if (part === 'claims') return sub ? `l${i}.${sub}` : `l${i}.claims`;
  if (part === 'channel' || part === 'final') return `l${i}.${part}`;
  return `l${i}.claims`;
}
