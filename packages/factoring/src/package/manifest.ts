import { ZERO, type CalendarDate, type Money } from '@fact/core';
import type { EligibilityReport } from '../eligibility/types.js';
import type { FactoringBatch } from '../input/parse-batch.js';
import type { FactorProfile } from '../profile/parse-profile.js';
import { MANIFEST_SCHEMA_V1, type ManifestV1 } from './manifest-schema.js';
import type { packagePaths } from './paths.js';
import type { InvoicePurchase } from './purchase.js';

/** Everything the manifest is made of. */
export interface ManifestInput {
  readonly batch: FactoringBatch;
  readonly profile: FactorProfile;
  readonly asOf: CalendarDate;
  readonly report: EligibilityReport;
  readonly purchases: readonly InvoicePurchase[];
  readonly paths: ReturnType<typeof packagePaths>;
  readonly debtorIds: readonly string[];
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
  readonly keyId: string;
}

const eur = (m: Money) => m.toFixed(2);
const sum = (ms: readonly Money[]) => ms.reduce((s, m) => s.plus(m), ZERO);
/** Optional text fields are left out when absent, so the JSON has no `null`s and no `undefined`s. */
const opt = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

/**
 * The version-1 manifest: seller, factor and terms, the debtors with their notice file, every
 * bought invoice with outstanding, eligible, advance and fee amounts and its document files,
 * totals (sums of the lines), the checksum of every file before it, and the signing key's id.
 *
 * @example
 * ```ts
 * const manifest = buildManifest({ batch, profile, asOf, report, purchases, paths, debtorIds, files, keyId: keyId(privateKeyPem) });
 * manifest.totals.payout; // "10245.13"
 * ```
 */
export function buildManifest(input: ManifestInput): ManifestV1 {
  const { batch, profile, paths } = input;
  const invoices = new Map(batch.invoices.map((i) => [i.id, i]));
  const debtors = new Map(batch.debtors.map((d) => [d.id, d]));
  const fileSet = new Set(input.files.map((f) => f.path));
  const lines = input.purchases.map((p) => {
    const inv = invoices.get(p.invoiceId);
    if (!inv) throw new Error(`unknown invoice ${p.invoiceId}`);
    const files = paths.invoice(inv.number);
    return {
      id: inv.id,
      number: inv.number,
      debtorId: inv.debtorId,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      grossAmount: eur(inv.grossAmount),
      outstanding: eur(inv.outstanding),
      eligibleAmount: eur(p.eligible),
      advanceAmount: eur(p.advance),
      feeAmount: eur(p.fee),
      ...opt('paymentReference', inv.paymentReference),
      ...opt('purchaseOrder', inv.purchaseOrder),
      ...opt('ublFile', fileSet.has(files.ubl) ? files.ubl : undefined),
      ...opt('pdfFile', fileSet.has(files.pdf) ? files.pdf : undefined),
    };
  });
  const advance = sum(input.purchases.map((p) => p.advance));
  const fee = sum(input.purchases.map((p) => p.fee));
  const s = batch.seller;
  return {
    schema: MANIFEST_SCHEMA_V1,
    batchId: batch.batchId,
    createdOn: input.asOf,
    currency: 'EUR',
    seller: { id: s.id, name: s.name, country: s.country, ...opt('vatNumber', s.vatNumber), ...opt('enterpriseNumber', s.enterpriseNumber), ...opt('kvkNumber', s.kvkNumber), iban: s.iban },
    factor: { profileId: profile.id, name: profile.factor.name, iban: profile.factor.iban, ...opt('bic', profile.factor.bic), assignment: profile.assignment },
    terms: { advancePercent: profile.advancePercent.toString(), feePercent: profile.feePercent.toString(), fixedFeePerInvoice: eur(profile.fixedFeePerInvoice ?? ZERO) },
    debtors: input.debtorIds.map((id) => {
      const d = debtors.get(id);
      if (!d) throw new Error(`unknown debtor ${id}`);
      return {
        id: d.id,
        name: d.name,
        kind: d.kind,
        country: d.country,
        language: d.language,
        ...opt('vatNumber', d.vatNumber),
        ...opt('enterpriseNumber', d.enterpriseNumber),
        ...opt('kvkNumber', d.kvkNumber),
        ...opt('peppolId', d.peppolId),
        ...opt('assignmentConsentReference', d.assignmentConsentReference),
        noticeFile: paths.notice(d.id),
      };
    }),
    invoices: lines,
    totals: {
      invoiceCount: lines.length,
      outstanding: eur(sum(lines.map((l) => invoices.get(l.id)?.outstanding ?? ZERO))),
      eligible: eur(sum(input.purchases.map((p) => p.eligible))),
      advance: eur(advance),
      fee: eur(fee),
      payout: eur(advance.minus(fee)),
    },
    files: input.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
    signature: { algorithm: 'Ed25519', keyId: input.keyId, file: 'manifest.sig' },
  };
}
