import { bankFail } from '../errors/BankFormatError.js';
import type { ParseOptions } from '../model/options.js';
import { resolveParseOptions } from '../model/options.js';
import type { BankStatement, BankStatementFile, BankTransaction } from '../model/types.js';
import { checkBalances, enforceBalanceCheck } from '../statement/balanceCheck.js';
import { uniqueKeys } from '../statement/dedup.js';
import type { StatementInput } from '../statement/input.js';
import { inputText } from '../statement/input.js';
import { readBalances } from './balances.js';
import type { ReadEntry } from './entry.js';
import { readEntry } from './entry.js';
import type { Place } from './values.js';
import { inside, locate } from './values.js';
import { at, child, children, parseXmlSafely, textAt } from './xml.js';

/** camt.053 message versions this parser reads; 02, 04 and 08 are tested against real files. */
const SUPPORTED = /^001\.(0[2-9]|1[0-3])$/;

function messageVersion(text: string): string {
  const root = /<(?:[\w.-]+:)?Document\b[^>]*>/.exec(text);
  const ns = root ? /urn:iso:std:iso:20022:tech:xsd:(camt\.\d{3})\.(\d{3}\.\d{2})/.exec(root[0]) : null;
  if (!root) bankFail('UNKNOWN_FORMAT', 'no ISO 20022 <Document> element: this is not a camt.053 statement');
  if (!ns) bankFail('UNSUPPORTED_VERSION', 'the <Document> element has no ISO 20022 camt namespace, so its version is unknown');
  const [, message, version] = ns as unknown as [string, string, string];
  if (message !== 'camt.053') {
    bankFail('UNSUPPORTED_VERSION', `this is a ${message}.${version} message, not a camt.053 bank-to-customer statement`);
  }
  if (!SUPPORTED.test(version)) bankFail('UNSUPPORTED_VERSION', `camt.053.${version} is not supported (001.02 to 001.13 are)`);
  return version;
}

/**
 * Parses an ISO 20022 camt.053 bank-to-customer statement (versions 001.02 to 001.13; tested on
 * 02, 04 and 08), with one or several `Stmt`. XML is read with DTDs and entities refused (XXE,
 * billion laughs). Booked balances are checked per statement when both exist in the account
 * currency; entries not booked (`PDNG`, `INFO`) are left out with a warning.
 *
 * All or nothing: returns the whole file or throws {@link BankFormatError} naming the element.
 *
 * @example
 * ```ts
 * const file = parseCamt053(readFileSync('camt053.xml'));
 * file.statements.map((s) => s.transactions.length);
 * ```
 */
export function parseCamt053(input: StatementInput, options?: ParseOptions): BankStatementFile {
  const opts = resolveParseOptions(options);
  const text = inputText(input, opts.maxBytes);
  const doc = parseXmlSafely(text);
  const version = messageVersion(text);
  const documentNode = child(doc.root, 'Document');
  const statementRoot = child(documentNode, 'BkToCstmrStmt');
  const rootPlace: Place = { doc, path: 'Document/BkToCstmrStmt', node: statementRoot ?? documentNode };
  if (statementRoot === undefined) bankFail('MISSING_ELEMENT', 'Document has no BkToCstmrStmt: not a bank-to-customer statement', locate(rootPlace));
  const stmts = children(statementRoot, 'Stmt');
  if (stmts.length === 0) {
    bankFail('MISSING_ELEMENT', 'BkToCstmrStmt has a group header but no Stmt: the file contains no account statement', locate(rootPlace));
  }
  const warnings: string[] = [];
  const seenKeys = new Map<string, number>();
  let count = 0;
  const statements = stmts.map((stmt, i) => {
    const place = inside(rootPlace, `Stmt[${i + 1}]`, stmt);
    count += children(stmt, 'Ntry').length;
    if (count > opts.maxTransactions) bankFail('FILE_TOO_LARGE', `more than ${opts.maxTransactions} entries`, locate(place));
    return readStatement(place, i, opts.balanceCheck, warnings, seenKeys);
  });
  return { format: 'camt053', version, statements, warnings };
}

function readStatement(
  place: Place,
  index: number,
  policy: 'strict' | 'warn',
  warnings: string[],
  seenKeys: Map<string, number>,
): BankStatement {
  const stmt = place.node;
  const account = (textAt(stmt, 'Acct/Id/IBAN') ?? textAt(stmt, 'Acct/Id/Othr/Id'))?.replace(/\s/g, '').toUpperCase();
  if (account === undefined) bankFail('MISSING_ELEMENT', 'Acct/Id (IBAN or other account id) is missing', locate(place));
  const id = textAt(stmt, 'Id') ?? String(index + 1);
  const sequence = textAt(stmt, 'LglSeqNb') ?? textAt(stmt, 'ElctrncSeqNb');
  const { opening, closing } = readBalances(place);

  const read: ReadEntry[] = children(stmt, 'Ntry').map((ntry, i) => readEntry(inside(place, `Ntry[${i + 1}]`, ntry)));
  for (const r of read) warnings.push(...r.warnings);
  // Keys from the entry's place in the file (all entries counted), so a re-sent statement with an
  // extra pending entry keeps the keys of the booked ones.
  const statementKey = `${account}:${id}`;
  const allKeys = uniqueKeys(
    read.map((r, i) =>
      r.bankReference !== undefined ? `camt:${account}:ref:${r.bankReference}` : `camt:${statementKey}:${r.entryReference ?? `#${i + 1}`}`,
    ),
    warnings,
    seenKeys,
  );
  const booked = read.map((r, i) => ({ r, key: allKeys[i] ?? '' })).filter(({ r }) => r.booked);
  if (booked.length < read.length) {
    const statuses = [...new Set(read.filter((r) => !r.booked).map((r) => r.status))].join(', ');
    warnings.push(`statement ${id}: ${read.length - booked.length} entries not booked (${statuses}) left out`);
  }
  const entryCurrencies = [...new Set(booked.map(({ r }) => r.transaction.currency))];
  const currency = textAt(stmt, 'Acct/Ccy') ?? entryCurrencies[0] ?? opening?.currency ?? closing?.currency;
  if (currency === undefined) bankFail('MISSING_ELEMENT', 'the account currency cannot be told (no Acct/Ccy, no entries, no balances)', locate(place));
  const foreign = entryCurrencies.filter((c) => c !== currency);
  if (foreign.length > 0) {
    bankFail('CURRENCY_MISMATCH', `statement ${id} of a ${currency} account has entries in ${foreign.join(', ')}`, locate(place));
  }
  const transactions: BankTransaction[] = booked.map(({ r, key }) => ({ dedupKey: key, ...r.transaction }));
  const check = checkBalances(id, opening, closing, transactions, currency);
  enforceBalanceCheck(check, policy, warnings, locate(inside(place, 'Bal', at(stmt, 'Bal'))));
  return {
    id,
    accountIban: account,
    currency,
    ...(sequence ? { sequence } : {}),
    ...(opening ? { openingBalance: opening } : {}),
    ...(closing ? { closingBalance: closing } : {}),
    transactions,
  };
}
