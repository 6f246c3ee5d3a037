// The wording of the notice of assignment (kennisgeving van overdracht / notification de
// cession), per language. Open assignment (openbare cessie / cession notifiée): the debtor is told
// that only payment to the factor discharges it. Silent (stille cessie): the notice is held by the
// factor, to be sent when it chooses; it carries no new payment instructions.
export interface NoticeTexts {
  readonly title: string;
  readonly assignor: string;
  readonly debtor: string;
  readonly intro: (seller: string, factor: string) => string;
  readonly openPay: (factor: string) => string;
  readonly silent: string;
  readonly columns: readonly [string, string, string, string];
  readonly total: string;
  readonly payTo: string;
  readonly reference: string;
  readonly closing: string;
  readonly batch: string;
}

/**
 * Notice texts in Dutch, French and English.
 *
 * @example
 * ```ts
 * NOTICE_TEXTS.fr.title; // "Notification de cession de créances"
 * ```
 */
export const NOTICE_TEXTS: Readonly<Record<'nl' | 'fr' | 'en', NoticeTexts>> = {
  nl: {
    title: 'Kennisgeving van overdracht van schuldvorderingen',
    assignor: 'OVERDRACHTGEVER',
    debtor: 'SCHULDENAAR',
    intro: (seller, factor) => `${seller} deelt u mee dat de hieronder vermelde facturen, met alle bijhorende rechten, werden overgedragen aan ${factor}.`,
    openPay: (factor) => `Vanaf de ontvangst van deze kennisgeving bevrijdt enkel een betaling aan ${factor} op de onderstaande rekening u van uw schuld. Een betaling aan ons is niet langer bevrijdend.`,
    silent: 'Deze overdracht is stil: betaal zoals op de factuur vermeld, tot de overnemer u anders meldt.',
    columns: ['Factuur', 'Factuurdatum', 'Vervaldatum', 'Openstaand'],
    total: 'Totaal',
    payTo: 'Betalen aan',
    reference: 'Vermeld bij betaling de gestructureerde mededeling van elke factuur.',
    closing: 'Met vriendelijke groeten,',
    batch: 'Referentie overdracht',
  },
  fr: {
    title: 'Notification de cession de créances',
    assignor: 'CÉDANT',
    debtor: 'DÉBITEUR CÉDÉ',
    intro: (seller, factor) => `${seller} vous informe que les factures ci-dessous, avec tous les droits qui s'y rattachent, ont été cédées à ${factor}.`,
    openPay: (factor) => `Dès réception de la présente notification, seul un paiement à ${factor} sur le compte ci-dessous vous libère de votre dette. Un paiement effectué à notre profit n'est plus libératoire.`,
    silent: "Cette cession n'est pas notifiée : payez comme indiqué sur la facture, jusqu'à avis contraire du cessionnaire.",
    columns: ['Facture', 'Date de facture', "Date d'échéance", 'Solde dû'],
    total: 'Total',
    payTo: 'Payer à',
    reference: 'Indiquez la communication structurée de chaque facture lors du paiement.',
    closing: "Veuillez agréer nos salutations distinguées,",
    batch: 'Référence de la cession',
  },
  en: {
    title: 'Notice of assignment of receivables',
    assignor: 'ASSIGNOR',
    debtor: 'DEBTOR',
    intro: (seller, factor) => `${seller} informs you that the invoices listed below, with all rights attached to them, have been assigned to ${factor}.`,
    openPay: (factor) => `From receipt of this notice, only payment to ${factor} into the account below discharges your debt. Payment to us no longer discharges it.`,
    silent: 'This assignment is silent: pay as stated on the invoice until the assignee tells you otherwise.',
    columns: ['Invoice', 'Invoice date', 'Due date', 'Outstanding'],
    total: 'Total',
    payTo: 'Pay to',
    reference: "Quote each invoice's structured reference with your payment.",
    closing: 'Kind regards,',
    batch: 'Assignment reference',
  },
};
