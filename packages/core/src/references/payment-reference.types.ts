/**
 * The two structured payment-reference schemes Fact issues and recognises: the Belgian OGM/VCS
 * (gestructureerde mededeling / communication structurée) and the ISO 11649 RF creditor
 * reference.
 *
 * @example
 * ```ts
 * const scheme: ReferenceScheme = parsePaymentReference('RF18 5390 0754 7034').scheme; // "rf"
 * ```
 */
export type ReferenceScheme = 'ogm' | 'rf';

/**
 * A validated structured payment reference: a Belgian OGM/VCS (gestructureerde mededeling /
 * communication structurée) or an ISO 11649 RF creditor reference.
 *
 * @example
 * ```ts
 * const ref: PaymentReference = { scheme: 'ogm', electronic: '240283842818', printed: '+++240/2838/42818+++' };
 * ```
 */
export interface PaymentReference {
  readonly scheme: ReferenceScheme;
  /** How it travels in files and QR codes: the 12 digits of an OGM, an RF reference without spaces. */
  readonly electronic: string;
  /** How it is printed for people: `+++240/2838/42818+++`, `RF18 5390 0754 7034`. */
  readonly printed: string;
}
