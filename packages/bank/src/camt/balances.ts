import type { Balance } from '../model/types.js';
import type { Place } from './values.js';
import { amountAt, dateAt, inside, signAt } from './values.js';
import { children, textAt } from './xml.js';

/** The booked opening and closing balances of a statement. @internal */
export interface StatementBalances {
  readonly opening?: Balance;
  readonly closing?: Balance;
}

/**
 * Picks the booked balances: `OPBD` (opening booked), or else `PRCD` (previous closing booked,
 * which some banks send instead), and `CLBD` (closing booked). Available balances (`OPAV`,
 * `CLAV`, `FWAV`) and interim ones say what may be spent, not what was booked: they are ignored.
 * @internal
 */
export function readBalances(stmt: Place): StatementBalances {
  const found = new Map<string, Balance>();
  children(stmt.node, 'Bal').forEach((bal, i) => {
    const code = textAt(bal, 'Tp/CdOrPrtry/Cd');
    if (code !== 'OPBD' && code !== 'PRCD' && code !== 'CLBD') return;
    if (found.has(code)) return;
    const place = inside(stmt, `Bal[${i + 1}]`, bal);
    const { amount, currency } = amountAt(place, 'Amt', true);
    const sign = signAt(place, 'CdtDbtInd');
    const date = dateAt(place, 'Dt');
    if (date === undefined) return;
    found.set(code, { amount: sign === 1 ? amount : amount.neg(), currency, date });
  });
  const opening = found.get('OPBD') ?? found.get('PRCD');
  const closing = found.get('CLBD');
  return { ...(opening ? { opening } : {}), ...(closing ? { closing } : {}) };
}
