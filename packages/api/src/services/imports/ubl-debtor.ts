import { parseVatNumber } from '@fact/core';
import { elementPath, type UblDocument } from '@fact/ubl';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';

/** EAS / ICD schemes that carry a VAT number (BE 9925, NL 9944, and the other EU VAT schemes). */
const VAT_SCHEMES = new Set(['9925', '9944', '9906', '9907', '9910', '9914', '9915', '9918', '9919', '9920', '9922', '9923', '9924', '9926', '9927', '9928', '9929', '9930', '9931', '9932', '9933', '9934', '9935', '9936', '9937', '9938', '9939', '9940', '9941', '9942', '9943', '9945', '9946', '9947', '9948', '9949', '9950', '9951', '9952', '9953', '9957']);

/** The buyer's identifiers as the ledger stores them. */
export interface BuyerKeys {
  vatNumber: string | null;
  /** BE enterprise number (KBO/BCE, 10 digits, scheme 0208) or NL KvK number (scheme 0106). */
  enterpriseNumber: string | null;
}

/**
 * Reads the buyer's VAT number (BT-48, or an endpoint BT-49 in a VAT scheme) and enterprise
 * number (endpoint or legal id BT-47 in scheme 0208 / 0106). An invalid VAT number is refused,
 * naming the element.
 *
 * @example
 * ```ts
 * buyerKeys(doc); // { vatNumber: 'BE0000000295', enterpriseNumber: null }
 * ```
 */
export function buyerKeys(doc: UblDocument): BuyerKeys {
  const endpoint = doc.buyer.endpointId;
  let vatText = doc.buyer.vatId;
  let vatElement = elementPath(doc, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID');
  if (!vatText && endpoint?.schemeId && VAT_SCHEMES.has(endpoint.schemeId)) {
    vatText = endpoint.value;
    vatElement = elementPath(doc, 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID');
  }
  let vatNumber: string | null = null;
  if (vatText) {
    try {
      vatNumber = parseVatNumber(vatText, vatElement).vatNumber;
    } catch (error) {
      throw apiError.badInput(vatElement, `"${vatText}" is not a valid VAT number (${(error as Error).message})`);
    }
  }
  const registered = [endpoint, doc.buyer.legalId].find((id) => id?.schemeId === '0208' || id?.schemeId === '0106');
  const enterpriseNumber = registered ? registered.value.replace(/\D/g, '') || null : null;
  return { vatNumber, enterpriseNumber };
}

/**
 * Finds the company's debtor for the buyer of a UBL document (by VAT number, then enterprise
 * number), or creates it from the document's buyer (a business). Runs inside the caller's
 * transaction.
 *
 * @example
 * ```ts
 * const { debtorId, created } = await matchOrCreateDebtor(tx, companyId, doc, { language: 'nl', country: 'BE', now });
 * ```
 */
export async function matchOrCreateDebtor(
  tx: Database,
  companyId: string,
  doc: UblDocument,
  defaults: { language: 'nl' | 'fr' | 'en' | 'de'; country: string; now: Date },
): Promise<{ debtorId: string; created: boolean; values?: Record<string, unknown> }> {
  const keys = buyerKeys(doc);
  const d = tx.tables.debtors;
  const match: SQL[] = [];
  if (keys.vatNumber) match.push(eq(d.vatNumber, keys.vatNumber));
  if (keys.enterpriseNumber) {
    const n = keys.enterpriseNumber;
    const dotted = n.length === 10 ? `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}` : n;
    match.push(inArray(d.enterpriseNumber, [n, dotted]));
  }
  if (match.length > 0) {
    const found = await tx.db.select({ id: d.id, vatNumber: d.vatNumber }).from(d).where(and(eq(d.companyId, companyId), or(...match))).limit(2);
    // A VAT number match is the stronger evidence.
    const best = found.find((r) => keys.vatNumber && r.vatNumber === keys.vatNumber) ?? found[0];
    if (best) return { debtorId: best.id, created: false };
  }
  const buyer = doc.buyer;
  const name = buyer.registrationName ?? buyer.tradingName;
  if (!name) throw apiError.badInput(elementPath(doc, 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'), "the buyer's name (BT-44) is missing; the debtor cannot be created");
  const country = (buyer.address?.countryCode ?? defaults.country).toUpperCase();
  const values = {
    id: uuidv7(),
    companyId,
    kind: 'business' as const,
    name: name.slice(0, 200),
    language: country === 'BE' || country === 'NL' ? defaults.language : ('en' as const),
    street: buyer.address?.streetName ?? null,
    postalCode: buyer.address?.postalZone ?? null,
    city: buyer.address?.cityName ?? null,
    country,
    vatNumber: keys.vatNumber,
    enterpriseNumber: keys.enterpriseNumber,
    createdAt: defaults.now,
    updatedAt: defaults.now,
  };
  await tx.db.insert(d).values(values);
  return { debtorId: values.id, created: true, values };
}
