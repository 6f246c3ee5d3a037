import type { Country } from '@fact/core';
import type { DocumentLanguage } from './locale.js';

/** Who the clause is written for: the law of `country`, towards a business or a consumer. */
export interface ClauseContext {
  readonly country: Country;
  readonly consumer: boolean;
}

/** Sentences of the company's conditions (algemene voorwaarden / conditions générales), formatted values in. */
export interface ConditionTexts {
  /** Late interest at the statutory rate (`rate` undefined) or at an agreed annual rate. */
  readonly lateInterest: (c: ClauseContext, rate?: string) => string;
  /** The €40 fixed compensation (B2B) or, in the Netherlands, the BIK scale with its €40 minimum. */
  readonly recoveryCosts: (c: ClauseContext, fixed: string) => string;
  readonly penalty: (percent: string, minimum?: string, maximum?: string) => string;
  readonly retentionOfTitle: (supplier: string) => string;
}

const nl: ConditionTexts = {
  lateInterest: (c, rate) => {
    const at = rate ? `een verwijlinterest van ${rate} per jaar` : undefined;
    if (c.country === 'NL') {
      if (c.consumer) return `Bij niet-tijdige betaling bent u vanaf het verzuim ${at ?? 'de wettelijke rente (art. 6:119 BW)'} verschuldigd.`;
      return `Bij niet-tijdige betaling is zonder ingebrekestelling vanaf de dag na de vervaldatum ${at ?? 'de wettelijke handelsrente (art. 6:119a BW)'} verschuldigd.`;
    }
    if (c.consumer) {
      return `Bij niet-betaling op de vervaldag is, na een kosteloze eerste herinnering en het verstrijken van de termijn van 14 dagen (Boek XIX WER), ${at ?? 'de wettelijke interest'} verschuldigd.`;
    }
    return `Bij niet-betaling op de vervaldag is van rechtswege en zonder ingebrekestelling ${at ?? 'een verwijlinterest verschuldigd tegen de rentevoet van de wet van 2 augustus 2002 betreffende de bestrijding van de betalingsachterstand bij handelstransacties'}${at ? ' verschuldigd' : ''}.`;
  },
  recoveryCosts: (c, fixed) =>
    c.country === 'NL'
      ? `Bij niet-tijdige betaling zijn buitengerechtelijke incassokosten verschuldigd volgens het Besluit vergoeding voor buitengerechtelijke incassokosten, met een minimum van ${fixed}.`
      : `Daarnaast is een forfaitaire vergoeding van ${fixed} voor invorderingskosten verschuldigd (art. 6 wet van 2 augustus 2002), onverminderd het recht op een redelijke vergoeding voor hogere invorderingskosten.`,
  penalty: (p, min, max) =>
    `Bij niet-betaling op de vervaldag wordt het openstaande bedrag verhoogd met een forfaitaire schadevergoeding van ${p}${min ? `, met een minimum van ${min}` : ''}${max ? ` en een maximum van ${max}` : ''}.`,
  retentionOfTitle: (s) => `De geleverde goederen blijven eigendom van ${s} tot de volledige betaling van de prijs (eigendomsvoorbehoud).`,
};

const fr: ConditionTexts = {
  lateInterest: (c, rate) => {
    const at = rate ? `un intérêt de retard de ${rate} par an` : undefined;
    if (c.country === 'NL') {
      if (c.consumer) return `En cas de paiement tardif, ${at ?? 'l’intérêt légal néerlandais (art. 6:119 du Code civil néerlandais)'} est dû à partir de la mise en demeure.`;
      return `En cas de paiement tardif, ${at ?? 'l’intérêt commercial légal néerlandais (art. 6:119a du Code civil néerlandais)'} est dû sans mise en demeure à partir du lendemain de l’échéance.`;
    }
    if (c.consumer) {
      return `À défaut de paiement à l’échéance, ${at ?? 'l’intérêt légal'} est dû après un premier rappel gratuit et l’expiration du délai de 14 jours (livre XIX CDE).`;
    }
    return `À défaut de paiement à l’échéance, ${at ?? 'un intérêt de retard au taux prévu par la loi du 2 août 2002 concernant la lutte contre le retard de paiement dans les transactions commerciales'} est dû de plein droit et sans mise en demeure.`;
  },
  recoveryCosts: (c, fixed) =>
    c.country === 'NL'
      ? `En cas de paiement tardif, des frais de recouvrement extrajudiciaires sont dus selon le barème néerlandais (Besluit vergoeding voor buitengerechtelijke incassokosten), avec un minimum de ${fixed}.`
      : `Une indemnité forfaitaire de ${fixed} pour frais de recouvrement est en outre due (art. 6 de la loi du 2 août 2002), sans préjudice d’une indemnisation raisonnable des frais de recouvrement supérieurs.`,
  penalty: (p, min, max) =>
    `À défaut de paiement à l’échéance, le montant impayé est majoré d’une indemnité forfaitaire de ${p}${min ? `, avec un minimum de ${min}` : ''}${max ? ` et un maximum de ${max}` : ''}.`,
  retentionOfTitle: (s) => `Les marchandises livrées restent la propriété de ${s} jusqu’au paiement intégral du prix (réserve de propriété).`,
};

const en: ConditionTexts = {
  lateInterest: (c, rate) => {
    const at = rate ? `late-payment interest of ${rate} a year` : undefined;
    if (c.country === 'NL') {
      if (c.consumer) return `If you pay late, ${at ?? 'Dutch statutory interest (art. 6:119 Dutch Civil Code)'} is due from the date of default.`;
      return `If payment is late, ${at ?? 'Dutch statutory commercial interest (art. 6:119a Dutch Civil Code)'} is due from the day after the due date, without notice of default.`;
    }
    if (c.consumer) {
      return `If not paid by the due date, ${at ?? 'interest at the legal rate'} is due after a free first reminder and the expiry of the 14-day period (Book XIX Belgian Code of Economic Law).`;
    }
    return `If not paid by the due date, ${at ?? 'late-payment interest at the rate of the Belgian Law of 2 August 2002 on combating late payment in commercial transactions'} is due by operation of law and without notice.`;
  },
  recoveryCosts: (c, fixed) =>
    c.country === 'NL'
      ? `If payment is late, extrajudicial collection costs are due under the Dutch scale (Besluit vergoeding voor buitengerechtelijke incassokosten), at least ${fixed}.`
      : `A fixed compensation of ${fixed} for recovery costs is also due (art. 6 Belgian Law of 2 August 2002), without prejudice to reasonable compensation for higher recovery costs.`,
  penalty: (p, min, max) =>
    `If not paid by the due date, the unpaid amount is increased by fixed damages of ${p}${min ? `, at least ${min}` : ''}${max ? ` and at most ${max}` : ''}.`,
  retentionOfTitle: (s) => `The goods delivered remain the property of ${s} until the price has been paid in full (retention of title).`,
};

/**
 * The conditions' wording in one language.
 *
 * @example
 * ```ts
 * conditionTexts('en').retentionOfTitle('Fact BV');
 * // "The goods delivered remain the property of Fact BV until the price has been paid in full (retention of title)."
 * ```
 */
export function conditionTexts(language: DocumentLanguage): ConditionTexts {
  return language === 'fr' ? fr : language === 'en' ? en : nl;
}
