import { describe, expect, it } from 'vitest';
import { extractPdf, flat } from '../test-support/pdf-text.js';
import { reminderLetterModel } from './letter-model.js';
import { beB2bLetter, fourteenDayLetter } from './letters.fixtures.js';
import { renderReminderLetterPdf, renderReminderLetterText } from './render-reminder-letter.js';
import { checkLetterTemplate } from './template.js';

const pdfText = async (input: Parameters<typeof renderReminderLetterPdf>[0]) => flat((await extractPdf(await renderReminderLetterPdf(input))).text);

const template = {
  subject: 'Laatste verzoek voor {invoiceNumbers}',
  body: 'Beste {debtorName},\n\nOndanks onze vorige brieven staat er voor {invoiceNumbers} (vervallen op {dueDate}) nog {openAmount} open.\nMet de kosten is dat {amountDue}.\n\nBel ons gerust: samen vinden we een oplossing.',
};

describe('a letter with the company’s template', () => {
  it('prints the template’s words, filled, and still the exact amounts, legal paragraphs and statement', async () => {
    const text = await pdfText({ ...beB2bLetter('nl'), template });
    for (const fragment of [
      'Laatste verzoek voor 2024-0815',
      'Beste Brasserie Du Parc SRL,',
      'vervallen op 15 december 2024',
      'nog 1.234,56 € open. Met de kosten is dat 1.328,77 €.',
      'samen vinden we een oplossing',
      // generated, never templated (Law of 2 Aug 2002; reference.md §1.2 golden figures)
      'Verwijlinterest 2024-0815 54,21 €',
      'Forfaitaire vergoeding invorderingskosten 2024-0815 40,00 €',
      'Totaal te betalen 1.328,77 €',
      'wet van 2 augustus 2002',
      'Deze brief geldt als ingebrekestelling',
      'uiterlijk op 16 mei 2025',
      '+++240/2838/42818+++',
      '2024-0815 16/12/2024 31/12/2024 16 1.234,56 € 12,50 % 6,76 €',
      'Totaal interest 54,21 €',
    ]) {
      expect(text).toContain(fragment);
    }
    // the built-in salutation and title are replaced
    expect(text).not.toContain('Geachte heer, mevrouw');
    expect(text).not.toContain('Hebt u intussen betaald');
    expect(text).not.toMatch(/^Ingebrekestelling/m);
  });

  it('gives the PDF title and the e-mail text the same wording', () => {
    const input = { ...beB2bLetter('nl'), template };
    expect(reminderLetterModel(input).title).toBe('Laatste verzoek voor 2024-0815 – AL-2025-0099');
    expect(renderReminderLetterText(input)).toContain('Beste Brasserie Du Parc SRL,');
  });

  it('keeps the statutory wording of the Dutch 14-day letter whatever the template says', async () => {
    const text = await pdfText({ ...fourteenDayLetter('nl'), template: { subject: 'Betaal {amountDue}', body: 'Beste {debtorName},' } });
    expect(text).toContain('Betaal € 1.000,00');
    expect(text).toContain('te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief');
    expect(text).toContain('buitengerechtelijke incassokosten € 150,00');
  });

  it('refuses an unknown placeholder, a stray brace, an empty or multi-line subject, naming the field', () => {
    expect(() => checkLetterTemplate({ subject: 'Herinnering', body: 'Beste {klant},' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'body', message: expect.stringContaining('{klant} is not a placeholder') }));
    expect(() => checkLetterTemplate({ subject: 'Herinnering {debtorName', body: 'x' })).toThrow(expect.objectContaining({ field: 'subject' }));
    expect(() => checkLetterTemplate({ subject: '  ', body: 'x' })).toThrow(expect.objectContaining({ field: 'subject' }));
    expect(() => checkLetterTemplate({ subject: 'a\nb', body: 'x' })).toThrow(expect.objectContaining({ field: 'subject' }));
    expect(() => checkLetterTemplate({ subject: 'a', body: '' })).toThrow(expect.objectContaining({ field: 'body' }));
    expect(() => reminderLetterModel({ ...beB2bLetter('fr'), template: { subject: 'Rappel {payBy}', body: 'x' } })).toThrow(expect.objectContaining({ field: 'subject' }));
    expect(checkLetterTemplate({ subject: ' Rappel ', body: 'Madame,\r\n\r\n\r\nNous…\n' }).paragraphs).toEqual(['Madame,', 'Nous…']);
  });
});
