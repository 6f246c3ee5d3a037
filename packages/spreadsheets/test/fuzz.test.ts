// Fuzzing the CSV reader and the invoice and debtor imports. There is no CSV among the shared
// fixtures, so the seed files are built at test time from the real invoices of
// shared/fixtures/peppol and en16931 (number, buyer, dates, amounts, VAT number, IBAN), written
// the ways BE/NL spreadsheets write them, then mutated. FUZZ_RUNS cases (10,000 by default,
// 100,000 under `pnpm fuzz`); FUZZ_SEED replays a run.
import { FactError } from '@fact/core';
import {
  BYTE_MUTATORS,
  CSV_MUTATORS,
  FOREIGN_HEADERS,
  fuzzParser,
  fuzzRuns,
  fuzzSeed,
  mutatedSeeds,
  randomInputs,
  readSeeds,
  watchFileWrites,
  zipBomb,
  type FuzzCase,
  type Seed,
} from '@fact/fuzz-tools';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SpreadsheetError,
  importDebtorsCsv,
  importInvoicesCsv,
  readCsv,
  type ImportResult,
  type InvoiceImportOptions,
  type SpreadsheetErrorCode,
} from '@fact/spreadsheets';

// Time limits are CPU budgets: wall time on a shared CI machine counts the suites beside this one.
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const invoices = [...readSeeds(new URL('peppol/', FIXTURES), /\.xml$/), ...readSeeds(new URL('en16931/', FIXTURES), /\.xml$/)];
const RUNS = fuzzRuns();

const writes = watchFileWrites();
afterAll(() => writes.restore());

/** The first text of an element in a UBL file, or a fallback. */
function first(xml: string, pattern: RegExp, fallback: string): string {
  return pattern.exec(xml)?.[1]?.trim() ?? fallback;
}

/** One row per real invoice: the fields an accountant's export would hold. */
const facts = invoices.map(({ bytes }) => {
  const xml = Buffer.from(bytes).toString('utf8');
  const buyer = /<cac:AccountingCustomerParty>([\s\S]*?)<\/cac:AccountingCustomerParty>/.exec(xml)?.[1] ?? '';
  return {
    number: first(xml, /<cbc:ID>([^<]*)<\/cbc:ID>/, 'F1'),
    buyer: first(buyer, /<cbc:RegistrationName>([^<]*)</, first(buyer, /<cbc:Name>([^<]*)</, 'Klant')),
    vat: first(buyer, /<cbc:CompanyID[^>]*>([^<]*)</, ''),
    issue: first(xml, /<cbc:IssueDate>([^<]*)</, '2025-01-01'),
    due: first(xml, /<cbc:DueDate>([^<]*)</, first(xml, /<cbc:IssueDate>([^<]*)</, '2025-01-31')),
    total: first(xml, /<cbc:PayableAmount[^>]*>([^<]*)</, '0.00'),
    tax: first(xml, /<cbc:TaxAmount[^>]*>([^<]*)</, '0.00'),
    currency: first(xml, /<cbc:DocumentCurrencyCode>([^<]*)</, 'EUR'),
    iban: first(xml, /<cac:PayeeFinancialAccount>\s*<cbc:ID>([^<]*)</, ''),
  };
});

