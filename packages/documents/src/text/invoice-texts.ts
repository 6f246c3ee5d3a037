import type { InvoiceKind } from '@fact/core';
import type { DocumentLanguage } from './locale.js';

/** Every fixed word of an invoice, per language. Sentences with amounts are functions. */
export interface InvoiceTexts {
  readonly title: Readonly<Record<InvoiceKind, string>>;
  readonly supplier: string;
  readonly customer: string;
  readonly attention: string;
  readonly vatNumber: string;
  readonly enterpriseNumber: string;
  readonly kvkNumber: string;
  readonly number: string;
  readonly issueDate: string;
  readonly supplyDate: string;
  readonly dueDate: string;
  readonly customerReference: string;
  readonly correctsInvoice: string;
  readonly paymentReference: string;
  readonly columns: { readonly description: string; readonly quantity: string; readonly unitPrice: string; readonly vatRate: string; readonly net: string };
  readonly vatSummary: string;
  readonly vatColumns: { readonly rate: string; readonly base: string; readonly vat: string; readonly mention: string };
  readonly depositDeduction: (invoiceNumber: string) => string;
  readonly allowance: string;
  readonly charge: string;
  readonly totalExclVat: string;
  readonly totalVat: string;
  readonly totalInclVat: string;
  readonly prepaid: string;
  readonly payable: string;
  readonly payment: string;
  readonly payBy: (amount: string, date: string) => string;
  readonly refund: (amount: string) => string;
  readonly account: (iban: string, bic: string | undefined) => string;
  readonly reference: (ref: string) => string;
  readonly qrCaption: string;
  readonly discount: (percent: string, deadline: string, early: string, late: string) => string;
  readonly discountVat: { readonly 'on-discounted-base': string; readonly 'reduce-on-early-payment': string; readonly none: string };
  readonly conditions: string;
  readonly page: (page: number, pages: number) => string;
}

const nl: InvoiceTexts = {
  title: { invoice: 'Factuur', 'credit-note': 'Creditnota', deposit: 'Voorschotfactuur' },
  supplier: 'LEVERANCIER',
  customer: 'KLANT',
  attention: 't.a.v.',
  vatNumber: 'Btw-nr.',
  enterpriseNumber: 'Ondernemingsnr.',
  kvkNumber: 'KvK-nr.',
  number: 'Factuurnummer',
  issueDate: 'Factuurdatum',
  supplyDate: 'Leveringsdatum',
  dueDate: 'Vervaldatum',
  customerReference: 'Uw referentie',
  correctsInvoice: 'Betreft factuur',
  paymentReference: 'Betalingskenmerk',
  columns: { description: 'Omschrijving', quantity: 'Aantal', unitPrice: 'Eenheidsprijs', vatRate: 'Btw', net: 'Bedrag excl. btw' },
  vatSummary: 'Btw-overzicht',
  vatColumns: { rate: 'Tarief', base: 'Maatstaf van heffing', vat: 'Btw', mention: 'Vermelding' },
  depositDeduction: (n) => `Aftrek voorschotfactuur ${n}`,
  allowance: 'Korting',
  charge: 'Toeslag',
  totalExclVat: 'Totaal excl. btw',
  totalVat: 'Totaal btw',
  totalInclVat: 'Totaal incl. btw',
  prepaid: 'Reeds betaald',
  payable: 'Te betalen',
  payment: 'Betaling',
  payBy: (a, d) => `Gelieve ${a} te betalen uiterlijk op ${d}.`,
  refund: (a) => `Wij betalen u ${a} terug.`,
  account: (iban, bic) => `Rekening: IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Vermeld bij betaling: ${r}`,
  qrCaption: 'Scan om te betalen',
  discount: (p, d, e, l) => `Korting voor contante betaling: ${p} bij betaling uiterlijk op ${d}; u betaalt dan ${e}. Daarna is ${l} verschuldigd.`,
  discountVat: {
    'on-discounted-base': 'De btw is berekend op de maatstaf na aftrek van de korting voor contante betaling.',
    'reduce-on-early-payment': 'Bij betaling binnen de kortingstermijn wordt de btw overeenkomstig verminderd.',
    none: '',
  },
  conditions: 'Betalingsvoorwaarden',
  page: (p, n) => `Pagina ${p}/${n}`,
};

