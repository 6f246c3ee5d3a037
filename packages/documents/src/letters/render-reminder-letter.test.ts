import { BE_B2B_POLICY, BE_B2C_POLICY, NL_B2B_POLICY, NL_B2C_POLICY } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { extractPdf, flat } from '../test-support/pdf-text.js';
import { letterLevelFor } from './letter-level.js';
import { reminderLetterModel } from './letter-model.js';
import { beB2bLetter, bookXixLetter, fourteenDayLetter, nlB2bLetter } from './letters.fixtures.js';
import { renderReminderLetterPdf, renderReminderLetterText } from './render-reminder-letter.js';
import type { LetterLevel } from './types.js';

const pdfText = async (input: Parameters<typeof renderReminderLetterPdf>[0]) => flat((await extractPdf(await renderReminderLetterPdf(input))).text);

describe('BE B2B formal notice with statutory interest and €40 (Law of 2 Aug 2002; reference.md §1.1–1.2)', () => {
  // Interest on 1,234.56 from 16/12/2024: 16 days at 12.50 % = 6.76; 122 days at 11.50 % = 47.45.
  it.each([
    ['nl', ['AANGETEKEND', 'Ingebrekestelling', 'Datum 2 mei 2025', 'Onze referentie AL-2025-0099', 'Klantnummer C-0042', '2024-0815 15/11/2024 15/12/2024 1.234,56 € 1.234,56 €', 'Verwijlinterest 2024-0815 54,21 €', 'Forfaitaire vergoeding invorderingskosten 2024-0815 40,00 €', 'Totaal te betalen 1.328,77 €', 'wet van 2 augustus 2002', 'forfaitaire vergoeding van 40,00 € per onbetaalde factuur', 'Deze brief geldt als ingebrekestelling', 'uiterlijk op 16 mei 2025', '+++240/2838/42818+++', 'Overzicht van interest en kosten', '2024-0815 16/12/2024 31/12/2024 16 1.234,56 € 12,50 % 6,76 €', '2024-0815 01/01/2025 02/05/2025 122 1.234,56 € 11,50 % 47,45 €', 'Totaal interest 54,21 €']],
    ['fr', ['RECOMMANDÉ', 'Mise en demeure', 'Date 2 mai 2025', 'Intérêts de retard 2024-0815 54,21 €', 'Total à payer 1.328,77 €', 'loi du 2 août 2002', 'indemnité forfaitaire de 40,00 € par facture impayée', 'La présente vaut mise en demeure', 'au plus tard le 16 mai 2025', 'Décompte des intérêts et frais', '2024-0815 16/12/2024 31/12/2024 16 1.234,56 € 12,50 % 6,76 €', 'Total des intérêts 54,21 €']],
    ['en', ['BY REGISTERED MAIL', 'Formal notice of default', 'Date 2 May 2025', 'Late-payment interest 2024-0815 €54.21', 'Total to pay €1,328.77', 'Law of 2 August 2002', 'fixed compensation of €40.00 per unpaid invoice', 'formal notice of default', 'by 16 May 2025', 'Statement of interest and costs', '2024-0815 16/12/2024 31/12/2024 16 €1,234.56 12.50% €6.76', '2024-0815 01/01/2025 02/05/2025 122 €1,234.56 11.50% €47.45', 'Total interest €54.21']],
  ] as const)('golden %s', async (language, expected) => {
    const text = await pdfText(beB2bLetter(language));
    for (const fragment of expected) expect(text).toContain(fragment);
  });
});

