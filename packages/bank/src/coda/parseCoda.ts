import type { Money } from '@fact/core';
import { Dec } from '@fact/core';
import { bankFail } from '../errors/BankFormatError.js';
import type { Balance, BankStatement, BankStatementFile, BankTransaction } from '../model/types.js';
import type { ParseOptions } from '../model/options.js';
import { resolveParseOptions } from '../model/options.js';
import { checkBalances, enforceBalanceCheck } from '../statement/balanceCheck.js';
import { uniqueKeys } from '../statement/dedup.js';
import type { StatementInput } from '../statement/input.js';
import { inputText } from '../statement/input.js';
import { codaAccount } from './account.js';
import type { CodaLine } from './fields.js';
import { digits, field, requiredCodaDate, signedAmount, unsignedAmount } from './fields.js';
import type { Movement, MovementPart } from './movement.js';
import { addRecord22, addRecord23, movementToTransaction, readMovementRecord } from './movement.js';

const RECORD_TYPES = new Set(['0', '1', '21', '22', '23', '31', '32', '33', '4', '8', '9']);

interface OpenStatement {
  readonly line: number;
  readonly structure: string;
  readonly sequence: string;
  readonly account: string;
  readonly currency: string;
  readonly opening: Balance;
  readonly movements: Movement[];
  lastPart: MovementPart | undefined;
}

interface Block {
  records: number;
  debits: Money;
  credits: Money;
}

function recordType(rec: CodaLine): string {
  const first = rec.text.charAt(0);
  const type = first === '2' || first === '3' ? rec.text.slice(0, 2) : first;
  if (!RECORD_TYPES.has(type)) {
    bankFail('CODA_UNKNOWN_RECORD', `unknown record type "${type}" (CODA has 0, 1, 21, 22, 23, 31, 32, 33, 4, 8 and 9)`, { line: rec.line });
  }
  return type;
}

function splitRecords(text: string): CodaLine[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) bankFail('UNKNOWN_FORMAT', 'the file is empty');
  return lines.map((line, i) => {
    if (line.length !== 128) {
      bankFail('CODA_LINE_LENGTH', `record is ${line.length} characters long, a CODA record has 128`, { line: i + 1 });
    }
    return { text: line, line: i + 1 };
  });
}

/**
 * Parses a Belgian CODA file (Febelfin "Coded statement of account", version 2): records of 128
 * characters, CRLF or LF, ISO-8859-1 or UTF-8. Checks every statement (old balance + credits −
 * debits = new balance) and the trailer (record count, total debits, total credits). Detail
 * records of a globalised movement become `batch.details` and are not counted twice.
 *
 * All or nothing: returns the whole file or throws {@link BankFormatError} with the line number.
 *
 * @example
 * ```ts
 * const file = parseCoda(readFileSync('statement.cod'));
 * file.statements[0]?.transactions[1]?.remittance.structured; // { scheme: 'ogm', reference: '240283842818' }
 * ```
 */
