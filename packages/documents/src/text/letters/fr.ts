import type { ClaimKind, DunningJurisdiction } from '@fact/core';
import { announcedList } from './announce.js';
import type { LetterFacts, LetterTexts } from './types.js';

const invoices = (f: LetterFacts) => (f.invoiceCount === 1 ? 'la facture ci-dessous' : 'les factures ci-dessous');
const one = (f: LetterFacts, singular: string, plural: string) => (f.invoiceCount === 1 ? singular : plural);

function claimLabel(kind: ClaimKind, j: DunningJurisdiction): string {
  switch (kind) {
    case 'interest':
      return 'Intérêts de retard';
    case 'fixed-compensation':
      return 'Indemnité forfaitaire pour frais de recouvrement';
    case 'bik':
      return j === 'NL' ? 'Frais de recouvrement extrajudiciaires (BIK)' : 'Frais de recouvrement extrajudiciaires';
    case 'damages':
      return 'Indemnité forfaitaire';
    case 'reminder-fee':
      return 'Frais de rappel';
  }
}

function legal(f: LetterFacts): string[] {
  const out: string[] = [];
  const lower = (k: ClaimKind) => claimLabel(k, f.jurisdiction).toLowerCase();
  if (f.statutory === 'book-xix-free-first-reminder') {
    out.push(
      `Ce premier rappel est gratuit. Vous disposez de 14 jours calendrier pour payer le solde de ${f.openTotal} sans frais supplémentaires. Ce délai commence à courir le troisième jour ouvrable suivant l’envoi de ce rappel par la poste, ou le lendemain de son envoi par e-mail. Payez donc au plus tard le ${f.payBy}.`,
      `À défaut de paiement dans ce délai, nous vous réclamerons : ${announcedList(f, lower, 'et')} (livre XIX du Code de droit économique).`,
      `Pendant ce délai, vous pouvez nous demander les pièces justificatives de la dette, contester la dette ou demander un plan de paiement. Vous pouvez nous contacter à cet effet aux coordonnées figurant au bas de ce courrier.`,
      `Créancier : ${f.company}${f.companyNumber ? `, numéro d’entreprise ${f.companyNumber}` : ''}.`,
    );
  }
  if (f.statutory === 'nl-14-day-letter') {
    out.push(
      `Nous vous prions de payer le solde de ${f.openTotal} dans les 14 jours à compter du lendemain de la réception de la présente lettre.`,
      `À défaut de paiement dans ce délai, vous serez redevable, en plus du solde : ${announcedList(f, lower, 'et')}. Les frais de recouvrement extrajudiciaires sont calculés selon le barème néerlandais (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 6:96 du Code civil néerlandais).`,
    );
  } else if (f.announced.length > 0 && f.statutory === undefined) {
    out.push(`À défaut de paiement au plus tard le ${f.payBy}, nous vous réclamerons : ${announcedList(f, lower, 'et')}.`);
  }
  const claimsInterest = f.claimed.includes('interest');
  if (!f.consumer && (claimsInterest || f.claimed.includes('fixed-compensation') || f.claimed.includes('bik'))) {
    out.push(
      f.jurisdiction === 'NL'
        ? 'En vertu de l’art. 6:119a du Code civil néerlandais, l’intérêt commercial légal est dû à partir du lendemain de l’échéance, et en vertu de l’art. 6:96, les frais de recouvrement extrajudiciaires (40,00 € au minimum). Le calcul figure dans le décompte ci-dessous.'
        : `Conformément à la loi du 2 août 2002 concernant la lutte contre le retard de paiement dans les transactions commerciales, un intérêt de retard est dû de plein droit et sans mise en demeure à partir du lendemain de l’échéance, ainsi qu’une indemnité forfaitaire de ${f.fixedCompensation} par facture impayée. Le calcul figure dans le décompte ci-dessous.`,
    );
  } else if (f.consumer && claimsInterest) {
    out.push(f.jurisdiction === 'NL' ? 'L’intérêt légal est dû à partir de la mise en demeure (art. 6:119 du Code civil néerlandais). Le calcul figure dans le décompte ci-dessous.' : 'Des intérêts sont dus depuis l’expiration du délai gratuit du premier rappel (livre XIX CDE). Le calcul figure dans le décompte ci-dessous.');
  }
  if (f.level === 'formal-notice' || f.level === 'final-notice') {
    out.push(
      f.jurisdiction === 'NL'
        ? `La présente vaut mise en demeure (art. 6:82 du Code civil néerlandais). À défaut de paiement du montant total au plus tard le ${f.payBy}, vous serez en défaut.`
        : `La présente vaut mise en demeure. Nous vous prions de payer le montant total au plus tard le ${f.payBy}.`,
    );
  }
  if (f.level === 'final-notice') {
    out.push(`Ceci est notre dernier rappel. À défaut de paiement au plus tard le ${f.payBy}, nous confierons le recouvrement, sans autre avis, à une société de recouvrement, à un huissier de justice ou à un avocat. Les frais en seront à votre charge, dans les limites légales.`);
  }
  return out;
}

