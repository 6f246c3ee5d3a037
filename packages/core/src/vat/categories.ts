import { fail } from '../errors/fail.js';

/**
 * The EN 16931 VAT category codes (UNTDID 5305 subset, BT-118 / BT-151):
 *
 * - `S`  standard rated (normaal tarief / taux normal, and the reduced rates)
 * - `Z`  zero rated goods (nultarief / taux zéro)
 * - `E`  exempt from VAT (vrijgesteld / exonéré)
 * - `AE` reverse charge (verlegging van heffing / autoliquidation)
 * - `K`  intra-community supply, VAT-exempt (intracommunautaire levering / livraison intracommunautaire)
 * - `G`  export outside the EU, free of VAT (uitvoer / exportation)
 * - `O`  outside the scope of VAT (buiten het toepassingsgebied / hors champ)
 *
 * @example
 * ```ts
 * const category: VatCategory = 'AE'; // a Belgian supplier invoicing a reverse-charged service
 * needsExemptionReason(category); // true: the invoice must say why no VAT is charged
 * ```
 */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O';

/**
 * Every VAT category, in the order a VAT breakdown lists them.
 *
 * @example
 * ```ts
 * VAT_CATEGORIES.includes('AE'); // true
 * ```
 */
export const VAT_CATEGORIES: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

/**
 * Categories whose VAT amount is always 0 and whose breakdown needs an exemption reason
 * (BT-120/BT-121; rules BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10).
 *
 * @example
 * ```ts
 * needsExemptionReason('K'); // true
 * needsExemptionReason('S'); // false
 * ```
 */
export function needsExemptionReason(category: VatCategory): boolean {
  return category !== 'S' && category !== 'Z';
}

/**
 * Reads a VAT category code. Throws `UNKNOWN_VAT_CATEGORY` naming `field` for anything else
 * (lower case, national codes such as `"21%"`, empty).
 *
 * @example
 * ```ts
 * parseVatCategory('AE'); // "AE"
 * parseVatCategory('X', 'lines[0].vatCategory'); // throws UNKNOWN_VAT_CATEGORY
 * ```
 */
export function parseVatCategory(value: unknown, field = 'vatCategory'): VatCategory {
  if (typeof value === 'string' && (VAT_CATEGORIES as readonly string[]).includes(value)) return value as VatCategory;
  return fail('UNKNOWN_VAT_CATEGORY', field, `${JSON.stringify(value)} is not one of ${VAT_CATEGORIES.join(', ')}`);
}