export function parseCoda(input: StatementInput, options?: ParseOptions): BankStatementFile {
  const opts = resolveParseOptions(options);
  const records = splitRecords(inputText(input, opts.maxBytes));
  const warnings: string[] = [];
  const statements: BankStatement[] = [];
  let version: string | undefined;
  let block: Block | undefined;
  let open: OpenStatement | undefined;
  let movementCount = 0;

  for (const rec of records) {
    const type = recordType(rec);
    if (type === '0') {
      if (block) bankFail('CODA_STRUCTURE', 'a new header record (0) before the trailer (9) of the previous file', { line: rec.line });
      if (field(rec, 128, 128) !== '2') {
        bankFail('UNSUPPORTED_VERSION', `CODA version code (position 128) is "${field(rec, 128, 128)}"; only version 2 is supported`, { line: rec.line });
      }
      version = '2';
      if (field(rec, 17, 17) === 'D') warnings.push(`line ${rec.line}: the bank marks this file as a duplicate`);
      block = { records: 0, debits: new Dec(0), credits: new Dec(0) };
      continue;
    }
    if (!block) bankFail('CODA_STRUCTURE', `record ${type} before the header record (0)`, { line: rec.line });
    if (type === '9') {
      if (open) bankFail('CODA_STRUCTURE', `statement ${open.sequence} has no new balance record (8) before the trailer`, { line: rec.line });
      checkTrailer(rec, block);
      block = undefined;
      continue;
    }
    block.records++;
    if (type === '1') {
      if (open) bankFail('CODA_STRUCTURE', `statement ${open.sequence} has no new balance record (8)`, { line: rec.line });
      const structure = field(rec, 2, 2);
      const { account, currency } = codaAccount(rec, structure, 6);
      open = {
        line: rec.line,
        structure,
        sequence: digits(rec, 3, 5, 'statement sequence number'),
        account,
        currency,
        opening: { amount: signedAmount(rec, 43, 44, 'old balance'), currency, date: requiredCodaDate(rec, 59, 'old balance date') },
        movements: [],
        lastPart: undefined,
      };
      continue;
    }
    if (!open) bankFail('CODA_STRUCTURE', `record ${type} outside a statement (no old balance record 1 before it)`, { line: rec.line });
    if (type === '21') {
      const part = readMovementRecord(rec);
      if (part.detail === '0000') {
        open.movements.push({ main: part, details: [] });
        movementCount++;
        if (movementCount > opts.maxTransactions) bankFail('FILE_TOO_LARGE', `more than ${opts.maxTransactions} movements`, { line: rec.line });
        if (part.amount.isNegative()) block.debits = block.debits.plus(part.amount.neg());
        else block.credits = block.credits.plus(part.amount);
      } else {
        const owner = open.movements[open.movements.length - 1];
        if (!owner || owner.main.sequence !== part.sequence) {
          bankFail('CODA_STRUCTURE', `detail ${part.detail} of movement ${part.sequence} has no movement record (detail 0000) before it`, { line: rec.line });
        }
        owner.details.push(part);
      }
      open.lastPart = part;
    } else if (type === '22' || type === '23') {
      const part = open.lastPart;
      const sequence = field(rec, 3, 6);
      if (!part || part.sequence !== sequence) {
        bankFail('CODA_STRUCTURE', `record ${type} of movement ${sequence} does not follow its record 21`, { line: rec.line });
      }
      if (type === '22') addRecord22(part, rec);
      else addRecord23(part, rec);
    } else if (type === '8') {
      statements.push(closeStatement(open, rec, opts.balanceCheck, warnings));
      open = undefined;
    }
    // 31/32/33 (information) and 4 (free message) carry nothing the ledger needs.
  }
  if (open) bankFail('CODA_STRUCTURE', `the file ends inside statement ${open.sequence} (no new balance record 8)`, { line: open.line });
  if (block) bankFail('CODA_STRUCTURE', 'the file ends without a trailer record (9)', { line: records.length });
  return { format: 'coda', version: version ?? '2', statements, warnings };
}

function closeStatement(open: OpenStatement, rec: CodaLine, policy: 'strict' | 'warn', warnings: string[]): BankStatement {
  const { account, currency } = codaAccount(rec, open.structure, 5);
  const closing: Balance = { amount: signedAmount(rec, 42, 43, 'new balance'), currency, date: requiredCodaDate(rec, 58, 'new balance date') };
  const sequence = digits(rec, 2, 4, 'statement sequence number');
  if (account !== open.account || sequence !== open.sequence) {
    warnings.push(
      `line ${rec.line}: the new balance record names account ${account} (statement ${sequence}) but the old balance record ` +
        `(line ${open.line}) names ${open.account} (statement ${open.sequence}); the movements are kept on ${open.account}`,
    );
  }
  if (currency !== open.currency) {
    bankFail('CURRENCY_MISMATCH', `new balance in ${currency}, old balance in ${open.currency}`, { line: rec.line });
  }
  const keys = uniqueKeys(
    open.movements.map((m) => `coda:${open.account}:${closing.date}:${open.sequence}:${m.main.sequence}`),
    warnings,
  );
  const transactions: BankTransaction[] = open.movements.map((m, i) => {
    const detailSum = m.details.reduce((sum, d) => sum.plus(d.amount), new Dec(0));
    if (m.details.length > 0 && !detailSum.eq(m.main.amount)) {
      warnings.push(`line ${m.main.line}: the details of movement ${m.main.sequence} add up to ${detailSum.toFixed(2)}, the movement is ${m.main.amount.toFixed(2)}`);
    }
    return movementToTransaction(m, keys[i] ?? '', open.currency);
  });
  const check = checkBalances(open.sequence, open.opening, closing, transactions, open.currency);
  enforceBalanceCheck(check, policy, warnings, { line: rec.line });
  return {
    id: open.sequence,
    accountIban: open.account,
    currency: open.currency,
    sequence: open.sequence,
    openingBalance: open.opening,
    closingBalance: closing,
    transactions,
  };
}

function checkTrailer(rec: CodaLine, block: Block): void {
  const count = Number(digits(rec, 17, 22, 'number of records'));
  const debits = unsignedAmount(rec, 23, 'total debits');
  const credits = unsignedAmount(rec, 38, 'total credits');
  const problems: string[] = [];
  if (count !== block.records) problems.push(`${count} records announced, ${block.records} found`);
  if (!debits.eq(block.debits)) problems.push(`total debits ${debits.toFixed(2)} announced, movements add up to ${block.debits.toFixed(2)}`);
  if (!credits.eq(block.credits)) problems.push(`total credits ${credits.toFixed(2)} announced, movements add up to ${block.credits.toFixed(2)}`);
  if (problems.length > 0) bankFail('TRAILER_MISMATCH', `the trailer (record 9) disagrees with the file: ${problems.join('; ')}`, { line: rec.line });
}
