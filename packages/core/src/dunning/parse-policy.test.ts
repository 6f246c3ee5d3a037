import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { BE_B2B_POLICY, BE_B2C_POLICY, DEFAULT_DUNNING_POLICIES, NL_B2B_POLICY, NL_B2C_POLICY } from './default-policies.js';
import { parsePolicy } from './parse-policy.js';
import type { DunningLevel, DunningPolicy } from './policy-types.js';

/** A mutable deep copy of a policy to break. */
function copy(policy: DunningPolicy): DunningPolicy {
  return JSON.parse(JSON.stringify(policy)) as DunningPolicy;
}
function level(policy: DunningPolicy, i: number): DunningLevel {
  const l = policy.levels[i];
  if (!l) throw new Error(`no level ${i}`);
  return l;
}

/** Expects INVALID_POLICY on exactly this field. */
function expectInvalid(input: unknown, field: string, message?: RegExp): void {
  let error: unknown;
  try {
    parsePolicy(input);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FactError);
  expect((error as FactError).code).toBe('INVALID_POLICY');
  expect((error as FactError).field).toBe(field);
  if (message) expect((error as FactError).message).toMatch(message);
}

describe('default policies', () => {
  it.each(Object.values(DEFAULT_DUNNING_POLICIES))('$id is valid and round-trips through parsePolicy', (policy) => {
    expect(parsePolicy(policy)).toEqual(policy);
  });

  it('are frozen, so a caller cannot change the law for everyone', () => {
    expect(Object.isFrozen(BE_B2B_POLICY.levels[0]?.offset)).toBe(true);
  });

  it('BE-B2C: the first overdue reminder is free and later ones charge at most €7.50 (Book XIX, reference.md §3)', () => {
    const free = level(BE_B2C_POLICY, 1);
    expect(free.gates).toEqual(['book-xix-free-first-reminder']);
    expect(Object.values(free.claims)).not.toContain('claim');
    expect(free.claims.damages).toBe('announce');
    for (const l of BE_B2C_POLICY.levels.slice(2)) {
      expect(l.gates).toContain('book-xix-waiting-period');
      if (l.claims.reminderFee) expect(Number(l.claims.reminderFee)).toBeLessThanOrEqual(7.5);
    }
  });

  it('NL-B2C: the 14-day letter announces BIK and BIK is claimed only after it (art. 6:96 lid 6 BW)', () => {
    const letter = NL_B2C_POLICY.levels.findIndex((l) => l.gates.includes('nl-14-day-letter'));
    expect(level(NL_B2C_POLICY, letter).claims.bik).toBe('announce');
    const firstBik = NL_B2C_POLICY.levels.findIndex((l) => l.claims.bik === 'claim');
    expect(firstBik).toBeGreaterThan(letter);
    expect(level(NL_B2C_POLICY, firstBik).gates).toContain('nl-14-day-letter-expired');
  });

  it('B2B: €40 in Belgium, BIK in the Netherlands, no consumer gates', () => {
    expect(BE_B2B_POLICY.levels.some((l) => l.claims.fixedCompensation === 'claim')).toBe(true);
    expect(NL_B2B_POLICY.levels.some((l) => l.claims.bik === 'claim')).toBe(true);
    for (const l of [...BE_B2B_POLICY.levels, ...NL_B2B_POLICY.levels]) expect(l.gates).toEqual([]);
  });

  it('each has a pre-due reminder, a formal notice and ends with the collection agency', () => {
    for (const p of Object.values(DEFAULT_DUNNING_POLICIES)) {
      expect(p.levels[0]?.offset.days).toBeLessThan(0);
      expect(p.levels.some((l) => l.final === 'formal-notice')).toBe(true);
      expect(p.levels.at(-1)?.final).toBe('collection-agency');
    }
  });
});