const quote = (cell: string, sep: string) => (/["\n]/.test(cell) || cell.includes(sep) ? `"${cell.replace(/"/g, '""')}"` : cell);
const beDate = (iso: string) => iso.split('-').reverse().join('/');
const beAmount = (n: string) => n.replace('.', ',');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The seed files: Belgian style (`;`, `1234,56`, DD/MM/YYYY, CRLF, BOM), international (`,`, ISO dates), tab-separated, Windows-1252, debtors. */
const seeds: Seed[] = [
  {
    name: 'invoices-be.csv',
    bytes: utf8(
      '\uFEFFFactuurnr;Klant;Datum;Vervaldatum;Bedrag;BTW;Munt;BTW-nummer;IBAN\r\n' +
        facts.map((f) => [f.number, f.buyer, beDate(f.issue), beDate(f.due), beAmount(f.total), beAmount(f.tax), f.currency, f.vat, f.iban].map((c) => quote(c, ';')).join(';')).join('\r\n') +
        '\r\n',
    ),
  },
  {
    name: 'invoices-intl.csv',
    bytes: utf8(
      'Factuurnr,Klant,Datum,Vervaldatum,Bedrag,BTW,Munt,BTW-nummer,IBAN\n' +
        facts.map((f) => [f.number, f.buyer, f.issue, f.due, f.total, f.tax, f.currency, f.vat, f.iban].map((c) => quote(c, ',')).join(',')).join('\n'),
    ),
  },
  {
    name: 'invoices-tab.csv',
    bytes: utf8('Factuurnr\tKlant\tDatum\tVervaldatum\tBedrag\n' + facts.map((f) => [f.number, f.buyer, f.issue, f.due, f.total].join('\t')).join('\n') + '\n'),
  },
  {
    name: 'debtors-be-1252.csv',
    bytes: new Uint8Array(Buffer.from('Klant;BTW-nummer;IBAN;Taal;Gemeente\r\n' + facts.map((f) => [f.buyer, f.vat, f.iban, 'nl', 'Liège'].map((c) => quote(c, ';')).join(';')).join('\r\n'), 'latin1')),
  },
];

const invoiceMapping = { invoiceNumber: 'Factuurnr', debtorName: 'Klant', issueDate: 'Datum', dueDate: 'Vervaldatum', total: 'Bedrag', vat: 'BTW', currency: 'Munt', debtorVat: 'BTW-nummer', debtorIban: 'IBAN' };

/** Options follow the seed's style, told from the bytes themselves so a case replays alone. */
function optionsFor(bytes: Uint8Array): InvoiceImportOptions {
  const belgian = bytes.includes(0x3b);
  return {
    mapping: invoiceMapping,
    decimalSeparator: belgian ? ',' : '.',
    dateFormat: belgian ? 'DD/MM/YYYY' : 'YYYY-MM-DD',
    encoding: bytes.length % 3 === 0 ? 'windows-1252' : 'utf-8',
  };
}

/** What every import result promises: line numbers that point into the file, whole cents, real dates. */
function checkResult(result: ImportResult<{ line: number }>): void {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e.message).toContain(`line ${e.line}`);
    return;
  }
  let last = 1;
  for (const row of result.rows) {
    expect(row.line).toBeGreaterThan(last);
    last = row.line;
    const r = row as { total?: { decimalPlaces(): number }; issueDate?: string };
    if (r.total) expect(r.total.decimalPlaces()).toBeLessThanOrEqual(2);
    if (r.issueDate) expect(r.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

function importEverything(bytes: Uint8Array) {
  const options = optionsFor(bytes);
  const invoices = importInvoicesCsv(bytes, options);
  checkResult(invoices);
  const debtors = importDebtorsCsv(bytes, { mapping: { name: 'Klant', vatNumber: 'BTW-nummer', iban: 'IBAN', language: 'Taal', city: 'Gemeente' }, defaultKind: 'business', defaultCountry: 'BE', defaultLanguage: 'nl', encoding: options.encoding ?? 'utf-8' });
  checkResult(debtors);
  return { invoices: invoices.ok ? invoices.rows.length : -invoices.errors.length, debtors: debtors.ok };
}

const cases: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeeds(seeds, CSV_MUTATORS) },
  { weight: 4, arbitrary: mutatedSeeds(seeds, BYTE_MUTATORS) },
  { weight: 1, arbitrary: randomInputs(1024) },
);

describe('CSV imports under fuzzing', () => {
  it('the seed files built from the real invoices import cleanly (they reach the row checks)', () => {
    const be = importInvoicesCsv(seeds[0]!.bytes, optionsFor(seeds[0]!.bytes));
    const intl = importInvoicesCsv(seeds[1]!.bytes, optionsFor(seeds[1]!.bytes));
    expect(readCsv(seeds[0]!.bytes).rows).toHaveLength(invoices.length);
    // Some real examples carry foreign VAT numbers or IBAN-less payees, so errors are allowed; the point is rows are read.
    expect(be.ok ? be.rows.length : be.errors.length).toBeGreaterThan(0);
    expect(intl.ok ? intl.rows.length : intl.errors.length).toBeGreaterThan(0);
  });

  it(`answers ${RUNS} mutated files with a result or a SpreadsheetError, each within a second, writing nothing`, { timeout: 600_000 }, () => {
    const { run, stats } = fuzzParser({ name: 'csv', parse: importEverything, allowed: [SpreadsheetError, FactError], writes });
    fc.assert(fc.property(cases, run), { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true });
    const summary = stats.summary();
    console.log(stats.report());
    expect(summary.cases).toBe(RUNS);
    expect(summary.maxMs).toBeLessThan(1000);
    expect(summary.outcomes.ok ?? 0).toBeGreaterThan(RUNS / 4);
  });
});

describe('CSV imports refuse hostile files quickly', () => {
  /** A code: refused whole with that SpreadsheetError; 'bad cells': read, but the result lists problems and holds no row. */
  const refusals: [string, Uint8Array | string, SpreadsheetErrorCode | 'bad cells'][] = [
    ['a ZIP bomb (an .xlsx-like archive, 100 MiB inflated) uploaded as CSV', zipBomb('xl/worksheets/sheet1.xml', 100 * 1024 * 1024), 'INVALID_CSV'],
    ['a PDF (its header is valid UTF-8 text)', FOREIGN_HEADERS.pdf!, 'bad cells'],
    ['a PNG', FOREIGN_HEADERS.png!, 'INVALID_ENCODING'],
    ['an ELF binary', FOREIGN_HEADERS.elf!, 'INVALID_ENCODING'],
    ['UTF-16 without a byte-order mark', new Uint8Array(Buffer.from('Factuurnr;Klant\r\nF1;Jansen\r\n', 'utf16le')), 'INVALID_ENCODING'],
    ['an unclosed quote running over 5 MiB', `Factuurnr;Klant\r\n"${'x'.repeat(5 * 1024 * 1024)}`, 'INVALID_CSV'],
    ['11 MiB against the 10 MiB default', new Uint8Array(11 * 1024 * 1024).fill(0x41), 'FILE_TOO_LARGE'],
    ['50,001 rows against the 50,000 default', `Factuurnr;Klant\n${'F1;J\n'.repeat(50_001)}`, 'FILE_TOO_LARGE'],
  ];

  it.each(refusals)('%s', (_name, input, code) => {
    const started = cpuNow();
    let error: unknown;
    let result: ImportResult<unknown> | undefined;
    try {
      result = importInvoicesCsv(input, optionsFor(typeof input === 'string' ? utf8(input.slice(0, 100)) : input));
    } catch (e) {
      error = e;
    }
    const ms = cpuNow() - started;
    if (code === 'bad cells') {
      expect(result?.ok).toBe(false);
    } else {
      expect(error).toBeInstanceOf(SpreadsheetError);
      expect((error as SpreadsheetError).code).toBe(code);
    }
    expect(ms).toBeLessThan(1000);
  });

  it('a header of 20,000 columns and a 5 MiB cell are answered within a second', () => {
    for (const input of [`${'Kolom;'.repeat(20_000)}\nx\n`, `Factuurnr;Klant\nF1;${'y'.repeat(5 * 1024 * 1024)}\n`]) {
      const started = cpuNow();
      try {
        importInvoicesCsv(input, optionsFor(utf8(';')));
      } catch (e) {
        expect(e).toBeInstanceOf(SpreadsheetError);
      }
      expect(cpuNow() - started).toBeLessThan(1000);
    }
  });

  it('a UBL invoice and a CODA file uploaded as CSV give a result listing bad cells or a SpreadsheetError, never a crash', () => {
    for (const other of [invoices[0]!.bytes, ...readSeeds(new URL('coda/', FIXTURES)).map((s) => s.bytes)]) {
      try {
        const result = importInvoicesCsv(other, optionsFor(other));
        expect(result.ok).toBe(false);
      } catch (e) {
        expect(e).toBeInstanceOf(SpreadsheetError);
      }
    }
  });

  /** Import time of a file of `n` rows in which every cell is wrong (the most error objects per byte). */
  function badRowsTime(n: number): number {
    const text = `Factuurnr;Klant;Datum;Vervaldatum;Bedrag;BTW;Munt;BTW-nummer;IBAN\n${'x;;z;w;v;u;t;s;r\n'.repeat(n)}`;
    const started = cpuNow();
    const result = importInvoicesCsv(text, optionsFor(utf8(';')));
    expect(result.ok).toBe(false);
    return cpuNow() - started;
  }

  it('a file of bad rows costs time in proportion to its rows (no quadratic blow-up)', { timeout: 120_000 }, () => {
    // The small size is timed three times and the fastest kept, so a busy machine does not fake a blow-up.
    const small = Math.min(badRowsTime(2_500), badRowsTime(2_500), badRowsTime(2_500));
    const large = badRowsTime(20_000);
    console.log(`[hostile csv] every cell wrong: 2,500 rows ${small.toFixed(0)} ms, 20,000 rows ${large.toFixed(0)} ms`);
    // 8 times the rows: linear is ~8 times as long, quadratic ~64; 24 leaves room for a loaded machine.
    expect(large).toBeLessThan(24 * small + 100);
  });
});
