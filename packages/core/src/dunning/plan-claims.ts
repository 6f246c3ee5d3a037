import { CLAIM_LAW, FIXED_COMPENSATION, INTEREST_BASIS, type ClaimKind } from './claim-law.js';
import { byText } from './plan-input.js';
import type { DunningClaim, GateOutcome } from './plan-types.js';
import type { ClaimMode, DunningLevel, DunningPolicy, LegalGateKind, LevelClaims } from './policy-types.js';

const MODE_CLAIMS = [
  ['interest', 'interest'],
  ['fixedCompensation', 'fixed-compensation'],
  ['bik', 'bik'],
  ['damages', 'damages'],
] as const satisfies readonly (readonly [keyof LevelClaims, ClaimKind])[];

/** The gate a charged claim depends on under consumer law, if the level carries it. */
function gateFor(policy: DunningPolicy, level: DunningLevel, kind: ClaimKind): LegalGateKind | undefined {
  if (policy.debtorKind !== 'consumer') return undefined;
  const gate: LegalGateKind = policy.jurisdiction === 'BE' ? 'book-xix-waiting-period' : 'nl-14-day-letter-expired';
  if (policy.jurisdiction === 'NL' && kind !== 'bik' && kind !== 'interest') return undefined;
  return level.gates.includes(gate) ? gate : undefined;
}

/**
 * The claims of one level for one item, each with the gate that allowed or blocked it.
 * Announcements are never gated: announcing a cost is what the free letters must do. @internal
 */
export function itemClaims(
  policy: DunningPolicy,
  level: DunningLevel,
  gates: readonly GateOutcome[],
  itemId: string,
  feeWaivedBecause?: string,
): DunningClaim[] {
  const law = CLAIM_LAW[policy.jurisdiction][policy.debtorKind];
  const claims: DunningClaim[] = [];
  const add = (kind: ClaimKind, mode: ClaimMode, extra: Partial<DunningClaim>) => {
    const claim: DunningClaim = { kind, mode, status: 'included', itemIds: [itemId], legalBasis: law[kind].legalBasis, ...extra };
    const gate = mode === 'claim' ? gateFor(policy, level, kind) : undefined;
    if (gate !== undefined) {
      claim.gate = gate;
      const outcome = gates.find((g) => g.gate === gate);
      if (outcome?.status === 'blocked') {
        claim.status = 'blocked';
        claim.blockedBecause = outcome.blockedBecause ?? `gate ${gate} is not open`;
      }
    }
    claims.push(claim);
  };
  for (const [key, kind] of MODE_CLAIMS) {
    const mode = level.claims[key];
    if (mode === undefined) continue;
    if (kind === 'interest') add(kind, mode, { ...INTEREST_BASIS[policy.jurisdiction][policy.debtorKind] });
    else if (kind === 'fixed-compensation') add(kind, mode, { amount: FIXED_COMPENSATION.amount, per: 'invoice' });
    else add(kind, mode, {});
  }
  if (level.claims.reminderFee !== undefined) {
    add('reminder-fee', 'claim', { amount: level.claims.reminderFee, per: 'letter' });
    const fee = claims[claims.length - 1] as DunningClaim;
    if (feeWaivedBecause !== undefined && fee.status === 'included') {
      fee.status = 'blocked';
      fee.blockedBecause = feeWaivedBecause;
    }
  }
  return claims;
}

const KIND_ORDER: readonly ClaimKind[] = ['interest', 'fixed-compensation', 'bik', 'damages', 'reminder-fee'];

/**
 * Merges the per-item claims of a grouped action: one entry per kind, mode and outcome, with
 * the items it covers, in a fixed order. @internal
 */
export function mergeClaims(perItem: readonly DunningClaim[]): DunningClaim[] {
  const merged = new Map<string, DunningClaim>();
  for (const c of perItem) {
    const key = JSON.stringify([c.kind, c.mode, c.status, c.blockedBecause ?? '']);
    const existing = merged.get(key);
    if (existing) existing.itemIds.push(...c.itemIds);
    else merged.set(key, { ...c, itemIds: [...c.itemIds] });
  }
  const list = [...merged.values()];
  for (const c of list) c.itemIds.sort(byText);
  return list.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      byText(a.mode, b.mode) ||
      byText(a.status, b.status) ||
      byText(a.blockedBecause ?? '', b.blockedBecause ?? ''),
  );
}
