import { epcQrPayload } from '@fact/core';
import QRCode from 'qrcode';

/** A Belgian structured communication in its printed form (+++123/4567/89012+++); others as given. */
export function printedReference(reference: string | null): string | null {
  if (!reference) return null;
  const digits = reference.replace(/\D/g, '');
  if (/^\d{12}$/.test(reference) || (digits.length === 12 && reference.startsWith('+++'))) {
    return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
  }
  return reference;
}

/**
 * The EPC "scan to pay" QR code (GiroCode) for what is still open on an invoice, as SVG markup,
 * or null when it cannot be made (no IBAN, nothing open, a value the EPC format refuses).
 */
export async function paymentQrSvg(input: { name: string; iban: string | null; bic: string | null; amount: string; reference: string | null; number: string }): Promise<string | null> {
  if (!input.iban || Number(input.amount) <= 0) return null;
  try {
    const payload = epcQrPayload({
      name: input.name.slice(0, 70),
      iban: input.iban,
      ...(input.bic ? { bic: input.bic } : {}),
      amount: input.amount,
      ...(input.reference ? { reference: input.reference } : { text: `Invoice ${input.number}`.slice(0, 140) }),
    });
    return await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  } catch {
    return null;
  }
}
