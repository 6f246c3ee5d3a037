import type { Money } from '@fact/core';
import { Dec, sumMoney } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';
import type { BankFormatLocation } from '../errors/BankFormatError.js';
import type { Balance, BankTransaction } from '../model/types.js';

/** What the balance check found. @internal */
export type BalanceCheck =
  | { readonly kind: 'ok' }
  | { readonly kind: 'not-checked'; readonly why: string }
  | { readonly kind: 'mismatch'; readonly message: string };

/**
 * Opening balance + credits − debits must equal the closing balance. Checked only when both
 * balances exist and are in the currency of the movements; otherwise says why not.
 * @internal
 */
export function checkBalances(
  statementName: string,
  opening: Balance | undefined,
  closing: Balance | undefined,
  transactions: readonly BankTransaction[],
  currency: string,
): BalanceCheck {
  if (opening === undefined || closing === undefined) {
    return { kind: 'not-checked', why: `statement ${statementName}: no ${opening === undefined ? 'opening' : 'closing'} balance, balances not checked` };
  }
  if (opening.currency !== currency || closing.currency !== currency) {
    return {
      kind: 'not-checked',
      why: `statement ${statementName}: balances in ${opening.currency}/${closing.currency} but the account is in ${currency}, balances not checked`,
    };
  }
  const credits = sumMoney(transactions.filter((t) => t.amount.isPositive()).map((t) => t.amount));
  const debits = sumMoney(transactions.filter((t) => t.amount.isNegative()).map((t) => t.amount.neg()));
  const expected: Money = new Dec(opening.amount).plus(credits).minus(debits);
  if (expected.eq(closing.amount)) return { kind: 'ok' };
  return {
    kind: 'mismatch',
    message:
      `statement ${statementName} does not add up: opening balance ${opening.amount.toFixed(2)} + credits ${credits.toFixed(2)} ` +
      `− debits ${debits.toFixed(2)} = ${expected.toFixed(2)}, but the closing balance is ${closing.amount.toFixed(2)} ` +
      `(difference ${new Dec(closing.amount).minus(expected).toFixed(2)})`,
  };
}

/** Applies the policy: refuse (strict) or record a warning. @internal */
export function enforceBalanceCheck(
  check: BalanceCheck,
  policy: 'strict' | 'warn',
  warnings: string[],
  location: BankFormatLocation,
): void {
  if (check.kind === 'not-checked') warnings.push(check.why);
  if (check.kind === 'mismatch') {
    if (policy === 'strict') bankFail('BALANCE_MISMATCH', check.message, location);
    warnings.push(check.message);
  }
}
