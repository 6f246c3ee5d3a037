// Fuzzing the statement parsers (parseStatementFile → parseCoda / parseCamt053) with mutations
// of the real CODA and camt.053 files of shared/fixtures, read at test time. FUZZ_RUNS cases per
// format (10,000 by default, 100,000 under `pnpm fuzz`); FUZZ_SEED replays a run.
import { Dec, FactError } from '@fact/core';
import {
  BYTE_MUTATORS,
  CODA_MUTATORS,
  FOREIGN_HEADERS,
  XML_MUTATORS,
  billionLaughs,
  deepNesting,
  externalEntity,
  fuzzParser,
  fuzzRuns,
  fuzzSeed,
  mutatedSeeds,
  randomInputs,
  readSeeds,
  watchFileWrites,
  zipBomb,
  type FuzzCase,
} from '@fact/fuzz-tools';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BankFormatError, parseCamt053, parseCoda, parseStatementFile, type BankFormatErrorCode, type BankStatementFile } from '@fact/bank';

// Time limits are CPU budgets: wall time on a shared CI machine counts the suites beside this one.
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const camt = readSeeds(new URL('camt053/', FIXTURES), /\.xml$/);
const coda = readSeeds(new URL('coda/', FIXTURES));
const ubl = readSeeds(new URL('peppol/', FIXTURES), /\.xml$/);
const NS = ' xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"';
const RUNS = fuzzRuns();

const writes = watchFileWrites();
afterAll(() => writes.restore());

/** Half the cases with the balance check in `warn` mode, so mutated amounts get past it into the rest of the file. */
function policyOf(bytes: Uint8Array): 'strict' | 'warn' {
  return bytes.length % 2 === 0 ? 'strict' : 'warn';
}