describe('BE consumer: Book XIX free first reminder (reference.md §3)', () => {
  it.each([
    ['fr', ['Premier rappel (gratuit)', 'Ce premier rappel est gratuit', '14 jours calendrier', 'troisième jour ouvrable', 'au plus tard le 18 décembre 2024', 'indemnité forfaitaire 45,00 €', 'Restauratie staande lamp', '15/11/2024', 'Solde dû 300,00 €', 'numéro d’entreprise 0403.019.261', 'contester la dette', 'plan de paiement']],
    ['nl', ['Eerste herinnering (kosteloos)', 'Deze eerste herinnering is kosteloos', '14 kalenderdagen', 'derde werkdag', 'uiterlijk op 18 december 2024', 'forfaitaire schadevergoeding 45,00 €', 'ondernemingsnummer 0403.019.261', 'Openstaand bedrag 300,00 €']],
    ['en', ['First reminder (free of charge)', 'free of charge', '14 calendar days', 'third working day', 'by 18 December 2024', 'fixed damages €45.00', 'enterprise number 0403.019.261', 'Balance due €300.00']],
  ] as const)('carries every required mention in %s', async (language, expected) => {
    const text = await pdfText(bookXixLetter(language));
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  it('charges nothing: the total to pay is the open balance and no claims table is printed', () => {
    const model = reminderLetterModel(bookXixLetter('nl'));
    expect(model.amounts.total.toFixed(2)).toBe('300.00');
    expect(renderReminderLetterText(bookXixLetter('nl'))).not.toContain('Totaal te betalen');
  });

  it('refuses a first reminder that charges costs, omits the damages, the description or the enterprise number', () => {
    const base = bookXixLetter('nl');
    expect(() => reminderLetterModel({ ...base, claims: [{ kind: 'damages', mode: 'claim', amount: '45.00' }] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'claims[0].mode' }));
    expect(() => reminderLetterModel({ ...base, claims: [] })).toThrow(expect.objectContaining({ field: 'claims' }));
    expect(() => reminderLetterModel({ ...base, items: [{ ...base.items[0]!, description: '' }] })).toThrow(expect.objectContaining({ field: 'items[0].description' }));
    const { enterpriseNumber: _e, vatNumber: _v, ...anonymous } = base.company;
    expect(() => reminderLetterModel({ ...base, company: anonymous })).toThrow(expect.objectContaining({ field: 'company.enterpriseNumber' }));
    expect(() => reminderLetterModel({ ...base, jurisdiction: 'NL' })).toThrow(expect.objectContaining({ field: 'statutoryLetter' }));
  });
});

describe('NL consumer: 14-day letter (art. 6:96 lid 6 BW; reference.md §2)', () => {
  it.each([
    ['nl', ['veertiendagenbrief', 'te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief', 'buitengerechtelijke incassokosten € 150,00', 'Openstaand bedrag € 1.000,00', 'RF18 5390 0754 7034', 'Vervaldatum', '03-02-2025']],
    ['en', ['fourteen-day letter', 'within 14 days from the day after receipt of this letter', 'extrajudicial collection costs €150.00', 'Balance due €1,000.00']],
    ['fr', ['lettre de quatorze jours', 'dans les 14 jours à compter du lendemain de la réception de la présente lettre', '150,00 €']],
  ] as const)('states the exact BIK amount and the term from the day after receipt in %s', async (language, expected) => {
    const text = await pdfText(fourteenDayLetter(language));
    for (const fragment of expected) expect(text).toContain(fragment);
  });

  it('does not print a pay-by date that could contradict the statutory term', () => {
    expect(renderReminderLetterText(fourteenDayLetter('nl'))).not.toContain('20 maart 2025');
  });

  it('refuses a 14-day letter without the BIK amount, or one that already charges BIK', () => {
    const base = fourteenDayLetter('nl');
    expect(() => reminderLetterModel({ ...base, claims: [] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'claims' }));
    expect(() => reminderLetterModel({ ...base, claims: [{ kind: 'bik', mode: 'announce', amount: '150.00' }, { kind: 'bik', mode: 'claim', amount: '150.00' }] })).toThrow(expect.objectContaining({ field: 'claims[1].mode' }));
  });
});

describe('every level in every language', () => {
  const levels: LetterLevel[] = ['pre-due', 'first-reminder', 'second-reminder', 'formal-notice', 'final-notice'];
  const titles = {
    nl: ['Vriendelijke herinnering', 'Herinnering', 'Tweede herinnering', 'Ingebrekestelling', 'Laatste aanmaning vóór invordering'],
    fr: ['Rappel amical', 'Rappel', 'Second rappel', 'Mise en demeure', 'Dernier avis avant recouvrement'],
    en: ['Friendly reminder', 'Reminder', 'Second reminder', 'Formal notice of default', 'Final notice before collection'],
  } as const;
  for (const language of ['nl', 'fr', 'en'] as const) {
    it(`renders the five levels in ${language}, each with its own title and the amount to pay`, async () => {
      for (const [i, level] of levels.entries()) {
        const text = await pdfText(beB2bLetter(language, level));
        expect(text).toContain(titles[language][i]);
        expect(text).toContain('+++240/2838/42818+++');
        const claims = level === 'formal-notice' || level === 'final-notice';
        expect(text).toContain({ nl: claims ? '1.328,77 €' : '1.234,56 €', fr: claims ? '1.328,77 €' : '1.234,56 €', en: claims ? '€1,328.77' : '€1,234.56' }[language]);
      }
    });
  }

  it('announces the €40 in a reminder and hands over to collection in the final notice', () => {
    expect(renderReminderLetterText(beB2bLetter('en', 'second-reminder'))).toContain('we will charge fixed compensation for recovery costs €40.00');
    expect(renderReminderLetterText(beB2bLetter('nl', 'final-notice'))).toContain('incassobureau, gerechtsdeurwaarder of advocaat');
  });

  it('writes NL B2B amounts the Dutch way and speaks of several invoices in the plural', () => {
    const text = renderReminderLetterText(nlB2bLetter('nl')).replace(/\u00a0/g, ' ');
    expect(text).toContain('€ 1.484,56');
    expect(text).toContain('Aanmaning'.toUpperCase());
    expect(text).toContain('de onderstaande facturen nog niet ontvangen');
    // 15 % of the first €2,500 (reference.md §2): 0.15 × 1,484.56 = 222.68.
    expect(text).toContain('buitengerechtelijke incassokosten € 222,68');
  });
});

describe('bytes and bad input', () => {
  it('renders the same bytes twice, dated from the letter', async () => {
    const a = await renderReminderLetterPdf(beB2bLetter('nl'));
    const b = await renderReminderLetterPdf(beB2bLetter('nl'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await extractPdf(a)).info.CreationDate).toBe('D:20250502000000Z');
  });

  it('refuses claims the law forbids, sums that do not add up, and broken items', () => {
    const b2b = beB2bLetter('nl');
    expect(() => reminderLetterModel({ ...bookXixLetter('nl'), claims: [{ kind: 'fixed-compensation', mode: 'announce', amount: '40.00' }] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'claims[0].kind' }));
    expect(() => reminderLetterModel({ ...b2b, interest: [] })).toThrow(expect.objectContaining({ field: 'interest' }));
    expect(() => reminderLetterModel({ ...b2b, interest: [{ ...b2b.interest![0]!, total: '54.20' }] })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'interest[0].total' }));
    expect(() => reminderLetterModel({ ...b2b, items: [{ ...b2b.items[0]!, openAmount: '0' }] })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', field: 'items[0].openAmount' }));
    expect(() => reminderLetterModel({ ...b2b, items: [{ ...b2b.items[0]!, openAmount: '12.345' }] })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => reminderLetterModel({ ...b2b, items: [] })).toThrow(expect.objectContaining({ field: 'items' }));
    expect(() => reminderLetterModel({ ...b2b, debtor: { ...b2b.debtor, language: 'de' as never } })).toThrow(expect.objectContaining({ field: 'debtor.language' }));
    expect(() => reminderLetterModel({ ...beB2bLetter('nl', 'pre-due'), claims: [{ kind: 'fixed-compensation', mode: 'claim', amount: '40.00' }] })).toThrow(expect.objectContaining({ field: 'claims[0].mode' }));
  });
});

describe('letterLevelFor (the default policies of @fact/core)', () => {
  it.each([
    [BE_B2B_POLICY, [{ level: 'pre-due' }, { level: 'first-reminder' }, { level: 'second-reminder' }, { level: 'formal-notice' }, { level: 'final-notice' }]],
    [BE_B2C_POLICY, [{ level: 'pre-due' }, { level: 'first-reminder', statutoryLetter: 'book-xix-free-first-reminder' }, { level: 'second-reminder' }, { level: 'formal-notice' }, { level: 'final-notice' }]],
    [NL_B2B_POLICY, [{ level: 'pre-due' }, { level: 'first-reminder' }, { level: 'second-reminder' }, { level: 'formal-notice' }, { level: 'final-notice' }]],
    [NL_B2C_POLICY, [{ level: 'pre-due' }, { level: 'first-reminder' }, { level: 'second-reminder', statutoryLetter: 'nl-14-day-letter' }, { level: 'formal-notice' }, { level: 'final-notice' }]],
  ])('maps %# level by level', (policy, expected) => {
    expect(policy.levels.map((l) => letterLevelFor(policy, l.level))).toEqual(expected);
    expect(() => letterLevelFor(policy, 99)).toThrow(expect.objectContaining({ field: 'level' }));
  });
});
