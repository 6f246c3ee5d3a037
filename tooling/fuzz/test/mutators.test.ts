import { describe, expect, it } from 'vitest';
import {
  BYTE_MUTATORS,
  CODA_MUTATORS,
  CSV_MUTATORS,
  Rng,
  XML_MUTATORS,
  billionLaughs,
  codaFieldEdit,
  doctypeInjection,
  fuzzRuns,
  fuzzSeed,
  mutate,
  nestingBomb,
  splice,
  zipBomb,
} from '@fact/fuzz-tools';
import { inflateRawSync } from 'node:zlib';

const xml = new TextEncoder().encode('<?xml version="1.0"?>\n<Invoice xmlns="urn:x"><cbc:ID>F1</cbc:ID><Amt Ccy="EUR">12.50</Amt><Note>é</Note></Invoice>');
const coda = new TextEncoder().encode(['0'.repeat(128), `21${'1'.repeat(126)}`, `9${'9'.repeat(127)}`].join('\r\n'));
const csv = new TextEncoder().encode('Factuurnr;Klant;Bedrag\r\nF1;Jansen;12,50\r\n');
const all = [...BYTE_MUTATORS, ...XML_MUTATORS, ...CODA_MUTATORS, ...CSV_MUTATORS];

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.int(1000))(new Rng(1)));
    const b = Array.from({ length: 5 }, ((r) => () => r.int(1000))(new Rng(1)));
    const c = Array.from({ length: 5 }, ((r) => () => r.int(1000))(new Rng(2)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((n) => n >= 0 && n < 1000)).toBe(true);
  });
});

describe('mutation operators', () => {
  it.each(all.map((m) => [m.name, m] as const))('%s is deterministic, leaves its input alone and changes something for some seed', (_name, m) => {
    for (const input of [xml, coda, csv]) {
      const before = new Uint8Array(input);
      const once = m.apply(input, new Rng(9), csv);
      expect(m.apply(input, new Rng(9), csv)).toEqual(once);
      expect(input).toEqual(before);
    }
    const changed = Array.from({ length: 30 }, (_, seed) => m.apply(xml, new Rng(seed), coda)).some((out) => Buffer.compare(out, xml) !== 0);
    const changedCoda = Array.from({ length: 30 }, (_, seed) => m.apply(coda, new Rng(seed), csv)).some((out) => Buffer.compare(out, coda) !== 0);
    const changedCsv = Array.from({ length: 30 }, (_, seed) => m.apply(csv, new Rng(seed), xml)).some((out) => Buffer.compare(out, csv) !== 0);
    expect(changed || changedCoda || changedCsv).toBe(true);
  });

  it('doctypeInjection puts the declaration after the XML declaration', () => {
    const out = Buffer.from(doctypeInjection.apply(xml, new Rng(1), xml)).toString('latin1');
    expect(out).toMatch(/^<\?xml version="1.0"\?><!(DOCTYPE|doctype) r/);
  });

  it('nestingBomb nests at least ten elements', () => {
    const out = Buffer.from(nestingBomb.apply(xml, new Rng(3), xml)).toString('latin1');
    expect(out).toContain('<a>'.repeat(10));
  });

  it('codaFieldEdit keeps every record 128 characters long', () => {
    for (let seed = 0; seed < 50; seed++) {
      const out = Buffer.from(codaFieldEdit.apply(coda, new Rng(seed), coda)).toString('latin1');
      expect(out.split('\r\n').map((l) => l.length)).toEqual([128, 128, 128]);
    }
  });

  it('splice joins the head of one input to the tail of the other', () => {
    const out = Buffer.from(splice.apply(new TextEncoder().encode('AAAA'), new Rng(5), new TextEncoder().encode('BBBB'))).toString();
    expect(out).toMatch(/^A*B*$/);
  });

  it('mutate applies the requested number of operators, deterministically', () => {
    const one = mutate(xml, { seed: 11, count: 4, mutators: XML_MUTATORS });
    expect(one.applied).toHaveLength(4);
    expect(mutate(xml, { seed: 11, count: 4, mutators: XML_MUTATORS })).toEqual(one);
  });
});

describe('hostile inputs', () => {
  it('billionLaughs declares ten levels of ten references', () => {
    const bomb = billionLaughs('Invoice', 9);
    expect(bomb.match(/<!ENTITY/g)).toHaveLength(10);
    expect(bomb.length).toBeLessThan(2000);
  });

  it('zipBomb is a real ZIP whose entry inflates to the stated size', () => {
    const size = 10 * 1024 * 1024;
    const zip = Buffer.from(zipBomb('invoice.xml', size));
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.length).toBeLessThan(size / 100);
    const nameLength = zip.readUInt16LE(26);
    const compressed = zip.readUInt32LE(18);
    expect(inflateRawSync(zip.subarray(30 + nameLength, 30 + nameLength + compressed)).length).toBe(size);
  });
});

describe('budget', () => {
  it('reads FUZZ_RUNS and FUZZ_SEED, with the CI defaults', () => {
    expect(fuzzRuns(10_000, {})).toBe(10_000);
    expect(fuzzRuns(10_000, { FUZZ_RUNS: '100000' })).toBe(100_000);
    expect(() => fuzzRuns(10_000, { FUZZ_RUNS: 'lots' })).toThrow(/FUZZ_RUNS/);
    expect(fuzzSeed({ FUZZ_SEED: '7' })).toBe(7);
  });
});