/** What a parsed file promises, whatever the input: unique dedup keys per statement, whole cents, real dates, statements that add up. */
function checkFile(file: BankStatementFile, policy: 'strict' | 'warn'): void {
  for (const s of file.statements) {
    // Unique per statement. Across two statements of one file they are not (see docs/security.md, findings).
    const keys = s.transactions.map((t) => t.dedupKey);
    expect(new Set(keys).size, `dedup keys are unique within statement ${s.id}`).toBe(keys.length);
    for (const t of s.transactions) {
      expect(t.amount.decimalPlaces(), `${t.dedupKey}: whole cents`).toBeLessThanOrEqual(2);
      expect(t.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const { openingBalance: open, closingBalance: close } = s;
    const sameCurrency = open && close && open.currency === s.currency && close.currency === s.currency && s.transactions.every((t) => t.currency === s.currency);
    if (policy === 'strict' && sameCurrency) {
      const total = s.transactions.reduce((sum, t) => sum.plus(t.amount), new Dec(open.amount));
      expect(total.eq(close.amount), `statement ${s.id} adds up`).toBe(true);
    }
  }
}

function statementFuzz(name: string, seeds: FuzzCase[] | ReturnType<typeof readSeeds>, arbitrary: fc.Arbitrary<FuzzCase>, parse: (bytes: Uint8Array, policy: 'strict' | 'warn') => BankStatementFile) {
  const { run, stats } = fuzzParser({
    name,
    parse: (bytes) => ({ file: parse(bytes, policyOf(bytes)), policy: policyOf(bytes) }),
    allowed: [BankFormatError, FactError],
    writes,
    check: ({ file, policy }) => checkFile(file, policy),
  });
  fc.assert(fc.property(arbitrary, run), { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true });
  console.log(stats.report());
  return stats.summary();
}

describe('statement parsers under fuzzing', () => {
  it('the real fixtures parse (warn mode: the OCA sample does not add up, by design)', () => {
    for (const s of [...camt, ...coda]) {
      if (s.name.includes('wrong')) continue;
      expect(() => parseStatementFile(s.bytes, { balanceCheck: 'warn' }), s.name).not.toThrow();
    }
  });

  it(`CODA: ${RUNS} mutated files give a statement file or a BankFormatError, each within a second, writing nothing`, { timeout: 600_000 }, () => {
    const cases = fc.oneof(
      { weight: 6, arbitrary: mutatedSeeds(coda, CODA_MUTATORS) },
      { weight: 3, arbitrary: mutatedSeeds(coda, BYTE_MUTATORS) },
      { weight: 1, arbitrary: mutatedSeeds([...coda, ...camt], [...BYTE_MUTATORS, ...CODA_MUTATORS]) },
    );
    const summary = statementFuzz('coda', coda, cases, (bytes, balanceCheck) => parseCoda(bytes, { balanceCheck }));
    expect(summary.cases).toBe(RUNS);
    expect(summary.maxMs).toBeLessThan(1000);
    // Reaching past the record-length check: some files parse, some fail on fields and totals.
    expect(summary.outcomes.ok ?? 0).toBeGreaterThan(RUNS / 50);
    expect(Object.keys(summary.outcomes).filter((k) => k.startsWith('BankFormatError:')).length).toBeGreaterThan(4);
  });

  it(`camt.053: ${RUNS} mutated files give a statement file or a BankFormatError, each within a second, writing nothing`, { timeout: 600_000 }, () => {
    const cases = fc.oneof(
      { weight: 6, arbitrary: mutatedSeeds(camt, XML_MUTATORS) },
      { weight: 3, arbitrary: mutatedSeeds(camt, BYTE_MUTATORS) },
      { weight: 1, arbitrary: mutatedSeeds([...camt, ...ubl], [...BYTE_MUTATORS, ...XML_MUTATORS]) },
    );
    const summary = statementFuzz('camt053', camt, cases, (bytes, balanceCheck) => parseCamt053(bytes, { balanceCheck }));
    expect(summary.cases).toBe(RUNS);
    expect(summary.maxMs).toBeLessThan(1000);
    expect(summary.outcomes.ok ?? 0).toBeGreaterThan(RUNS / 50);
  });

  it(`parseStatementFile (format detection): ${Math.ceil(RUNS / 5)} mixed uploads, splices and noise`, { timeout: 600_000 }, () => {
    const cases = fc.oneof(
      mutatedSeeds([...camt, ...coda, ...ubl], [...BYTE_MUTATORS, ...XML_MUTATORS, ...CODA_MUTATORS]),
      randomInputs(2048),
    );
    const { run, stats } = fuzzParser({ name: 'statement-file', parse: (b) => parseStatementFile(b, { balanceCheck: 'warn' }), allowed: [BankFormatError, FactError], writes });
    fc.assert(fc.property(cases, run), { numRuns: Math.ceil(RUNS / 5), seed: fuzzSeed(), endOnFailure: true });
    console.log(stats.report());
    expect(stats.summary().maxMs).toBeLessThan(1000);
  });
});

describe('statement parsers refuse hostile files quickly', () => {
  const cases: [string, string | Uint8Array, BankFormatErrorCode][] = [
    ['billion laughs', billionLaughs('Document', 9, NS), 'XML_DTD_FORBIDDEN'],
    ['XXE reading /etc/passwd', externalEntity('Document', 'file:///etc/passwd', NS), 'XML_DTD_FORBIDDEN'],
    ['XXE to the cloud metadata endpoint', externalEntity('Document', 'http://169.254.169.254/latest/meta-data/', NS), 'XML_DTD_FORBIDDEN'],
    ['100,000 nested elements', deepNesting('Document', 100_000, NS), 'XML_MALFORMED'],
    ['a ZIP bomb (100 MiB inflated)', zipBomb('statement.xml', 100 * 1024 * 1024), 'UNKNOWN_FORMAT'],
    ['a PDF', FOREIGN_HEADERS.pdf!, 'UNKNOWN_FORMAT'],
    ['a PNG', FOREIGN_HEADERS.png!, 'UNKNOWN_FORMAT'],
    ['an ELF binary', FOREIGN_HEADERS.elf!, 'UNKNOWN_FORMAT'],
    ['an HTML page', FOREIGN_HEADERS.html!, 'XML_DTD_FORBIDDEN'],
    ['a UBL invoice (well-formed XML, not camt.053)', ubl[0]!.bytes, 'UNKNOWN_FORMAT'],
    ['an empty file', new Uint8Array(0), 'UNKNOWN_FORMAT'],
  ];

  it.each(cases)('%s', (_name, input, code) => {
    const started = cpuNow();
    let error: unknown;
    try {
      parseStatementFile(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BankFormatError);
    expect((error as BankFormatError).code).toBe(code);
    expect(cpuNow() - started).toBeLessThan(1000);
  });

  it('refuses a file over the size limit before decoding it (51 MiB against the 50 MiB default)', () => {
    const big = new Uint8Array(51 * 1024 * 1024).fill(0x30);
    const started = cpuNow();
    expect(() => parseStatementFile(big)).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
    expect(cpuNow() - started).toBeLessThan(200);
  });

  it('a CODA file given to the camt reader and a camt file given to the CODA reader are refused with a BankFormatError', () => {
    expect(() => parseCamt053(coda[0]!.bytes)).toThrow(BankFormatError);
    expect(() => parseCoda(camt[0]!.bytes)).toThrow(BankFormatError);
  });

  /** Parse time of the CODA fixture grown to `n` extra movements; the file is refused (its totals no longer add up) or read. */
  function codaTime(n: number): { ms: number; mb: number } {
    const lines = Buffer.from(coda[0]!.bytes).toString('latin1').split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('21'));
    const grown = [...lines.slice(0, at), ...Array.from({ length: n }, () => lines[at]!), ...lines.slice(at)].join('\r\n');
    const started = cpuNow();
    try {
      parseCoda(grown);
    } catch (e) {
      expect(e).toBeInstanceOf(BankFormatError);
    }
    return { ms: cpuNow() - started, mb: grown.length / 2 ** 20 };
  }

  /** The same for camt.053: the first entry of the minimal sample repeated `n` times. */
  function camtTime(n: number): { ms: number; mb: number } {
    const text = Buffer.from(camt.find((s) => s.name.endsWith('v2.minimal.xml'))!.bytes).toString('utf8');
    const entry = /<Ntry>[\s\S]*?<\/Ntry>/.exec(text)![0];
    const grown = text.replace(entry, entry.repeat(n));
    const started = cpuNow();
    try {
      parseCamt053(grown, { balanceCheck: 'warn', maxBytes: 64 * 2 ** 20 });
    } catch (e) {
      expect(e).toBeInstanceOf(BankFormatError);
    }
    return { ms: cpuNow() - started, mb: Buffer.byteLength(grown) / 2 ** 20 };
  }

  it('large files cost time in proportion to their size (no quadratic blow-up), measured up to the 10 MiB upload limit of the API', { timeout: 120_000 }, () => {
    // The small size is timed three times and the fastest kept, so a busy machine does not fake a blow-up.
    const small = [codaTime(10_000), codaTime(10_000), codaTime(10_000)].reduce((a, b) => (a.ms <= b.ms ? a : b));
    const large = codaTime(78_000);
    const camtSmall = [camtTime(375), camtTime(375), camtTime(375)].reduce((a, b) => (a.ms <= b.ms ? a : b));
    const camtLarge = camtTime(3_000);
    console.log(
      `[hostile bank] CODA ${small.mb.toFixed(2)} MiB ${small.ms.toFixed(0)} ms, ${large.mb.toFixed(2)} MiB ${large.ms.toFixed(0)} ms; ` +
        `camt ${camtSmall.mb.toFixed(2)} MiB ${camtSmall.ms.toFixed(0)} ms, ${camtLarge.mb.toFixed(2)} MiB ${camtLarge.ms.toFixed(0)} ms`,
    );
    // About 8 times the data: linear is ~8 times as long, quadratic ~64; 24 leaves room for a loaded machine.
    expect(large.ms).toBeLessThan(24 * small.ms + 100);
    expect(camtLarge.ms).toBeLessThan(24 * camtSmall.ms + 100);
  });
});
