// The manifest of a factoring package, version 1. The JSON Schema shipped with the CLI
// (apps/factoring-export/schema/factoring-manifest-v1.schema.json) is generated from this.
import { z } from 'zod';

/** The `schema` value of every version-1 manifest. */
export const MANIFEST_SCHEMA_V1 = 'urn:fact:factoring-manifest:1';

const amount = z.string().regex(/^-?\d+\.\d{2}$/, 'an amount with two decimals');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');
const path = z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative path inside the package');

/** The zod schema of a version-1 manifest. */
export const manifestSchemaV1 = z.strictObject({
  schema: z.literal(MANIFEST_SCHEMA_V1),
  batchId: z.string().min(1),
  createdOn: date,
  currency: z.literal('EUR'),
  seller: z.strictObject({
    id: z.string(),
    name: z.string(),
    country: z.enum(['BE', 'NL']),
    vatNumber: z.string().optional(),
    enterpriseNumber: z.string().optional(),
    kvkNumber: z.string().optional(),
    iban: z.string(),
  }),
  factor: z.strictObject({
    profileId: z.string(),
    name: z.string(),
    iban: z.string(),
    bic: z.string().optional(),
    assignment: z.enum(['open', 'silent']),
  }),
  terms: z.strictObject({ advancePercent: z.string(), feePercent: z.string(), fixedFeePerInvoice: amount }),
  debtors: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['business', 'government', 'consumer']),
      country: z.string(),
      language: z.enum(['nl', 'fr', 'en']),
      vatNumber: z.string().optional(),
      enterpriseNumber: z.string().optional(),
      kvkNumber: z.string().optional(),
      peppolId: z.string().optional(),
      assignmentConsentReference: z.string().optional(),
      noticeFile: path,
    }),
  ),
  invoices: z.array(
    z.strictObject({
      id: z.string(),
      number: z.string(),
      debtorId: z.string(),
      issueDate: date,
      dueDate: date,
      grossAmount: amount,
      outstanding: amount,
      eligibleAmount: amount,
      advanceAmount: amount,
      feeAmount: amount,
      paymentReference: z.string().optional(),
      purchaseOrder: z.string().optional(),
      ublFile: path.optional(),
      pdfFile: path.optional(),
    }),
  ),
  totals: z.strictObject({
    invoiceCount: z.number().int().min(0),
    outstanding: amount,
    eligible: amount,
    advance: amount,
    fee: amount,
    /** Advance less fee: what the factor pays the seller now. */
    payout: amount,
  }),
  files: z.array(z.strictObject({ path, sha256, bytes: z.number().int().min(0) })),
  signature: z.strictObject({ algorithm: z.literal('Ed25519'), keyId: z.string(), file: z.literal('manifest.sig') }),
});

/** A version-1 manifest. */
export type ManifestV1 = z.output<typeof manifestSchemaV1>;

/**
 * The manifest's JSON Schema (draft 2020-12), for the factor's own tooling.
 *
 * @example
 * ```ts
 * await writeFile('factoring-manifest-v1.schema.json', JSON.stringify(manifestJsonSchema(), null, 2));
 * ```
 */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: MANIFEST_SCHEMA_V1,
    title: 'Fact factoring package manifest, version 1',
    ...z.toJSONSchema(manifestSchemaV1, { target: 'draft-2020-12' }),
  };
}
