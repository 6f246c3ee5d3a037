// Fuzzing readFacturX with byte mutations of Factur-X PDFs built from Fact's CII documents. Each
// PDF costs a worker thread (pdf.js), so this runs FUZZ_PDF_RUNS cases (40 by default, in
// `pnpm test` and `pnpm fuzz` alike) rather than the parsers' 10,000; FUZZ_SEED replays a run.
// (The file-write watch of the parser fuzzers cannot see into the worker thread, so it is not used.)
import { BYTE_MUTATORS, fuzzSeed, mutatedSeeds, type Seed } from '@fact/fuzz-tools';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FacturXError, readFacturX } from '@fact/ubl';
import { ciiTestDocument, facturXPdf } from '@fact/ubl/testing';

const RUNS = Number(process.env.FUZZ_PDF_RUNS ?? 40);

describe('readFacturX under fuzzing', () => {
  it(`answers ${RUNS} mutated Factur-X PDFs with a reading or a FacturXError, each within its time limit`, { timeout: 600_000 }, async () => {
    const seeds: Seed[] = [
      { name: 'facturx-example9.pdf', bytes: await facturXPdf({ xml: ciiTestDocument('cii-example9.xml'), classicXref: true }) },
      { name: 'zugferd-creditnote1.pdf', bytes: await facturXPdf({ xml: ciiTestDocument('cii-creditnote1.xml'), name: 'zugferd-invoice.xml', relationship: 'Data' }) },
    ];
    const cases = fc.sample(mutatedSeeds(seeds, BYTE_MUTATORS), { numRuns: RUNS, seed: fuzzSeed() });
    const outcomes = new Map<string, number>();
    for (const c of cases) {
      let outcome: string;
      try {
        const reading = await readFacturX(c.bytes, { timeoutMs: 8000 });
        outcome = `ok:${reading.kind}`;
      } catch (e) {
        if (!(e instanceof FacturXError)) throw new Error(`${c.recipe}: ${String(e)}`);
        outcome = `FacturXError:${e.code}`;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    console.log(`[fuzz facturx] ${RUNS} cases; outcomes: ${[...outcomes].sort().map(([k, v]) => `${k}=${v}`).join(' ')}`);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // The mutations must reach past the front door: some PDFs still give their invoice.
    expect(outcomes.get('ok:einvoice') ?? 0).toBeGreaterThan(0);
  });
});
