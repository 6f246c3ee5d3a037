import { addDays as addDaysChecked } from '@fact/core';
import { v7 as uuidv7 } from 'uuid';
import { BE_CITIES, BE_FORMS, NAME_PARTS, NL_CITIES, NL_FORMS, PAYMENT_BEHAVIOURS, PAYMENT_TERMS, RATES, TRADES, VAT_RATES } from './distributions.js';
import { generatedIdentifiers } from './identifiers.js';
import type { Prng } from './prng.js';

/** Rows of one table, keyed by the drizzle (TypeScript) column names. */
export type Row = Record<string, unknown>;

/** Everything generated for one company, in insertion order. */
export interface CompanyRows {
  company: Row;
  debtors: Row[];
  invoices: Row[];
  invoiceLines: Row[];
  payments: Row[];
  allocations: Row[];
  disputes: Row[];
}

/** The tables of {@link CompanyRows} after `companies`, in the order they are loaded (parents first). */
export const TABLE_ORDER = [
  ['debtors', 'debtors'],
  ['invoices', 'invoices'],
  ['invoiceLines', 'invoiceLines'],
  ['payments', 'payments'],
  ['allocations', 'allocations'],
  ['disputes', 'disputes'],
] as const satisfies readonly (readonly [string, keyof Omit<CompanyRows, 'company'>])[];

/** What to generate for company number `c` of a seed: its firm, its share of the invoices, the demo names. */
export function companyPlan(c: number, spec: { companies: number; invoices: number; firmIds: readonly string[]; asOf: string }): Parameters<typeof generateCompany>[2] {
  const share = Math.floor(spec.invoices / spec.companies) + (c < spec.invoices % spec.companies ? 1 : 0);
  const demo = c === 0 ? { legalName: 'Bakkerij Janssens BV', country: 'BE' as const } : c === 1 ? { legalName: 'Zonneveld Logistiek B.V.', country: 'NL' as const } : {};
  return { firmId: spec.firmIds[c % spec.firmIds.length]!, index: c, invoices: share, asOf: spec.asOf, ...demo };
}

/**
 * Deterministic ids: UUIDv7 whose time part follows the business date but never goes back
 * (each id is later than the previous one), and whose random part comes from the seed. Ids in
 * insertion order keep every primary-key and (company_id, id) index append-only during a bulk
 * load, several times faster than inserting at random places. Companies after the first get
 * ids stamped just after the previous company's last one.
 */