describe('parsePolicy refuses broken policies, naming the field', () => {
  it('non-contiguous levels', () => {
    const p = copy(BE_B2B_POLICY);
    level(p, 2).level = 4;
    expectInvalid(p, 'levels[2].level', /expected 3, got 4/);
  });

  it('an offset from the due date that goes backwards', () => {
    const p = copy(BE_B2B_POLICY);
    level(p, 2).offset = { from: 'due-date', days: 5 };
    expectInvalid(p, 'levels[2].offset.days', /goes backwards/);
  });

  it('a later level counted from the due date before the earliest the previous one can be sent', () => {
    const p = copy(BE_B2B_POLICY);
    // level 3 = at least 7 + 14 = 21 days after due; 20 days is earlier.
    level(p, 3).offset = { from: 'due-date', days: 20 };
    expectInvalid(p, 'levels[3].offset.days', /at least 21/);
  });

  it('zero days after the previous level, a first level counted from a previous one, a second pre-due level', () => {
    const a = copy(BE_B2B_POLICY);
    level(a, 2).offset.days = 0;
    expectInvalid(a, 'levels[2].offset.days');
    const b = copy(BE_B2B_POLICY);
    level(b, 0).offset = { from: 'previous-level', days: 3 };
    expectInvalid(b, 'levels[0].offset.from');
    const c = copy(BE_B2B_POLICY);
    level(c, 1).offset = { from: 'due-date', days: -1 };
    expectInvalid(c, 'levels[1].offset.days', /only the first level/);
    const d = copy(BE_B2B_POLICY);
    level(d, 1).offset = { from: 'previous-level', days: 10 };
    expectInvalid(d, 'levels[1].offset.from', /may lapse/);
  });

  it('a claim the jurisdiction forbids: BIK in Belgium, €40 to a consumer, €40 on top of BIK in NL', () => {
    const a = copy(BE_B2B_POLICY);
    level(a, 2).claims.bik = 'claim';
    expectInvalid(a, 'levels[2].claims.bik', /not allowed for BE business/);
    const b = copy(BE_B2C_POLICY);
    level(b, 2).claims.fixedCompensation = 'claim';
    expectInvalid(b, 'levels[2].claims.fixedCompensation', /consumers/);
    const c = copy(NL_B2B_POLICY);
    level(c, 2).claims.fixedCompensation = 'claim';
    expectInvalid(c, 'levels[2].claims.fixedCompensation');
    const d = copy(NL_B2C_POLICY);
    level(d, 3).claims.reminderFee = '5.00';
    expectInvalid(d, 'levels[3].claims.reminderFee');
  });

  it('BE-B2C: damages on the free reminder, or a later claim without the waiting-period gate', () => {
    const a = copy(BE_B2C_POLICY);
    level(a, 1).claims.damages = 'claim';
    expectInvalid(a, 'levels[1].claims.damages', /free/);
    const b = copy(BE_B2C_POLICY);
    level(b, 2).gates = [];
    expectInvalid(b, 'levels[2].gates', /book-xix-waiting-period/);
    const c = copy(BE_B2C_POLICY);
    level(c, 1).gates = [];
    expectInvalid(c, 'levels[1].gates', /free first reminder/);
    const d = copy(BE_B2C_POLICY);
    delete level(d, 1).claims.damages;
    expectInvalid(d, 'levels[1].claims.damages', /announce/);
    const e = copy(BE_B2C_POLICY);
    level(e, 1).channel = 'phone-task';
    expectInvalid(e, 'levels[1].channel', /durable/);
  });

  it('BE-B2C: a reminder fee above €7.50 (Book XIX cap)', () => {
    const p = copy(BE_B2C_POLICY);
    level(p, 2).claims.reminderFee = '7.51';
    expectInvalid(p, 'levels[2].claims.reminderFee', /above the Book XIX cap of 7.50/);
  });

  it('NL-B2C: BIK before the 14-day letter, a letter that does not announce BIK, interest before default', () => {
    const a = copy(NL_B2C_POLICY);
    level(a, 1).claims.bik = 'claim';
    expectInvalid(a, 'levels[1].claims.bik', /after the 14-day letter/);
    const b = copy(NL_B2C_POLICY);
    delete level(b, 2).claims.bik;
    expectInvalid(b, 'levels[2].claims.bik', /announce the exact BIK/);
    const c = copy(NL_B2C_POLICY);
    level(c, 1).claims.interest = 'claim';
    expectInvalid(c, 'levels[1].claims.interest', /verzuim/);
    const d = copy(NL_B2C_POLICY);
    level(d, 3).gates = [];
    expectInvalid(d, 'levels[3].gates', /nl-14-day-letter-expired/);
  });

  it('a gate of another law, a pre-due level that claims, a handover that is not last', () => {
    const a = copy(BE_B2B_POLICY);
    level(a, 2).gates = ['book-xix-waiting-period'];
    expectInvalid(a, 'levels[2].gates[0]', /BE consumer/);
    const b = copy(NL_B2B_POLICY);
    level(b, 0).claims.interest = 'announce';
    expectInvalid(b, 'levels[0].claims.interest', /nothing is late yet/);
    const c = copy(BE_B2B_POLICY);
    level(c, 3).final = 'collection-agency';
    expectInvalid(c, 'levels[3].final', /last level/);
  });

  it('shape errors: missing levels, bad channel, duplicate key, negative minimum, unknown claim', () => {
    expectInvalid({ ...copy(BE_B2B_POLICY), levels: [] }, 'levels');
    const a = copy(BE_B2B_POLICY);
    (level(a, 1) as { channel: string }).channel = 'fax';
    expectInvalid(a, 'levels[1].channel', /fax/);
    const b = copy(BE_B2B_POLICY);
    level(b, 2).key = 'reminder';
    expectInvalid(b, 'levels[2].key', /earlier level/);
    expectInvalid({ ...copy(BE_B2B_POLICY), minimumOpenAmount: '-1' }, 'minimumOpenAmount');
    const c = copy(BE_B2B_POLICY);
    (level(c, 2).claims as Record<string, unknown>).penalty = 'claim';
    expectInvalid(c, 'levels[2].claims.penalty');
    expectInvalid({ ...copy(BE_B2B_POLICY), jurisdiction: 'DE' }, 'jurisdiction');
    expectInvalid(null, 'policy');
  });
});
