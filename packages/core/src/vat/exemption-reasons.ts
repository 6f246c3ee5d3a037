import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { needsExemptionReason, type VatCategory } from './categories.js';

/**
 * Languages an invoice mention is available in: Dutch, French, English.
 *
 * @example
 * ```ts
 * const language: InvoiceLanguage = 'fr';
 * defaultExemptionReason('BE', 'AE', language); // "Autoliquidation – art. 51, § 2 CTVA"
 * ```
 */
export type InvoiceLanguage = 'nl' | 'fr' | 'en';

/**
 * The legal mention an invoice must carry when no VAT is charged (BT-120, the
 * vrijstellingsgrond / mention d'exonération), per language, with its VATEX code (BT-121).
 *
 * @example
 * ```ts
 * const mention: ExemptionMention = {
 *   vatexCode: 'VATEX-EU-AE',
 *   text: { nl: 'Btw verlegd', fr: 'Autoliquidation', en: 'VAT reverse charged' },
 *   source: 'art. 35a Wet OB',
 * };
 * ```
 */
export interface ExemptionMention {
  /** CEF VATEX code for BT-121, where a general one exists. */
  readonly vatexCode?: string;
  readonly text: Readonly<Record<InvoiceLanguage, string>>;
  readonly source: string;
  readonly unconfirmed?: true;
}

type MentionTable = Readonly<Record<Country, Readonly<Partial<Record<VatCategory, ExemptionMention>>>>>;

/**
 * Default exemption mentions per country and category. KB nr. 1 art. 5 §1 (BE) and art. 35a
 * Wet OB (NL) require the legal reason on the invoice (reference.md §10). Only the Belgian
 * reverse-charge wording is in reference.md; the others are common practice and marked
 * `unconfirmed`: a company may replace any of them with its adviser's text.
 *
 * @example
 * ```ts
 * EXEMPTION_MENTIONS.BE.AE?.text.fr; // "Autoliquidation – art. 51, § 2 CTVA"
 * ```
 */
export const EXEMPTION_MENTIONS: MentionTable = {
  BE: {
    AE: {
      vatexCode: 'VATEX-EU-AE',
      text: {
        nl: 'Verlegging van heffing – art. 51, § 2 WBTW',
        fr: 'Autoliquidation – art. 51, § 2 CTVA',
        en: 'Reverse charge – art. 51, § 2 Belgian VAT Code',
      },
      source: 'reference.md §10 (KB nr. 1 art. 5: "Verlegging van heffing" / "autoliquidation" with the article)',
    },
    K: {
      vatexCode: 'VATEX-EU-IC',
      text: {
        nl: 'Vrijgestelde intracommunautaire levering – art. 39bis WBTW',
        fr: 'Livraison intracommunautaire exonérée – art. 39bis CTVA',
        en: 'Exempt intra-Community supply – art. 39bis Belgian VAT Code',
      },
      source: 'art. 39bis WBTW (issue text); not in reference.md',
      unconfirmed: true,
    },
    G: {
      vatexCode: 'VATEX-EU-G',
      text: {
        nl: 'Vrijgestelde uitvoer – art. 39 WBTW',
        fr: 'Exportation exonérée – art. 39 CTVA',
        en: 'Exempt export – art. 39 Belgian VAT Code',
      },
      source: 'art. 39 WBTW; not in reference.md',
      unconfirmed: true,
    },
    E: {
      text: {
        nl: 'Vrijgesteld van btw – art. 44 WBTW',
        fr: 'Exonération de TVA – art. 44 CTVA',
        en: 'VAT exempt – art. 44 Belgian VAT Code',
      },
      source: 'art. 44 WBTW; not in reference.md',
      unconfirmed: true,
    },
    O: {
      vatexCode: 'VATEX-EU-O',
      text: {
        nl: 'Buiten het toepassingsgebied van de btw',
        fr: 'Hors du champ d’application de la TVA',
        en: 'Outside the scope of VAT',
      },
      source: 'EN 16931 BR-O-10 (a reason is required); wording not in reference.md',
      unconfirmed: true,
    },
  },
  NL: {
    AE: {
      vatexCode: 'VATEX-EU-AE',
      text: { nl: 'Btw verlegd', fr: 'Autoliquidation', en: 'VAT reverse charged' },
      source: 'art. 35a Wet OB (reference.md §10: customer VAT id when reverse-charged); wording "btw verlegd" not in reference.md',
      unconfirmed: true,
    },
    K: {
      vatexCode: 'VATEX-EU-IC',
      text: {
        nl: 'Intracommunautaire levering – 0 %, art. 9 lid 2 Wet OB 1968',
        fr: 'Livraison intracommunautaire – 0 %',
        en: 'Intra-Community supply – 0 %',
      },
      source: 'art. 9 Wet OB 1968 Tabel II; not in reference.md',
      unconfirmed: true,
    },
    G: {
      vatexCode: 'VATEX-EU-G',
      text: { nl: 'Uitvoer – 0 %, art. 9 lid 2 Wet OB 1968', fr: 'Exportation – 0 %', en: 'Export – 0 %' },
      source: 'art. 9 Wet OB 1968 Tabel II; not in reference.md',
      unconfirmed: true,
    },
    E: {
      text: { nl: 'Vrijgesteld van btw – art. 11 Wet OB 1968', fr: 'Exonération de TVA', en: 'VAT exempt – art. 11 Dutch VAT Act' },
      source: 'art. 11 Wet OB 1968; not in reference.md',
      unconfirmed: true,
    },
    O: {
      vatexCode: 'VATEX-EU-O',
      text: { nl: 'Buiten de reikwijdte van de btw', fr: 'Hors du champ d’application de la TVA', en: 'Outside the scope of VAT' },
      source: 'EN 16931 BR-O-10 (a reason is required); wording not in reference.md',
      unconfirmed: true,
    },
  },
};

/**
 * The default legal mention (BT-120) for a category that charges no VAT, in the invoice's
 * language; `undefined` for `S` and `Z`, which need none. Throws `INVALID_ARGUMENT` when the
 * table lacks a mention that is required.
 *
 * @example
 * ```ts
 * defaultExemptionReason('BE', 'AE', 'nl'); // "Verlegging van heffing – art. 51, § 2 WBTW"
 * defaultExemptionReason('BE', 'S', 'nl'); // undefined
 * ```
 */
export function defaultExemptionReason(
  country: Country,
  category: VatCategory,
  language: InvoiceLanguage,
  table: MentionTable = EXEMPTION_MENTIONS,
): string | undefined {
  if (!needsExemptionReason(category)) return undefined;
  const mention = table[country][category];
  if (mention === undefined) return fail('INVALID_ARGUMENT', 'exemptionReasons', `no default mention for ${country} category ${category}`);
  return mention.text[language];
}
