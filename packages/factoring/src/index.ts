// Public surface of @fact/factoring. Every export is named; nothing is re-exported with `*`.

// inputs
export { parseFactorProfile } from './profile/parse-profile.js';
export type { FactorProfile, FactorProfileInput } from './profile/parse-profile.js';
export { factorProfileSchema } from './profile/profile-schema.js';
export { parseFactoringBatch } from './input/parse-batch.js';
export type { DocumentSource, FactoringBatch, FactoringBatchInput, FactoringDebtor, FactoringInvoice, FactoringSeller } from './input/parse-batch.js';
export { factoringBatchSchema } from './input/batch-schema.js';

// eligibility
export { evaluateEligibility } from './eligibility/evaluate.js';
export { REASON_CODES, REASON_TEXT } from './eligibility/reasons.js';
export type { ReasonCode } from './eligibility/reasons.js';
export type { DebtorEligibility, EligibilityReport, InvoiceEligibility, ReasonFinding } from './eligibility/types.js';
export { trimOrder } from './eligibility/trim.js';
export { batchConcentrationCap, bookConcentrationCap } from './eligibility/concentration.js';
export { eligibilityJson, eligibilityMarkdown } from './eligibility/report-format.js';
export type { EligibilityReportJson } from './eligibility/report-format.js';

// package
export { writeFactoringPackage } from './package/build-package.js';
export type { BuildPackageInput, BuiltPackage } from './package/build-package.js';
export { purchases } from './package/purchase.js';
export type { InvoicePurchase } from './package/purchase.js';
export { MANIFEST_SCHEMA_V1, manifestJsonSchema, manifestSchemaV1 } from './package/manifest-schema.js';
export type { ManifestV1 } from './package/manifest-schema.js';
export { noticeModel, renderNoticePdf } from './package/notice.js';
export type { NoticeInput } from './package/notice.js';
export { invoicesCsv } from './package/invoices-csv.js';
export { PACKAGE_FILES, safeName } from './package/paths.js';
export { generateFirmKeys, keyId, signBytes, verifyBytes } from './package/signing.js';
export type { FirmKeys } from './package/signing.js';

// verification
export { readPackageManifest, verifyFactoringPackage } from './verify/verify-package.js';
export type { PackageProblem, PackageVerification } from './verify/verify-package.js';

// after the sale
export { assignmentRecords } from './after-sale/assignments.js';
export type { AssignmentRecord } from './after-sale/assignments.js';
export { settlementReport } from './after-sale/settlement.js';
export type { ReceivedPayment, SettlementLine, SettlementReport } from './after-sale/settlement.js';
export { repurchaseOffers } from './after-sale/repurchase.js';
export type { RepurchaseOffer } from './after-sale/repurchase.js';

// delivery
export { pushOnce, pushPackage } from './delivery/push.js';
export type { PushAttempt, PushBody, PushOptions, PushResult } from './delivery/push.js';
export { DEFAULT_TOLERANCE_SECONDS, IDEMPOTENCY_HEADER, pushSignature, pushSignatureOfFile, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyPushSignature } from './delivery/push-signature.js';
export type { PushCheck } from './delivery/push-signature.js';
export { deliverToFolder } from './delivery/folder.js';
export { BlockedTargetError, blockedAddressReason, endpointUrlProblem, guardedLookup } from './delivery/address-guard.js';