const fr: InvoiceTexts = {
  title: { invoice: 'Facture', 'credit-note': 'Note de crédit', deposit: 'Facture d’acompte' },
  supplier: 'FOURNISSEUR',
  customer: 'CLIENT',
  attention: 'à l’attention de',
  vatNumber: 'N° TVA',
  enterpriseNumber: 'N° d’entreprise',
  kvkNumber: 'N° KvK',
  number: 'Numéro de facture',
  issueDate: 'Date de facture',
  supplyDate: 'Date de livraison',
  dueDate: 'Date d’échéance',
  customerReference: 'Votre référence',
  correctsInvoice: 'Concerne la facture',
  paymentReference: 'Communication structurée',
  columns: { description: 'Description', quantity: 'Quantité', unitPrice: 'Prix unitaire', vatRate: 'TVA', net: 'Montant HTVA' },
  vatSummary: 'Récapitulatif TVA',
  vatColumns: { rate: 'Taux', base: 'Base imposable', vat: 'TVA', mention: 'Mention' },
  depositDeduction: (n) => `Déduction de la facture d’acompte ${n}`,
  allowance: 'Remise',
  charge: 'Supplément',
  totalExclVat: 'Total HTVA',
  totalVat: 'Total TVA',
  totalInclVat: 'Total TVAC',
  prepaid: 'Déjà payé',
  payable: 'À payer',
  payment: 'Paiement',
  payBy: (a, d) => `Merci de payer ${a} au plus tard le ${d}.`,
  refund: (a) => `Nous vous remboursons ${a}.`,
  account: (iban, bic) => `Compte : IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Communication à mentionner : ${r}`,
  qrCaption: 'Scannez pour payer',
  discount: (p, d, e, l) => `Escompte pour paiement comptant : ${p} en cas de paiement au plus tard le ${d} ; vous payez alors ${e}. Au-delà, ${l} est dû.`,
  discountVat: {
    'on-discounted-base': 'La TVA est calculée sur la base imposable diminuée de l’escompte pour paiement comptant.',
    'reduce-on-early-payment': 'En cas de paiement dans le délai d’escompte, la TVA est réduite en conséquence.',
    none: '',
  },
  conditions: 'Conditions de paiement',
  page: (p, n) => `Page ${p}/${n}`,
};

const en: InvoiceTexts = {
  title: { invoice: 'Invoice', 'credit-note': 'Credit note', deposit: 'Deposit invoice' },
  supplier: 'SUPPLIER',
  customer: 'CUSTOMER',
  attention: 'Attn.',
  vatNumber: 'VAT no.',
  enterpriseNumber: 'Enterprise no.',
  kvkNumber: 'KvK no.',
  number: 'Invoice number',
  issueDate: 'Invoice date',
  supplyDate: 'Date of supply',
  dueDate: 'Due date',
  customerReference: 'Your reference',
  correctsInvoice: 'Corrects invoice',
  paymentReference: 'Payment reference',
  columns: { description: 'Description', quantity: 'Quantity', unitPrice: 'Unit price', vatRate: 'VAT', net: 'Amount excl. VAT' },
  vatSummary: 'VAT summary',
  vatColumns: { rate: 'Rate', base: 'Taxable amount', vat: 'VAT', mention: 'Note' },
  depositDeduction: (n) => `Deduction of deposit invoice ${n}`,
  allowance: 'Allowance',
  charge: 'Charge',
  totalExclVat: 'Total excl. VAT',
  totalVat: 'Total VAT',
  totalInclVat: 'Total incl. VAT',
  prepaid: 'Already paid',
  payable: 'Amount due',
  payment: 'Payment',
  payBy: (a, d) => `Please pay ${a} by ${d} at the latest.`,
  refund: (a) => `We will refund ${a} to you.`,
  account: (iban, bic) => `Account: IBAN ${iban}${bic ? ` – BIC ${bic}` : ''}`,
  reference: (r) => `Payment reference: ${r}`,
  qrCaption: 'Scan to pay',
  discount: (p, d, e, l) => `Early-payment discount: ${p} if paid by ${d}; you then pay ${e}. After that date ${l} is due.`,
  discountVat: {
    'on-discounted-base': 'VAT has been calculated on the taxable amount less the early-payment discount.',
    'reduce-on-early-payment': 'If you pay within the discount period, the VAT is reduced accordingly.',
    none: '',
  },
  conditions: 'Payment terms and conditions',
  page: (p, n) => `Page ${p}/${n}`,
};

/**
 * The invoice wording in one language.
 *
 * @example
 * ```ts
 * invoiceTexts('fr').title['credit-note']; // "Note de crédit"
 * ```
 */
export function invoiceTexts(language: DocumentLanguage): InvoiceTexts {
  return language === 'fr' ? fr : language === 'en' ? en : nl;
}
