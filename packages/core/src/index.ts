// Public surface of @fact/core. Every export is named; nothing is re-exported with `*`.

// errors
export { FactError, FACT_ERROR_CODES, isFactError } from './errors/FactError.js';
export type { FactErrorCode } from './errors/FactError.js';

// money
export { Dec } from './money/decimal.js';
export {
  money,
  nonNegativeMoney,
  roundCents,
  toCents,
  fromCents,
  sumMoney,
  formatCents,
  maxMoney,
  minMoney,
  ZERO,
} from './money/money.js';
export type { Money, AmountInput } from './money/money.js';
export { allocate } from './money/allocate.js';

// calendar
export {
  parseDate,
  addDays,
  addMonths,
  addYears,
  daysBetween,
  compareDates,
  maxDate,
  minDate,
  endOfMonth,
  isoWeekday,
  isWithin,
} from './calendar/date.js';
export type { CalendarDate } from './calendar/date.js';
export { easterSunday, publicHolidays, isBusinessDay, addBusinessDays } from './calendar/holidays.js';
export type { Country, PublicHoliday } from './calendar/holidays.js';

// invoices, VAT, totals, credit notes
export { VAT_CATEGORIES, parseVatCategory, needsExemptionReason } from './vat/categories.js';
export type { VatCategory } from './vat/categories.js';
export { VAT_RATES, allowedVatRates, checkVatRate } from './vat/rates.js';
export type { VatRateRule, VatRateTable } from './vat/rates.js';
export { EXEMPTION_MENTIONS, defaultExemptionReason } from './vat/exemption-reasons.js';
export type { ExemptionMention, InvoiceLanguage } from './vat/exemption-reasons.js';
export { computeInvoiceTotals } from './invoice/totals.js';
export { lineNetAmount } from './invoice/line-net.js';
export { ledgerSign, signedAmount } from './invoice/credit-note.js';
export { depositDeductions } from './invoice/deposit.js';
export type {
  InvoiceKind,
  InvoiceLineInput,
  DocumentAllowanceCharge,
  DeductedDeposit,
  InvoiceInput,
  InvoiceTotalsOptions,
  LineNet,
  VatBreakdownEntry,
  InvoiceTotals,
} from './invoice/types.js';
// payment terms
export { dueDates, finalDueDate } from './terms/due-dates.js';
export { checkTermsAgainstLaw } from './terms/check-law.js';
export type { TermsLawContext, TermsWarning } from './terms/check-law.js';
export { STATUTORY_DEFAULT_TERM, PAYMENT_TERM_CAPS, NL_LARGE_TO_SME_30_DAYS_UNCONFIRMED } from './terms/legal-caps.js';
export type { DebtorKind, PaymentTermCap } from './terms/legal-caps.js';
export type {
  PaymentTerms,
  SinglePaymentTerms,
  InstalmentTerm,
  DueDateContext,
  DueDateEvent,
  DueInstalment,
} from './terms/types.js';
// early-payment discount
export { discountTerms } from './discount/discount-terms.js';
export type { DiscountableTotals } from './discount/discount-terms.js';
export { settleWithDiscount } from './discount/settle.js';
export type {
  DiscountVatMode,
  EarlyPaymentDiscount,
  CategoryDiscount,
  DiscountTerms,
  DiscountPayment,
  DiscountSettlement,
} from './discount/types.js';
// payments and allocation
export {
  allocatePayment,
  STATUTORY_ALLOCATION_ORDER,
} from './payments/allocatePayment.js';
export type { AllocationOptions, ItemOrder, PaymentAllocation } from './payments/allocatePayment.js';
export { applyCreditNote } from './payments/creditNote.js';
export type { CreditNoteApplication } from './payments/creditNote.js';
export { reversePayment } from './payments/reversePayment.js';
export type { PaymentReversal } from './payments/reversePayment.js';
export { openBalance } from './payments/openBalance.js';
export { ledgerOf } from './payments/ledger.js';
export type { DebtorLedger, DebtorLedgerInput, LedgerLine } from './payments/ledger.js';
export type {
  Allocation,
  AllocationSource,
  ClaimComponent,
  OpenBalance,
  OpenItem,
  OpenItemKind,
  PaymentInput,
  UnappliedCredit,
} from './payments/types.js';
// status and ageing
export { paymentStatus } from './ageing/paymentStatus.js';
export type { PaymentStatus } from './ageing/paymentStatus.js';
export { ageingBuckets, DEFAULT_AGEING_BUCKETS, validateAgeingBuckets } from './ageing/buckets.js';
export type { AgeingBucketDefinition } from './ageing/buckets.js';
export { ageing } from './ageing/ageing.js';
export type { AgeingBucket, AgeingEntry, AgeingOptions, AgeingReport } from './ageing/ageing.js';
// debtor payment behaviour
export { paymentBehaviour, BEHAVIOUR_DAYS_DECIMALS, BEHAVIOUR_RATIO_DECIMALS } from './behaviour/paymentBehaviour.js';
export type { DayAverages, PaidInvoice, PaymentBehaviour } from './behaviour/paymentBehaviour.js';
export { paidHistoryOf } from './behaviour/paidHistory.js';
export { dso, dsoCountback } from './behaviour/dso.js';
export type { DsoResult } from './behaviour/dso.js';
export { expectedPaymentDate } from './behaviour/expectedPaymentDate.js';
export type { ExpectedPayment } from './behaviour/expectedPaymentDate.js';
export { riskGrade, DEFAULT_RISK_POLICY } from './behaviour/riskGrade.js';
export type { RiskAssessment, RiskGradeLetter, RiskPolicy, RiskReason, RiskThreshold } from './behaviour/riskGrade.js';
// late-payment interest and rate tables
export { lateInterest } from './interest/lateInterest.js';
export type {
  Capitalisation,
  DayCount,
  InterestMethod,
  InterestPayment,
  InterestRounding,
  InterestSegment,
  LateInterestInput,
  LateInterestResult,
  SegmentReason,
} from './interest/types.js';
export { statutoryInterestBasis } from './interest/statutoryInterestBasis.js';
export type { InterestRunsFrom, StatutoryInterestBasis, StatutoryInterestOptions } from './interest/statutoryInterestBasis.js';
export {
  contractualRateTable,
  defineRateTable,
  endOfPublicationPeriod,
  extendRateTable,
  rateChanges,
  rateOn,
} from './rates/rateTable.js';
export type { RateEntry, RateOnDate, RatePublication, RateTable, RateTableKind } from './rates/rateTable.js';
export { beCommercialRates, beCommercialRatesOldContracts } from './rates/beCommercialRates.js';
export { beCivilRates } from './rates/beCivilRates.js';
export { STATUTORY_RATE_TABLES, withPublishedRates } from './rates/statutoryTables.js';
export type { StatutoryRateTables } from './rates/statutoryTables.js';
export { nlCommercialRates } from './rates/nlCommercialRates.js';
export { nlStatutoryRates } from './rates/nlStatutoryRates.js';
// recovery costs
export type { RecoveryCost } from './recovery/recoveryCost.js';
export { euFixedCompensation, EU_FIXED_COMPENSATION_EUR } from './recovery/euFixedCompensation.js';
export { bikScale } from './recovery/bikScale.js';
export type { BikBracket, BikScale } from './recovery/bikScale.js';
export { bikAmount, bikCalculation } from './recovery/bikAmount.js';
export type { BikCalculation, BikLine, BikOptions } from './recovery/bikAmount.js';
export { assumedDeliveryDate, nlB2cCostsAllowed } from './recovery/nlB2cCosts.js';
export type { AssumedDelivery, NlB2cCostsInput, NlB2cCostsStatus } from './recovery/nlB2cCosts.js';
export { bookXixRules } from './recovery/bookXixRules.js';
export type { BookXixRules, BookXixTier } from './recovery/bookXixRules.js';
export { beRecurringReminderFeeCap, bookXixDamagesCap } from './recovery/bookXixDamages.js';
export type { ReminderFeeCap } from './recovery/bookXixDamages.js';
export { beB2cChargesAllowed, beB2cWaitingPeriod } from './recovery/beB2cWaitingPeriod.js';
export type {
  BeB2cChargesStatus,
  BeB2cWaitingPeriod,
  BeB2cWaitingPeriodInput,
  ReminderChannel,
  WaitingPeriodCounting,
} from './recovery/beB2cWaitingPeriod.js';
export { beB2bPenaltyClause } from './recovery/beB2bPenaltyClause.js';
export type { PenaltyClause } from './recovery/beB2bPenaltyClause.js';
// VAT bad-debt relief
export { vatReliefEligibility } from './vat-relief/vatReliefEligibility.js';
export { vatReliefReversal } from './vat-relief/vatReliefReversal.js';
export type { VatReliefReversal, VatReliefReversalInput } from './vat-relief/vatReliefReversal.js';
export { vatReturnPeriod } from './vat-relief/vatReturnPeriod.js';
export type { VatFilingFrequency, VatReturnPeriod } from './vat-relief/vatReturnPeriod.js';
export type {
  BeProbableLossConfig,
  LossEvent,
  VatReliefAmounts,
  VatReliefBasis,
  VatReliefEligibility,
  VatReliefInput,
  VatReliefPending,
  VatReliefRefusal,
} from './vat-relief/types.js';
// dunning
export { parsePolicy } from './dunning/parse-policy.js';
export { isPreDueLevel } from './dunning/policy-law.js';
export { planDunning } from './dunning/plan-dunning.js';
export { explainAction } from './dunning/explain-action.js';
export type { ExplainLanguage } from './dunning/explain-action.js';
export { ruleText } from './dunning/rule-text.js';
export { CLAIM_LAW, INTEREST_BASIS, FIXED_COMPENSATION, BOOK_XIX_REMINDER_FEE_CAP } from './dunning/claim-law.js';
export type { ClaimKind, ClaimRule, InterestBasis, InterestAccrualStart } from './dunning/claim-law.js';
export { LEGAL_GATES, bookXixWaitingPeriod, estimatedDutchLetterDelivery, dutchFourteenDayTerm } from './dunning/legal-gates.js';
export type { LegalGateRule, GracePeriod, DutchFourteenDayTerm } from './dunning/legal-gates.js';
export { BE_B2B_POLICY, BE_B2C_POLICY, NL_B2B_POLICY, NL_B2C_POLICY, DEFAULT_DUNNING_POLICIES } from './dunning/default-policies.js';
export type {
  DunningJurisdiction,
  DunningDebtorKind,
  DunningGrouping,
  DunningChannel,
  ClaimMode,
  LegalGateKind,
  DunningOffset,
  LevelClaims,
  DunningLevel,
  DunningPolicy,
} from './dunning/policy-types.js';
export type {
  DunningItem,
  SentReminder,
  DebtorUnappliedCredit,
  DunningPlanInput,
  DunningSkipReason,
  SkippedItem,
  GateOutcome,
  DunningClaim,
  PlannedItemFacts,
  DunningAction,
  DunningPlan,
} from './dunning/plan-types.js';
// references and identifiers
export { createOgm, parseOgm, formatOgm, isValidOgm } from './references/ogm.js';
export { createRf, parseRf, formatRf, isValidRf } from './references/rf.js';
export { parsePaymentReference } from './references/parse-payment-reference.js';
export { paymentReference } from './references/payment-reference.js';
export type { PaymentReferencePolicy } from './references/payment-reference.js';
export type { PaymentReference, ReferenceScheme } from './references/payment-reference.types.js';
export { parseIban, formatIban, isValidIban } from './identifiers/iban.js';
export type { Iban } from './identifiers/iban.js';
export { IBAN_FORMATS, IBAN_REGISTRY_SOURCE } from './identifiers/iban-registry.js';
export type { IbanCountryFormat } from './identifiers/iban-registry.js';
export { parseBic } from './identifiers/bic.js';
export { parseBeEnterpriseNumber, formatBeEnterpriseNumber, parseBeVatNumber } from './identifiers/be-enterprise-number.js';
export { parseNlVatNumber, parseKvkNumber } from './identifiers/nl-identifiers.js';
export type { NlVatRule } from './identifiers/nl-identifiers.js';
export { KVK_NUMBER_RULE } from './identifiers/identifier-rules.js';
export { parseVatNumber } from './identifiers/vat-number.js';
export type { VatNumber } from './identifiers/vat-number.js';
export { epcQrPayload } from './epc-qr/epc-qr-payload.js';
export type { EpcQrInput } from './epc-qr/epc-qr-payload.js';
export { EPC_QR_LIMITS } from './epc-qr/epc-qr-limits.js';
// portfolio evaluation
export { createPortfolioEvaluator } from './portfolio/evaluator.js';
export type { PortfolioEvaluator } from './portfolio/evaluator.js';
export { evaluatePortfolio } from './portfolio/evaluatePortfolio.js';
export type { PortfolioBucket, PortfolioEvaluation } from './portfolio/evaluatePortfolio.js';
export type {
  PortfolioItem,
  PortfolioLine,
  PortfolioNextStep,
  PortfolioOptions,
  PortfolioPayment,
  PortfolioReminder,
} from './portfolio/types.js';
