import { describe, expect, it } from 'vitest';
import { FactError } from '../errors/FactError.js';
import { BE_B2B_POLICY, BE_B2C_POLICY } from './default-policies.js';
import { explainAction, type ExplainLanguage } from './explain-action.js';
import { planDunning } from './plan-dunning.js';
import type { DunningAction } from './plan-types.js';
import { ruleText } from './rule-text.js';

const items = [
  { id: 'F-1', companyId: 'acme', debtorId: 'D1', dueDate: '2025-03-31', openAmount: '1000.00', currency: 'EUR' },
  { id: 'F-2', companyId: 'acme', debtorId: 'D1', dueDate: '2025-03-31', openAmount: '210.00', currency: 'EUR' },
];
const history = [{ companyId: 'acme', itemIds: ['F-1', 'F-2'], level: 2, sentOn: '2025-04-02', channel: 'email' as const }];
const level3 = planDunning({ asOf: '2025-04-16', policy: BE_B2B_POLICY, items, history }).actions[0] as DunningAction;

describe('explainAction', () => {
  it('says in English which level, why now (with the previous send) and what is claimed', () => {
    expect(explainAction(level3, 'en')).toBe(
      'Level 3 (second-reminder) by letter for F-1, F-2: 14 days after level 2 (sent 2025-04-02); due since 2025-04-16. ' +
        'Amount: 1210.00 EUR. Claims: late-payment interest; fixed compensation 40.00 per invoice.',
    );
  });

  it('speaks Dutch and French, with the legal names of the final letters', () => {
    const notice = planDunning({
      asOf: '2025-05-01',
      policy: BE_B2B_POLICY,
      items,
      history: [...history, { ...history[0]!, level: 3, sentOn: '2025-04-16', channel: 'letter' as const }],
    }).actions[0] as DunningAction;
    expect(explainAction(notice, 'nl')).toMatch(/^Niveau 4 \(ingebrekestelling\) per aangetekende brief voor F-1, F-2: 14 dagen na niveau 3 \(verstuurd op 2025-04-16\)/);
    expect(explainAction(notice, 'fr')).toMatch(/^Niveau 4 \(mise en demeure\) par lettre recommandée pour F-1, F-2 : 14 jours après le niveau 3 \(envoyé le 2025-04-16\)/);
    expect(explainAction(notice, 'fr')).toContain('indemnité forfaitaire 40.00 par facture');
  });

  it('explains a pre-due reminder and an announced, not claimed, cost', () => {
    const pre = planDunning({ asOf: '2025-03-28', policy: BE_B2B_POLICY, items, history: [] }).actions[0] as DunningAction;
    expect(explainAction(pre, 'en')).toContain('3 days before the due date');
    const free = planDunning({ asOf: '2025-04-08', policy: BE_B2C_POLICY, items, history: [] }).actions[0] as DunningAction;
    expect(explainAction(free, 'nl')).toContain('schadebeding (Boek XIX) (aangekondigd)');
  });

  it('refuses an unknown language naming the field', () => {
    expect(() => explainAction(level3, 'de' as ExplainLanguage)).toThrow(FactError);
    expect(() => explainAction(level3, 'de' as ExplainLanguage)).toThrow(/^lang:/);
  });

  it('writes the rule text of each kind of offset', () => {
    expect(ruleText(BE_B2B_POLICY.levels[0]!)).toBe('Level 1 (friendly-pre-due) by email: 3 days before the due date');
    expect(ruleText(BE_B2B_POLICY.levels[1]!)).toBe('Level 2 (reminder) by email: 7 days after the due date');
    expect(ruleText({ ...BE_B2B_POLICY.levels[0]!, offset: { from: 'due-date', days: 0 } })).toContain('on the due date');
    expect(level3.rule).toEqual({ policyId: 'BE-B2B', policyVersion: 1, level: 3, offset: { from: 'previous-level', days: 14 }, text: 'Level 3 (second-reminder) by letter: 14 days after level 2' });
  });
});
