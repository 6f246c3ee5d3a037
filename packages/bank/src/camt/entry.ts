import type { Money } from '@fact/core';
import { Dec } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';
import type { BankTransaction, BankTransactionDetail, Direction } from '../model/types.js';
import { requireWholeCents } from '../statement/amount.js';
import { detailOf } from './details.js';
import type { Place } from './values.js';
import { amountAt, dateAt, inside, locate, signAt } from './values.js';
import type { XmlValue } from './xml.js';
import { at, children, textAt } from './xml.js';

/** An entry read from the file, before its dedup key is made unique. @internal */
export interface ReadEntry {
  readonly transaction: Omit<BankTransaction, 'dedupKey'>;
  /** `BOOK` (or no status): booked. `PDNG`/`INFO` entries are not movements yet. */
  readonly booked: boolean;
  readonly status: string;
  readonly bankReference: string | undefined;
  readonly entryReference: string | undefined;
  readonly warnings: readonly string[];
}

function transactionCode(ntry: XmlValue | undefined): string | undefined {
  const domain = textAt(ntry, 'BkTxCd/Domn/Cd');
  if (domain !== undefined) {
    return [domain, textAt(ntry, 'BkTxCd/Domn/Fmly/Cd'), textAt(ntry, 'BkTxCd/Domn/Fmly/SubFmlyCd')]
      .filter((p) => p !== undefined)
      .join('/');
  }
  return textAt(ntry, 'BkTxCd/Prtry/Cd');
}

/** A detail's amount, signed, only when it is in the entry's currency (`AmtDtls/TxAmt` first). */
function detailAmount(place: Place, entryCurrency: string, entrySign: 1 | -1): Money | undefined {
  const found = amountAt(place, 'AmtDtls/TxAmt/Amt', false) ?? amountAt(place, 'Amt', false);
  if (found === undefined || found.currency !== entryCurrency) return undefined;
  const sign = textAt(place.node, 'CdtDbtInd') === undefined ? entrySign : signAt(place, 'CdtDbtInd');
  return requireWholeCents(sign === 1 ? found.amount : found.amount.neg(), locate(place));
}

/**
 * Reads one `Ntry`: amount and sign (`CdtDbtInd`), reversal (`RvslInd`), status, dates
 * (`BookgDt`, `ValDt`, as `Dt` or `DtTm`), references, bank transaction code, and its
 * transaction details. One `TxDtls` is folded into the transaction; several (or a `Btch`) become
 * `batch.details`.
 * @internal
 */
export function readEntry(place: Place): ReadEntry {
  const ntry = place.node;
  const warnings: string[] = [];
  const { amount: unsigned, currency } = amountAt(place, 'Amt', true);
  const sign = signAt(place, 'CdtDbtInd');
  const amount = requireWholeCents(sign === 1 ? unsigned : unsigned.neg(), locate(inside(place, 'Amt', at(ntry, 'Amt'))));
  const direction: Direction = sign === 1 ? 'credit' : 'debit';
  const reversalText = textAt(ntry, 'RvslInd');
  const reversal = reversalText === 'true' || reversalText === '1';
  const status = textAt(ntry, 'Sts/Cd') ?? textAt(ntry, 'Sts') ?? 'BOOK';
  const bookingDate = dateAt(place, 'BookgDt') ?? dateAt(place, 'ValDt');
  if (bookingDate === undefined) bankFail('MISSING_ELEMENT', 'the entry has neither BookgDt nor ValDt', locate(place));
  const valueDate = dateAt(place, 'ValDt') ?? bookingDate;
  const bankReference = textAt(ntry, 'AcctSvcrRef');
  const entryReference = textAt(ntry, 'NtryRef');
  const code = transactionCode(ntry);
  const entryInfo = textAt(ntry, 'AddtlNtryInf');

  const txNodes = children(ntry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  const batchCount = children(ntry, 'NtryDtls')
    .map((d) => textAt(d, 'Btch/NbOfTxs'))
    .find((n) => n !== undefined);
  const details: BankTransactionDetail[] = txNodes.map((tx, i) =>
    detailOf(tx, direction, detailAmount(inside(place, `NtryDtls/TxDtls[${i + 1}]`, tx), currency, sign)),
  );
  const single = details.length === 1 && batchCount === undefined ? details[0] : undefined;
  const base = {
    bookingDate,
    valueDate,
    amount,
    currency,
    direction,
    reversal,
    ...(bankReference ? { bankReference } : {}),
    ...(code ? { transactionCode: code } : {}),
  };

  let transaction: Omit<BankTransaction, 'dedupKey'>;
  if (single !== undefined || details.length === 0) {
    transaction = {
      ...base,
      ...(single?.endToEndId ? { endToEndId: single.endToEndId } : {}),
      ...(single?.returnReason ? { returnReason: single.returnReason } : {}),
      counterparty: single?.counterparty ?? {},
      remittance: single ? withFallback(single.remittance, entryInfo) : entryInfo ? { unstructured: entryInfo } : {},
    };
  } else {
    const reasons = new Set(details.map((d) => d.returnReason));
    const [onlyReason] = reasons;
    const count = batchCount !== undefined && /^\d+$/.test(batchCount) ? Number(batchCount) : details.length;
    const detailSum = details.reduce<Money | undefined>(
      (sum, d) => (sum === undefined || d.amount === undefined ? undefined : sum.plus(d.amount)),
      new Dec(0),
    );
    if (detailSum !== undefined && !detailSum.eq(amount)) {
      // Kept, not refused: reconciliation then treats the entry as one payment, not per detail.
      warnings.push(`${place.path}: the ${details.length} transaction details add up to ${detailSum.toFixed(2)}, the entry is ${amount.toFixed(2)}`);
    }
    transaction = {
      ...base,
      ...(reasons.size === 1 && onlyReason ? { returnReason: onlyReason } : {}),
      counterparty: {},
      remittance: entryInfo ? { unstructured: entryInfo } : {},
      batch: { count, details },
    };
  }
  return { transaction, booked: status === 'BOOK', status, bankReference, entryReference, warnings };
}

function withFallback(remittance: BankTransaction['remittance'], text: string | undefined): BankTransaction['remittance'] {
  if (remittance.structured || remittance.unstructured || text === undefined) return remittance;
  return { ...remittance, unstructured: text };
}
