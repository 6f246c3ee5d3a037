/**
 * Limits of the EPC QR payload (rules as data). Source: EPC069-12 "Quick Response Code –
 * Guidelines to Enable Data Capture for the Initiation of a SEPA Credit Transfer", version 002,
 * as summarised in reference.md §5 ([V2]: bwipp wiki, segno docs, Odoo account_qr_code_sepa).
 *
 * @example
 * ```ts
 * // limit a form field to what fits, instead of waiting for PAYLOAD_TOO_LONG
 * const shortName = [...companyName].slice(0, EPC_QR_LIMITS.nameMax).join(''); // at most 70 characters
 * ```
 */
export const EPC_QR_LIMITS = {
  serviceTag: 'BCD',
  version: '002',
  /** 1 = UTF-8. */
  characterSet: '1',
  identification: 'SCT',
  currency: 'EUR',
  /** Characters. */
  nameMax: 70,
  minAmount: '0.01',
  maxAmount: '999999999.99',
  purposeMax: 4,
  /** Characters of the structured creditor reference (line 10). */
  referenceMax: 35,
  /** Characters of the unstructured remittance text (line 11). */
  textMax: 140,
  /** Characters of the beneficiary-to-originator information (line 12). */
  informationMax: 70,
  /** Bytes of the whole payload. */
  payloadMaxBytes: 331,
  source: 'EPC069-12 v002 (reference.md §5)',
} as const;
