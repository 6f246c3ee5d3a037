// Fuzzing parseCii (and validateUbl on what it accepts) with mutations of Fact's own CII test
// documents (test/cii, restating EN 16931 examples), splices with the real UBL and bank fixtures,
// and noise. FUZZ_RUNS cases (10,000 by default, 100,000 under `pnpm fuzz`); FUZZ_SEED replays a
// run. See docs/security.md for the results.
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
import { CiiParseError, parseCii, validateUbl, type CiiErrorCode } from '@fact/ubl';

// Time limits are CPU budgets: wall time on a shared CI machine counts the suites beside this one.
const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);
const seeds = readSeeds(new URL('./cii/', import.meta.url), /\.xml$/);
const foreign = [...readSeeds(new URL('en16931/', FIXTURES), /\.xml$/), ...readSeeds(new URL('camt053/', FIXTURES), /\.xml$/), ...readSeeds(new URL('coda/', FIXTURES))];
const CII_NS = ' xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"';
const RUNS = fuzzRuns();

const writes = watchFileWrites();
afterAll(() => writes.restore());

/** Mostly XML-aware mutations of CII invoices, then byte-level ones, splices with UBL and bank files, noise. */
const cases: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: mutatedSeeds(seeds, XML_MUTATORS) },
  { weight: 3, arbitrary: mutatedSeeds(seeds, BYTE_MUTATORS) },
  { weight: 1, arbitrary: mutatedSeeds([...seeds, ...foreign], [...BYTE_MUTATORS, ...XML_MUTATORS]) },
  { weight: 1, arbitrary: randomInputs(2048) },
);

function parseAndValidate(bytes: Uint8Array) {
  const doc = parseCii(bytes);
  return { doc, validation: validateUbl(doc) };
}

function refusal(input: string | Uint8Array): { error: CiiParseError; ms: number } {
  const started = cpuNow();
  try {
    parseCii(input);
  } catch (e) {
    const ms = cpuNow() - started;
    if (e instanceof CiiParseError) return { error: e, ms };
    throw e;
  }
  throw new Error('parseCii accepted a hostile document');
}

describe('parseCii under fuzzing', () => {
  it('every CII test document parses (the seeds are valid inputs)', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    for (const s of seeds) expect(() => parseCii(s.bytes), s.name).not.toThrow();
  });

  it(`answers ${RUNS} mutated documents with a document or a CiiParseError, each within a second, writing nothing`, { timeout: 600_000 }, () => {
    const { run, stats } = fuzzParser({
      name: 'cii',
      parse: parseAndValidate,
      allowed: [CiiParseError, FactError],
      writes,
      check: ({ doc, validation }) => {
        expect(doc.syntax).toBe('cii');
        for (const f of validation.findings) {
          expect(f.rule).toMatch(/\S/);
          // Every finding names a CII element, never a UBL one.
          expect(f.element).toMatch(/^\/rsm:CrossIndustryInvoice/);
        }
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
    expect(summary.outcomes['CiiParseError:CII_INVALID_VALUE'] ?? 0).toBeGreaterThan(0);
  });
});

describe('parseCii refuses hostile documents quickly', () => {
  const hostile: [string, string | Uint8Array, CiiErrorCode][] = [
    ['billion laughs (10^9 expansions)', billionLaughs('rsm:CrossIndustryInvoice', 9, CII_NS), 'CII_UNSAFE_XML'],
    ['XXE reading /etc/passwd', externalEntity('rsm:CrossIndustryInvoice', 'file:///etc/passwd', CII_NS), 'CII_UNSAFE_XML'],
    ['XXE to the cloud metadata endpoint', externalEntity('rsm:CrossIndustryInvoice', 'http://169.254.169.254/latest/meta-data/', CII_NS), 'CII_UNSAFE_XML'],
    ['an undeclared entity reference', `<rsm:CrossIndustryInvoice${CII_NS}><rsm:ExchangedDocument xmlns:ram="urn:x"><ram:ID>&xxe;</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>`, 'CII_UNSAFE_XML'],
    ['100,000 nested elements', deepNesting('rsm:CrossIndustryInvoice', 100_000, CII_NS), 'CII_MALFORMED'],
    ['a ZIP bomb (100 MiB inflated) uploaded as XML', zipBomb('factur-x.xml', 100 * 1024 * 1024), 'CII_MALFORMED'],
    ['a PDF', FOREIGN_HEADERS.pdf!, 'CII_MALFORMED'],
    ['a UBL invoice (well-formed, not CII)', foreign.find((s) => s.name.startsWith('en16931/'))!.bytes, 'CII_NOT_CII'],
    ['a camt.053 statement (well-formed, not CII)', foreign.find((s) => s.name.startsWith('camt053/'))!.bytes, 'CII_NOT_CII'],
  ];

  it.each(hostile)('%s', (_name, input, code) => {
    const { error, ms } = refusal(input);
    expect(error.code).toBe(code);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a document over the size limit before reading it (21 MiB against the 20 MiB default)', () => {
    const { error, ms } = refusal(new Uint8Array(21 * 1024 * 1024).fill(0x20));
    expect(error.code).toBe('CII_TOO_LARGE');
    expect(ms).toBeLessThan(100);
  });
});
