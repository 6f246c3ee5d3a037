import { epcQrPayload, formatIban, parsePaymentReference, type InvoiceTotals, type Money } from '@fact/core';
import { fail } from '../errors.js';
import type { Block } from '../layout/blocks.js';
import { epcQrMatrix } from '../qr/epc-qr-matrix.js';
import { formatDate } from '../text/format-date.js';
import { formatMoney, formatPercent } from '../text/format-money.js';
import type { InvoiceTexts } from '../text/invoice-texts.js';
import type { DocumentLocale } from '../text/locale.js';
import type { InvoicePdfInput } from './types.js';

/** EPC069-12 limits the beneficiary name to 70 characters; a longer legal name is cut for the QR only. */
const QR_NAME_MAX = 70;

/**
 * The payment block of an invoice: amount and due date, account, structured reference, the
 * early-payment discount (from core's `discountTerms`) and the EPC QR code for the amount due.
 * A credit note or a fully prepaid invoice gets a refund line or nothing.
 */
export function paymentBlocks(input: InvoicePdfInput, totals: InvoiceTotals, t: InvoiceTexts, locale: DocumentLocale): Block[] {
  const payable = totals.payable;
  if (totals.kind === 'credit-note') return payable.isZero() ? [] : [{ kind: 'paragraph', text: t.refund(formatMoney(payable, locale)) }];
  if (!payable.greaterThan(0)) return [];
  if (input.dueDate === undefined) fail('INVALID_ARGUMENT', 'dueDate', 'an invoice with an amount due needs its due date (legal mention and payment terms)');

  const discount = input.discount;
  if (discount && !discount.originalPayable.equals(payable)) {
    fail('INVALID_AMOUNT', 'discount.originalPayable', `${discount.originalPayable.toFixed(2)} is not the invoice's amount due ${payable.toFixed(2)}; compute the discount from these totals`);
  }
  // With a discount the QR code carries what is owed on the due date; the early amount is printed.
  const due: Money = discount ? discount.payableIfLate : payable;
  const reference = input.paymentReference ? parsePaymentReference(input.paymentReference, 'paymentReference') : undefined;
  const iban = formatIban(input.supplier.iban, 'supplier.iban');

  const lines = [
    t.payment,
    t.payBy(formatMoney(due, locale), formatDate(input.dueDate, locale, 'long', 'dueDate')),
    t.account(iban, input.supplier.bic),
  ];
  if (reference) lines.push(t.reference(reference.printed));
  if (discount) {
    lines.push(t.discount(formatPercent(discount.percent, locale), formatDate(discount.deadline, locale, 'long'), formatMoney(discount.payableIfEarly, locale), formatMoney(discount.payableIfLate, locale)));
    const vatNote = t.discountVat[discount.vatMode];
    if (vatNote) lines.push(vatNote);
  }
  const payload = epcQrPayload({
    name: [...input.supplier.name].slice(0, QR_NAME_MAX).join(''),
    iban: input.supplier.iban,
    ...(input.supplier.bic ? { bic: input.supplier.bic } : {}),
    amount: due,
    ...(reference ? { reference: reference.electronic } : { text: `${t.title[totals.kind]} ${totals.number}` }),
  });
  return [{ kind: 'payment', lines, qr: epcQrMatrix(payload), qrCaption: t.qrCaption }];
}
