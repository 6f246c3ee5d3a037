// Public surface of @fact/documents. Every export is named; nothing is re-exported with `*`.

// EPC QR code (EPC069-12)
export { epcQrSvg, epcQrPng } from './qr/epc-qr-image.js';
export type { EpcQrImageOptions } from './qr/epc-qr-image.js';
export { epcQrMatrix, checkEpcPayload, EPC_QR_CODE_RULES } from './qr/epc-qr-matrix.js';
export type { QrMatrix } from './qr/epc-qr-matrix.js';

// parties
export type { CompanyIdentity, PartyIdentity, PostalAddress } from './parties/types.js';

// invoice PDF
export { renderInvoicePdf, renderInvoiceText } from './invoice-pdf/render-invoice-pdf.js';
export { invoiceModel } from './invoice-pdf/invoice-model.js';
export type { InvoiceConditions, InvoicePdfInput } from './invoice-pdf/types.js';

// reminder letters
export { renderReminderLetterPdf, renderReminderLetterText } from './letters/render-reminder-letter.js';
export { reminderLetterModel } from './letters/letter-model.js';
export { checkReminderLetter } from './letters/check-letter.js';
export type { CheckedAmounts } from './letters/check-letter.js';
export { letterLevelFor } from './letters/letter-level.js';
export { checkLetterTemplate, fillLetterTemplate, LETTER_PLACEHOLDERS, LETTER_TEMPLATE_LIMITS } from './letters/template.js';
export type { LetterPlaceholder, LetterTemplateText } from './letters/template.js';
export type { LetterKind } from './letters/letter-level.js';
export type {
  InterestStatement,
  InterestStatementSegment,
  LetterLevel,
  ReminderClaim,
  ReminderItem,
  ReminderLetterInput,
  StatutoryLetter,
} from './letters/types.js';

// locale formatting
export { formatMoney, formatNumber, formatPercent } from './text/format-money.js';
export { formatDate } from './text/format-date.js';
export type { DateStyle } from './text/format-date.js';
export { documentLocale, parseLanguage } from './text/locale.js';
export type { DocumentLanguage, DocumentLocale } from './text/locale.js';

// layout (for other documents built on the same renderers)
export { renderPdf } from './layout/render-pdf.js';
export { renderText } from './layout/render-text.js';
export type { Block, DocumentModel, TableColumn } from './layout/blocks.js';
