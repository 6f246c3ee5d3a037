import { Dec } from '@fact/core';

/** One movement of a generated CODA statement. */
export interface CodaMovement {
  /** Signed decimal: + credit, − debit. */
  readonly amount: string;
  /** A Belgian OGM (12 digits) as structured communication. */
  readonly ogm?: string;
  readonly freeText?: string;
  /** Record 22 positions 64‑98: customer reference / SEPA end-to-end id. */
  readonly endToEndId?: string;
  /** Record 22 position 113: 1 reject, 2 return, 3 refund, 4 reversal, 5 cancellation. */
  readonly rTransaction?: '1' | '2' | '3' | '4' | '5';
  /** Record 22 positions 114‑117: ISO reason return code. */
  readonly returnReason?: string;
  readonly counterpartyIban?: string;
  readonly counterpartyName?: string;
  readonly counterpartyBic?: string;
  readonly bankReference?: string;
}

/** A generated CODA statement (one account, one day). */
export interface CodaStatementSpec {
  /** Belgian IBAN of the account. */
  readonly account: string;
  /** `YYYY-MM-DD` of the movements and the new balance. */
  readonly date: string;
  /** Statement sequence number (3 digits). */
  readonly sequence: string;
  readonly openingBalance: string;
  readonly movements: readonly CodaMovement[];
}

/** A 128-character record with `text` placed at 1-based positions. */
function record(fields: readonly (readonly [number, string])[]): string {
  const chars = Array.from({ length: 128 }, () => ' ');
  for (const [from, text] of fields) for (let i = 0; i < text.length; i++) chars[from - 1 + i] = text[i]!;
  return chars.join('');
}

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
/** 12 positions + 3 implied decimals, and the sign digit (0 credit, 1 debit). */
function codaAmount(value: Dec): [string, string] {
  const thousandths = value.abs().times(1000).toFixed(0);
  return [value.isNegative() ? '1' : '0', thousandths.padStart(15, '0')];
}

/**
 * A valid Febelfin CODA 2 file (records 0, 1, 21, 22, 23, 8, 9; CRLF) for tests: balances and
 * the trailer add up, so the parser accepts it. R-transactions carry their type and reason in
 * record 22 as the standard places them.
 *
 * @example
 * ```ts
 * codaFile({ account: 'BE68539007547034', date: '2025-03-10', sequence: '001', openingBalance: '0', movements: [{ amount: '121.00', ogm: '240283842818' }] });
 * ```
 */
export function codaFile(spec: CodaStatementSpec): string {
  const date = ddmmyy(spec.date);
  const lines: string[] = [];
  lines.push(record([[1, '0'], [2, '0000'], [6, date], [12, '725'], [15, '05'], [25, 'FACTTEST01'], [35, 'FACT TEST'], [61, 'KREDBEBB'], [72, '00403019261'], [84, '00000'], [128, '2']]));
  const opening = new Dec(spec.openingBalance);
  const [oSign, oAmount] = codaAmount(opening);
  lines.push(record([[1, '1'], [2, '2'], [3, spec.sequence], [6, spec.account], [40, 'EUR'], [43, oSign], [44, oAmount], [59, date], [65, 'FACT TEST BV'], [91, 'Zichtrekening'], [126, spec.sequence]]));
  let debits = new Dec(0);
  let credits = new Dec(0);
  spec.movements.forEach((m, i) => {
    const seq = String(i + 1).padStart(4, '0');
    const value = new Dec(m.amount);
    if (value.isNegative()) debits = debits.plus(value.abs());
    else credits = credits.plus(value);
    const [sign, amount] = codaAmount(value);
    const communication = m.ogm ? `101${m.ogm}` : (m.freeText ?? '').slice(0, 53);
    lines.push(record([[1, '21'], [3, seq], [7, '0000'], [11, (m.bankReference ?? `FACT${spec.sequence}${seq}`).slice(0, 21)], [32, sign], [33, amount], [48, date], [54, value.isNegative() ? '10107000' : '00150000'], [62, m.ogm ? '1' : '0'], [63, communication], [116, date], [122, spec.sequence], [125, '0'], [126, '1'], [128, '0']]));
    lines.push(record([[1, '22'], [3, seq], [7, '0000'], [64, (m.endToEndId ?? '').slice(0, 35)], [99, m.counterpartyBic ?? 'GKCCBEBB'], [113, m.rTransaction ?? ' '], [114, m.rTransaction ? (m.returnReason ?? '') : ''], [126, '1'], [128, '0']]));
    lines.push(record([[1, '23'], [3, seq], [7, '0000'], [11, m.counterpartyIban ?? ''], [48, (m.counterpartyName ?? '').slice(0, 35)], [126, '0'], [128, '0']]));
  });
  const closing = opening.plus(credits).minus(debits);
  const [cSign, cAmount] = codaAmount(closing);
  lines.push(record([[1, '8'], [2, spec.sequence], [5, spec.account], [39, 'EUR'], [42, cSign], [43, cAmount], [58, date], [128, '0']]));
  const count = String(lines.length - 1).padStart(6, '0');
  lines.push(record([[1, '9'], [17, count], [23, codaAmount(debits)[1]], [38, codaAmount(credits)[1]], [128, '2']]));
  return `${lines.join('\r\n')}\r\n`;
}
