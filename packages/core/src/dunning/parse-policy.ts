import { parseDate } from '../calendar/date.js';
import { fail } from '../errors/fail.js';
import { money } from '../money/money.js';
import { BOOK_XIX_REMINDER_FEE_CAP, CLAIM_LAW, type ClaimKind } from './claim-law.js';
import { LEGAL_GATES } from './legal-gates.js';
import type {
  ClaimMode,
  DunningChannel,
  DunningLevel,
  DunningPolicy,
  LegalGateKind,
  LevelClaims,
} from './policy-types.js';
import { validateLegalOrder } from './policy-law.js';

const CHANNELS: readonly DunningChannel[] = ['email', 'letter', 'registered-letter', 'phone-task'];
const MODES: readonly ClaimMode[] = ['announce', 'claim'];
const GATES = Object.keys(LEGAL_GATES) as LegalGateKind[];
const MODE_CLAIMS = [
  ['interest', 'interest'],
  ['fixedCompensation', 'fixed-compensation'],
  ['bik', 'bik'],
  ['damages', 'damages'],
] as const satisfies readonly (readonly [keyof LevelClaims, ClaimKind])[];

const invalid = (field: string, message: string): never => fail('INVALID_POLICY', field, message);

function record(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) invalid(field, 'must be an object');
  return value as Record<string, unknown>;
}
function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(field, 'must be a non-empty string');
  return value as string;
}
function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) invalid(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}
function integer(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) invalid(field, `must be a whole number, got ${JSON.stringify(value)}`);
  return value as number;
}
function amountText(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(field, 'must be a decimal string such as "7.50"');
  const m = money(value as string, field);
  if (m.isNegative()) invalid(field, `must not be negative, got ${m.toString()}`);
  if (m.decimalPlaces() > 2) invalid(field, `${m.toString()} has a fraction of a cent`);
  return m.toFixed(2);
}

function parseClaims(value: unknown, field: string, policy: Pick<DunningPolicy, 'jurisdiction' | 'debtorKind'>): LevelClaims {
  const input = record(value ?? {}, field);
  const law = CLAIM_LAW[policy.jurisdiction][policy.debtorKind];
  const known = [...MODE_CLAIMS.map(([k]) => k), 'reminderFee'];
  for (const key of Object.keys(input)) if (!known.includes(key)) invalid(`${field}.${key}`, 'is not a known claim');
  const claims: LevelClaims = {};
  for (const [key, kind] of MODE_CLAIMS) {
    if (input[key] === undefined) continue;
    claims[key] = oneOf(input[key], MODES, `${field}.${key}`);
    const rule = law[kind];
    if (!rule.allowed) invalid(`${field}.${key}`, `not allowed for ${policy.jurisdiction} ${policy.debtorKind} debtors: ${rule.forbiddenBecause ?? ''} (${rule.legalBasis})`);
  }
  if (input.reminderFee !== undefined) {
    const fee = amountText(input.reminderFee, `${field}.reminderFee`);
    const rule = law['reminder-fee'];
    if (!rule.allowed) invalid(`${field}.reminderFee`, `not allowed for ${policy.jurisdiction} ${policy.debtorKind} debtors: ${rule.forbiddenBecause ?? ''} (${rule.legalBasis})`);
    if (policy.jurisdiction === 'BE' && policy.debtorKind === 'consumer' && money(fee).greaterThan(money(BOOK_XIX_REMINDER_FEE_CAP.amount))) {
      invalid(`${field}.reminderFee`, `${fee} is above the Book XIX cap of ${BOOK_XIX_REMINDER_FEE_CAP.amount} plus postage`);
    }
    claims.reminderFee = fee;
  }
  return claims;
}