/** French wording (fr-BE). */
export const fr: LetterTexts = {
  title: (f) => {
    if (f.statutory === 'book-xix-free-first-reminder') return 'Premier rappel (gratuit)';
    if (f.statutory === 'nl-14-day-letter') return 'Dernier rappel sans frais (lettre de quatorze jours)';
    return { 'pre-due': 'Rappel amical', 'first-reminder': 'Rappel', 'second-reminder': 'Second rappel', 'formal-notice': 'Mise en demeure', 'final-notice': 'Dernier avis avant recouvrement' }[f.level];
  },
  registered: 'Recommandé',
  date: 'Date',
  ourReference: 'Notre référence',
  customerNumber: 'Numéro client',
  salutation: 'Madame, Monsieur,',
  intro: (f) =>
    ({
      'pre-due': `Nous nous permettons de vous rappeler que ${invoices(f)} ${one(f, 'arrive', 'arrivent')} à échéance le ${f.firstDueDate}, afin que vous puissiez planifier le paiement.`,
      'first-reminder': `Selon notre comptabilité, ${invoices(f)} ${one(f, 'n’a pas encore été (entièrement) payée', 'n’ont pas encore été (entièrement) payées')}, bien que l’échéance soit dépassée. Cela vous a sans doute échappé.`,
      'second-reminder': `Malgré notre rappel, nous n’avons pas encore reçu votre paiement de ${invoices(f)}.`,
      'formal-notice': `Malgré nos rappels, ${invoices(f)} ${one(f, 'reste impayée', 'restent impayées')}. Par la présente, nous vous mettons formellement en demeure.`,
      'final-notice': `Malgré notre mise en demeure, nous n’avons toujours pas reçu votre paiement de ${invoices(f)}.`,
    })[f.level],
  itemColumns: { number: 'Facture', description: 'Description', issueDate: 'Date', dueDate: 'Échéance', amount: 'Montant', open: 'Solde' },
  openTotal: 'Solde dû',
  claimLabel,
  claimColumns: { claim: 'Réclamation', invoice: 'Facture', amount: 'Montant' },
  totalToPay: 'Total à payer',
  legal,
  payment: 'Paiement',
  payRequest: (f) =>
    f.statutory === 'nl-14-day-letter'
      ? `Payez ${f.total} dans les 14 jours à compter du lendemain de la réception de la présente lettre.`
      : `Merci de payer ${f.total} au plus tard le ${f.payBy}.`,
  account: (iban, bic) => `Compte : IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Communication à mentionner : ${r}`,
  qrCaption: 'Scannez pour payer',
  closing: (f) =>
    f.level === 'pre-due'
      ? 'Si vous avez déjà payé, nous vous en remercions et vous prions de ne pas tenir compte de ce message.'
      : `Si vous avez payé entre-temps, nous vous en remercions et vous prions de ne pas tenir compte de ce courrier. Pour toute question, vous pouvez nous joindre${f.contact ? ` via ${f.contact}` : ''}.`,
  regards: 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
  statement: 'Décompte des intérêts et frais',
  statementIntro: 'Par période de même base et de même taux : base × taux × jours / jours de l’année, arrondi au cent.',
  statementColumns: { invoice: 'Facture', from: 'Du', to: 'Au (inclus)', days: 'Jours', base: 'Base', rate: 'Taux', interest: 'Intérêts' },
  statementTotal: 'Total des intérêts',
  page: (p, n) => `Page ${p}/${n}`,
};
