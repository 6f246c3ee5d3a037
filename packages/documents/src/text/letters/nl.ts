import type { ClaimKind, DunningJurisdiction } from '@fact/core';
import { announcedList } from './announce.js';
import type { LetterFacts, LetterTexts } from './types.js';

const invoices = (f: LetterFacts) => (f.invoiceCount === 1 ? 'de onderstaande factuur' : 'de onderstaande facturen');
const one = (f: LetterFacts, singular: string, plural: string) => (f.invoiceCount === 1 ? singular : plural);

function claimLabel(kind: ClaimKind, j: DunningJurisdiction): string {
  switch (kind) {
    case 'interest':
      return j === 'NL' ? 'Rente' : 'Verwijlinterest';
    case 'fixed-compensation':
      return 'Forfaitaire vergoeding invorderingskosten';
    case 'bik':
      return 'Buitengerechtelijke incassokosten';
    case 'damages':
      return 'Forfaitaire schadevergoeding';
    case 'reminder-fee':
      return 'Herinneringskosten';
  }
}

function legal(f: LetterFacts): string[] {
  const out: string[] = [];
  const lower = (k: ClaimKind) => claimLabel(k, f.jurisdiction).toLowerCase();
  if (f.statutory === 'book-xix-free-first-reminder') {
    out.push(
      `Deze eerste herinnering is kosteloos. U hebt 14 kalenderdagen om het openstaande bedrag van ${f.openTotal} te betalen zonder bijkomende kosten. Die termijn begint te lopen op de derde werkdag na de verzending van deze herinnering per post, of op de dag na de verzending per e-mail. Betaal daarom uiterlijk op ${f.payBy}.`,
      `Betaalt u niet binnen deze termijn, dan zullen wij het volgende aanrekenen: ${announcedList(f, lower, 'en')} (Boek XIX van het Wetboek van economisch recht).`,
      `Binnen deze termijn kunt u ons om de bewijsstukken van de schuld vragen, de schuld betwisten of een afbetalingsplan vragen. U kunt ons daarvoor contacteren via de gegevens onderaan deze brief.`,
      `Schuldeiser: ${f.company}${f.companyNumber ? `, ondernemingsnummer ${f.companyNumber}` : ''}.`,
    );
  }
  if (f.statutory === 'nl-14-day-letter') {
    out.push(
      `Wij verzoeken u het openstaande bedrag van ${f.openTotal} te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief.`,
      `Betaalt u niet binnen deze termijn, dan bent u naast het openstaande bedrag ook verschuldigd: ${announcedList(f, lower, 'en')}. De buitengerechtelijke incassokosten zijn berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten (art. 6:96 BW).`,
    );
  } else if (f.announced.length > 0 && f.statutory === undefined) {
    out.push(`Betaalt u niet uiterlijk op ${f.payBy}, dan zullen wij het volgende in rekening brengen: ${announcedList(f, lower, 'en')}.`);
  }
  const claimsInterest = f.claimed.includes('interest');
  if (!f.consumer && (claimsInterest || f.claimed.includes('fixed-compensation') || f.claimed.includes('bik'))) {
    out.push(
      f.jurisdiction === 'NL'
        ? 'Op grond van art. 6:119a BW bent u vanaf de dag na de vervaldatum de wettelijke handelsrente verschuldigd, en op grond van art. 6:96 BW de buitengerechtelijke incassokosten (minimaal € 40,00). De berekening staat in het overzicht hieronder.'
        : `Overeenkomstig de wet van 2 augustus 2002 betreffende de bestrijding van de betalingsachterstand bij handelstransacties is vanaf de dag na de vervaldatum van rechtswege en zonder ingebrekestelling een verwijlinterest verschuldigd, alsook een forfaitaire vergoeding van ${f.fixedCompensation} per onbetaalde factuur. De berekening staat in het overzicht hieronder.`,
    );
  } else if (f.consumer && claimsInterest) {
    out.push(f.jurisdiction === 'NL' ? 'U bent vanaf het verzuim de wettelijke rente verschuldigd (art. 6:119 BW). De berekening staat in het overzicht hieronder.' : 'Na het verstrijken van de kosteloze termijn van de eerste herinnering is interest verschuldigd (Boek XIX WER). De berekening staat in het overzicht hieronder.');
  }
  if (f.level === 'formal-notice' || f.level === 'final-notice') {
    out.push(
      f.jurisdiction === 'NL'
        ? `Deze brief geldt als ingebrekestelling (art. 6:82 BW). Betaalt u het totaalbedrag niet uiterlijk op ${f.payBy}, dan bent u in verzuim.`
        : `Deze brief geldt als ingebrekestelling. Wij verzoeken u het totaalbedrag uiterlijk op ${f.payBy} te betalen.`,
    );
  }
  if (f.level === 'final-notice') {
    out.push(`Dit is onze laatste aanmaning. Ontvangen wij uw betaling niet uiterlijk op ${f.payBy}, dan dragen wij de invordering zonder verdere verwittiging over aan een incassobureau, gerechtsdeurwaarder of advocaat. De kosten daarvan komen, binnen de wettelijke grenzen, voor uw rekening.`);
  }
  return out;
}