function parseLevel(value: unknown, i: number, policy: Pick<DunningPolicy, 'jurisdiction' | 'debtorKind'>): DunningLevel {
  const f = `levels[${i}]`;
  const input = record(value, f);
  const level = integer(input.level, `${f}.level`);
  if (level !== i + 1) invalid(`${f}.level`, `levels must be numbered 1..n in order without gaps: expected ${i + 1}, got ${level}`);
  const offsetIn = record(input.offset, `${f}.offset`);
  const offset = {
    from: oneOf(offsetIn.from, ['due-date', 'previous-level'] as const, `${f}.offset.from`),
    days: integer(offsetIn.days, `${f}.offset.days`),
  };
  const gatesIn = input.gates ?? [];
  if (!Array.isArray(gatesIn)) invalid(`${f}.gates`, 'must be an array');
  const gates = (gatesIn as unknown[]).map((g, k) => {
    const gate = oneOf(g, GATES, `${f}.gates[${k}]`);
    const rule = LEGAL_GATES[gate];
    if (rule.jurisdiction !== policy.jurisdiction || rule.debtorKind !== policy.debtorKind) {
      invalid(`${f}.gates[${k}]`, `${gate} belongs to ${rule.jurisdiction} ${rule.debtorKind} debts, not ${policy.jurisdiction} ${policy.debtorKind}`);
    }
    return gate;
  });
  if (new Set(gates).size !== gates.length) invalid(`${f}.gates`, 'lists a gate twice');
  const result: DunningLevel = {
    level,
    key: text(input.key, `${f}.key`),
    offset,
    channel: oneOf(input.channel, CHANNELS, `${f}.channel`),
    templateKey: text(input.templateKey, `${f}.templateKey`),
    claims: parseClaims(input.claims, `${f}.claims`, policy),
    gates,
  };
  if (input.final !== undefined) result.final = oneOf(input.final, ['formal-notice', 'collection-agency'] as const, `${f}.final`);
  return result;
}

/**
 * Validates a dunning policy and returns a clean copy. Throws `INVALID_POLICY` naming the field
 * (`levels[2].offset.days`) for: levels that are not numbered 1..n, offsets that go backwards,
 * a pre-due level that is not the first or that claims costs, a claim the jurisdiction forbids
 * (BIK in Belgium, €40 towards consumers, damages before the Book XIX free reminder, BIK before
 * the Dutch 14-day letter), a Book XIX reminder fee above €7.50, a gate of another law, and a
 * collection-agency handover that is not the last level.
 *
 * @example
 * ```ts
 * const mine = parsePolicy({ ...BE_B2B_POLICY, id: 'acme-be', version: 2, minimumOpenAmount: '25.00' });
 * const [pre, reminder, ...rest] = BE_B2B_POLICY.levels;
 * parsePolicy({ ...BE_B2B_POLICY, levels: [pre, { ...reminder, claims: { bik: 'claim' } }, ...rest] });
 * // throws FactError INVALID_POLICY "levels[1].claims.bik: not allowed for BE business debtors…"
 * ```
 */
export function parsePolicy(input: unknown): DunningPolicy {
  const p = record(input, 'policy');
  const jurisdiction = oneOf(p.jurisdiction, ['BE', 'NL'] as const, 'jurisdiction');
  const debtorKind = oneOf(p.debtorKind, ['business', 'consumer'] as const, 'debtorKind');
  const version = integer(p.version, 'version');
  if (version < 1) invalid('version', `must be 1 or more, got ${version}`);
  if (!Array.isArray(p.levels) || p.levels.length === 0) invalid('levels', 'must be a non-empty array');
  const levels = (p.levels as unknown[]).map((l, i) => parseLevel(l, i, { jurisdiction, debtorKind }));
  const policy: DunningPolicy = {
    id: text(p.id, 'id'),
    name: text(p.name, 'name'),
    version,
    jurisdiction,
    debtorKind,
    grouping: oneOf(p.grouping, ['per-debtor', 'per-invoice'] as const, 'grouping'),
    levels,
  };
  if (p.effectiveFrom !== undefined) policy.effectiveFrom = parseDate(p.effectiveFrom, 'effectiveFrom');
  if (p.minimumOpenAmount !== undefined) policy.minimumOpenAmount = amountText(p.minimumOpenAmount, 'minimumOpenAmount');
  if (p.source !== undefined) policy.source = text(p.source, 'source');
  const keys = new Set<string>();
  levels.forEach((l, i) => {
    if (keys.has(l.key)) invalid(`levels[${i}].key`, `"${l.key}" is used by an earlier level`);
    keys.add(l.key);
  });
  validateLegalOrder(policy);
  return policy;
}