export class IdSource {
  #last = 0;
  constructor(private readonly prng: Prng) {}
  /** The last stamp given (milliseconds), to continue the same sequence elsewhere. */
  get last(): number {
    return this.#last;
  }
  set last(ms: number) {
    this.#last = ms;
  }
  /** An id stamped with `day` (UTC midnight), or just after the previous id if that is later. */
  next(day: string): string {
    this.#last = Math.max(this.#last + 1, Date.parse(`${day}T00:00:00Z`));
    return uuidv7({ msecs: this.#last, random: this.prng.bytes16() });
  }
}

/** A Belgian structured communication (OGM/VCS) for a sequence number: 10 digits + mod-97 check. */
function ogm(n: number): string {
  const base = n % 10_000_000_000;
  const check = base % 97 || 97;
  const d = `${String(base).padStart(10, '0')}${String(check).padStart(2, '0')}`;
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

// The generator computes millions of dates: cache the validated result of each (day, offset).
const dayCache = new Map<string, string>();
function addDays(day: string, n: number): string {
  const key = `${day}|${n}`;
  let v = dayCache.get(key);
  if (v === undefined) {
    v = addDaysChecked(day, n);
    if (dayCache.size < 2_000_000) dayCache.set(key, v);
  }
  return v;
}

const behaviourTable = PAYMENT_BEHAVIOURS.map((b) => [b, b[1]] as const);

/**
 * Generates one company of a firm with debtors, invoices (with lines), payments, allocations,
 * credit notes and disputes, as of `asOf`, from `prng`. Same seed and as-of date, same rows.
 *
 * @example
 * ```ts
 * const rows = generateCompany(new Prng(1), ids, { firmId, index: 0, invoices: 5000, asOf: '2025-06-30' });
 * ```
 */
export function generateCompany(
  r: Prng,
  ids: IdSource,
  opts: { firmId: string; index: number; invoices: number; asOf: string; companyId?: string; legalName?: string; country?: 'BE' | 'NL' },
): CompanyRows {
  const country = opts.country ?? (r.chance(0.6) ? 'BE' : 'NL');
  const start = addDays(opts.asOf, -730);
  const companyId = opts.companyId ?? ids.next(start);
  const now = new Date(`${opts.asOf}T12:00:00Z`);
  const forms = country === 'BE' ? BE_FORMS : NL_FORMS;
  const ident = generatedIdentifiers(country, opts.index);
  const cities = country === 'BE' ? BE_CITIES : NL_CITIES;
  const company: Row = {
    id: companyId,
    firmId: opts.firmId,
    legalName: opts.legalName ?? `${r.pick(NAME_PARTS)} ${r.pick(TRADES)} ${r.pick(forms)} ${opts.index + 1}`,
    country,
    enterpriseNumber: ident.enterpriseNumber,
    vatNumber: ident.vatNumber,
    iban: ident.iban,
    bic: ident.bic,
    language: country === 'BE' ? r.weighted([['nl', 0.6], ['fr', 0.4]] as const) : 'nl',
    timeZone: country === 'BE' ? 'Europe/Brussels' : 'Europe/Amsterdam',
    dunningPolicy: null,
    address: {
      street: `${['Nijverheidsstraat', 'Industrieweg', 'Avenue Louise', 'Havenstraat', 'Grote Markt'][opts.index % 5]} ${(opts.index % 150) + 1}`,
      postalCode: country === 'BE' ? String(1000 + ((opts.index * 37) % 8999)) : `${1000 + ((opts.index * 37) % 8999)} AB`,
      city: cities[opts.index % cities.length],
    },
    email: `facturatie@company-${opts.index + 1}.example`,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const debtorCount = Math.max(5, Math.round(opts.invoices / 25));
  const debtors: Row[] = [];
  const behaviour: (typeof PAYMENT_BEHAVIOURS)[number][] = [];
  for (let d = 0; d < debtorCount; d++) {
    const consumer = r.chance(RATES.consumerDebtors);
    const dCountry = r.chance(0.9) ? country : country === 'BE' ? 'NL' : 'BE';
    debtors.push({
      id: ids.next(start),
      companyId,
      kind: consumer ? 'consumer' : 'business',
      name: consumer ? `${r.pick(['An', 'Bram', 'Chloé', 'Daan', 'Emma', 'Lars', 'Noor', 'Lucas'])} ${r.pick(NAME_PARTS)}` : `${r.pick(NAME_PARTS)} ${r.pick(TRADES)} ${r.pick(dCountry === 'BE' ? BE_FORMS : NL_FORMS)}`,
      language: dCountry === 'BE' ? r.weighted([['nl', 0.6], ['fr', 0.4]] as const) : 'nl',
      street: `${r.pick(['Kerkstraat', 'Stationsstraat', 'Rue de la Gare', 'Dorpsstraat', 'Markt'])} ${r.int(1, 200)}`,
      postalCode: dCountry === 'BE' ? String(r.int(1000, 9999)) : `${r.int(1000, 9999)} ${r.pick(['AB', 'KL', 'XZ'])}`,
      city: r.pick(dCountry === 'BE' ? BE_CITIES : NL_CITIES),
      country: dCountry,
      // Businesses carry their VAT and enterprise numbers (the buyer's identity on a Peppol invoice).
      ...(consumer
        ? { vatNumber: null, enterpriseNumber: null }
        : (({ vatNumber, enterpriseNumber }) => ({ vatNumber, enterpriseNumber }))(generatedIdentifiers(dCountry, 1_000_000 + opts.index * 20_000 + d))),
      externalRef: `C${String(d + 1).padStart(5, '0')}`,
      isSupplier: r.chance(0.05),
      antiAssignmentClause: !consumer && r.chance(0.04),
      creditLimitCents: consumer ? null : r.chance(0.3) ? r.int(5, 100) * 100_000 : null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    behaviour.push(r.weighted(behaviourTable));
  }

  const invoices: Row[] = [];
  const invoiceLines: Row[] = [];
  const payments: Row[] = [];
  const allocations: Row[] = [];
  const disputes: Row[] = [];
  const rates = VAT_RATES[country];
  // Issue dates in order: numbers run chronologically (as the law wants) and the time-ordered
  // ids arrive in index order, which keeps bulk inserts appending to the B-trees.
  const offsets = Array.from({ length: opts.invoices }, () => r.int(0, 729)).sort((a, b) => a - b);
  for (let n = 0; n < opts.invoices; n++) {
    const dIdx = r.int(0, debtorCount - 1);
    const debtor = debtors[dIdx]!;
    const issueDate = addDays(start, offsets[n]!);
    const dueDate = addDays(issueDate, r.weighted(PAYMENT_TERMS));
    const rate = r.weighted(rates);
    const lineCount = r.weighted([[1, 0.6], [2, 0.3], [3, 0.1]] as const);
    let net = 0;
    let vat = 0;
    const id = ids.next(issueDate);
    for (let l = 0; l < lineCount; l++) {
      const lineNet = Math.max(100, Math.round(r.logNormal(RATES.medianNetEuro / lineCount, RATES.amountSigma) * 100));
      const lineVat = Math.round((lineNet * Number(rate)) / 100);
      net += lineNet;
      vat += lineVat;
      invoiceLines.push({
        id: ids.next(issueDate),
        companyId,
        invoiceId: id,
        position: l,
        description: r.pick(['Consultancy', 'Levering goederen', 'Prestations', 'Onderhoud', 'Transport', 'Licentie']),
        quantity: '1',
        unitPrice: (lineNet / 100).toFixed(2),
        vatRate: rate,
        vatCategory: rate === '0' ? 'Z' : 'S',
        netCents: lineNet,
        vatCents: lineVat,
      });
    }
    const total = net + vat;
    let open = total;
    const b = behaviour[dIdx]!;
    if (b[2] !== null) {
      const payOn = addDays(dueDate, r.int(b[2], b[3]));
      if (payOn <= opts.asOf) {
        const partial = r.chance(RATES.partialPayment);
        const paid = partial ? Math.max(1, Math.round(total * (0.3 + r.next() * 0.4))) : total;
        const paymentId = ids.next(payOn);
        payments.push({
          id: paymentId,
          companyId,
          debtorId: debtor.id,
          amountCents: paid,
          unallocatedCents: 0,
          receivedOn: payOn,
          method: debtor.kind === 'consumer' && r.chance(0.2) ? 'card' : 'bank_transfer',
          reference: `BANK-${opts.index}-${n}`,
          communication: country === 'BE' ? ogm(opts.index * 10_000_000 + n) : null,
          bankTransactionId: null,
          reversedAt: null,
          reversalReason: null,
          createdBy: null,
          createdAt: now,
        });
        allocations.push({ id: ids.next(payOn), companyId, invoiceId: id, paymentId, creditNoteId: null, amountCents: paid, allocatedOn: payOn, reversedAt: null, createdAt: now });
        open -= paid;
      }
    }
    invoices.push({
      id,
      companyId,
      debtorId: debtor.id,
      kind: 'invoice',
      number: `${issueDate.slice(0, 4)}-${String(n + 1).padStart(7, '0')}`,
      status: open === 0 ? 'paid' : 'open',
      issueDate,
      dueDate,
      currency: 'EUR',
      netCents: net,
      vatCents: vat,
      totalCents: total,
      openAmountCents: open,
      paymentReference: country === 'BE' ? ogm(opts.index * 10_000_000 + n) : null,
      creditsInvoiceId: null,
      documentId: null,
      meta: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const inv = invoices[invoices.length - 1]!;
    if (open > 100 && r.chance(RATES.creditNote)) {
      // A credit note correcting part of the invoice, applied to it at once.
      const cnNet = Math.max(1, Math.round(net * (0.1 + r.next() * 0.4)));
      const cnVat = Math.round((cnNet * Number(rate)) / 100);
      const cnTotal = Math.min(cnNet + cnVat, open);
      const cnNetFinal = cnTotal === cnNet + cnVat ? cnNet : cnTotal;
      const cnId = ids.next(issueDate);
      const on = addDays(issueDate, r.int(1, 20)) <= opts.asOf ? addDays(issueDate, r.int(1, 20)) : issueDate;
      invoices.push({
        ...inv,
        id: cnId,
        kind: 'credit_note',
        number: `CN-${String(n + 1).padStart(7, '0')}`,
        status: 'open',
        dueDate: issueDate,
        netCents: cnNetFinal,
        vatCents: cnTotal - cnNetFinal,
        totalCents: cnTotal,
        openAmountCents: 0,
        paymentReference: null,
        creditsInvoiceId: id,
      });
      invoiceLines.push({ id: ids.next(issueDate), companyId, invoiceId: cnId, position: 0, description: 'Creditnota / note de crédit', quantity: '1', unitPrice: (cnNetFinal / 100).toFixed(2), vatRate: rate, vatCategory: rate === '0' ? 'Z' : 'S', netCents: cnNetFinal, vatCents: cnTotal - cnNetFinal });
      allocations.push({ id: ids.next(on), companyId, invoiceId: id, paymentId: null, creditNoteId: cnId, amountCents: cnTotal, allocatedOn: on, reversedAt: null, createdAt: now });
      open -= cnTotal;
      inv.openAmountCents = open;
      inv.status = open === 0 ? 'paid' : 'open';
    }
    if (open > 0 && dueDate < opts.asOf && r.chance(RATES.dispute * 3)) {
      const openedOn = addDays(dueDate, r.int(1, 20)) <= opts.asOf ? addDays(dueDate, r.int(1, 20)) : dueDate;
      disputes.push({ id: ids.next(openedOn), companyId, invoiceId: id, status: 'open', reason: r.pick(['quality', 'quantity', 'price', 'not_received']), description: null, openedOn, resolvedOn: null, resolution: null, version: 1, createdBy: null, createdAt: now });
    }
  }
  return { company, debtors, invoices, invoiceLines, payments, allocations, disputes };
}