/** Dutch wording (nl-BE and nl-NL). */
export const nl: LetterTexts = {
  title: (f) => {
    if (f.statutory === 'book-xix-free-first-reminder') return 'Eerste herinnering (kosteloos)';
    if (f.statutory === 'nl-14-day-letter') return 'Laatste herinnering zonder kosten (veertiendagenbrief)';
    return { 'pre-due': 'Vriendelijke herinnering', 'first-reminder': 'Herinnering', 'second-reminder': f.jurisdiction === 'NL' ? 'Aanmaning' : 'Tweede herinnering', 'formal-notice': 'Ingebrekestelling', 'final-notice': 'Laatste aanmaning vóór invordering' }[f.level];
  },
  registered: 'Aangetekend',
  date: 'Datum',
  ourReference: 'Onze referentie',
  customerNumber: 'Klantnummer',
  salutation: 'Geachte heer, mevrouw,',
  intro: (f) =>
    ({
      'pre-due': `Graag herinneren wij u eraan dat ${invoices(f)} op ${f.firstDueDate} ${one(f, 'vervalt', 'vervallen')}. Zo kunt u de betaling tijdig plannen.`,
      'first-reminder': `Volgens onze administratie ${one(f, 'is', 'zijn')} ${invoices(f)} nog niet (volledig) betaald, hoewel de vervaldatum verstreken is. Wellicht is dit aan uw aandacht ontsnapt.`,
      'second-reminder': `Ondanks onze herinnering hebben wij uw betaling van ${invoices(f)} nog niet ontvangen.`,
      'formal-notice': `Ondanks onze herinneringen ${one(f, 'blijft', 'blijven')} ${invoices(f)} onbetaald. Wij stellen u hierbij formeel in gebreke.`,
      'final-notice': `Ondanks onze ingebrekestelling hebben wij uw betaling van ${invoices(f)} nog steeds niet ontvangen.`,
    })[f.level],
  itemColumns: { number: 'Factuur', description: 'Omschrijving', issueDate: 'Datum', dueDate: 'Vervaldatum', amount: 'Bedrag', open: 'Openstaand' },
  openTotal: 'Openstaand bedrag',
  claimLabel,
  claimColumns: { claim: 'Vordering', invoice: 'Factuur', amount: 'Bedrag' },
  totalToPay: 'Totaal te betalen',
  legal,
  payment: 'Betaling',
  payRequest: (f) =>
    f.statutory === 'nl-14-day-letter'
      ? `Betaal ${f.total} binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief.`
      : `Gelieve ${f.total} te betalen uiterlijk op ${f.payBy}.`,
  account: (iban, bic) => `Rekening: IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Vermeld bij betaling: ${r}`,
  qrCaption: 'Scan om te betalen',
  closing: (f) =>
    f.level === 'pre-due'
      ? 'Hebt u al betaald, dan danken wij u en mag u dit bericht als niet verzonden beschouwen.'
      : `Hebt u intussen betaald, dan danken wij u en mag u deze brief als niet verzonden beschouwen. Met vragen kunt u bij ons terecht${f.contact ? ` via ${f.contact}` : ''}.`,
  regards: 'Met vriendelijke groeten,',
  statement: 'Overzicht van interest en kosten',
  statementIntro: 'Per periode met dezelfde grondslag en rentevoet: grondslag × rentevoet × dagen / dagen van het jaar, afgerond op de cent.',
  statementColumns: { invoice: 'Factuur', from: 'Van', to: 'Tot en met', days: 'Dagen', base: 'Grondslag', rate: 'Rentevoet', interest: 'Interest' },
  statementTotal: 'Totaal interest',
  page: (p, n) => `Pagina ${p}/${n}`,
};
