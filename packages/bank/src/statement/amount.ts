import type { Money } from '@fact/core';
import { Dec } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';
import type { BankFormatLocation } from '../errors/BankFormatError.js';

/**
 * A transaction amount must be a whole number of cents: the ledger stores cents and a bank never
 * books a fraction of one on a euro account. Refusing beats rounding silently. @internal
 */
export function requireWholeCents(amount: Money, location: BankFormatLocation): Money {
  if (!new Dec(amount).times(100).isInteger()) {
    bankFail('INVALID_AMOUNT', `amount ${amount.toString()} has a fraction of a cent`, location);
  }
  return amount;
}
