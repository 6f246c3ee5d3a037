import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzFailure, assertAllFinite, fuzzParser, watchFileWrites } from '@fact/fuzz-tools';

const dir = mkdtempSync(join(tmpdir(), 'fuzz-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class ParseError extends Error {
  readonly code = 'BAD';
}

describe('watchFileWrites', () => {
  it('sees a write made through a named ES-module import, only while armed', () => {
    const watch = watchFileWrites();
    try {
      writeFileSync(join(dir, 'before.txt'), 'x');
      watch.during(() => writeFileSync(join(dir, 'during.txt'), 'x'));
    } finally {
      watch.restore();
    }
    expect(watch.calls).toEqual([`fs.writeFileSync(${join(dir, 'during.txt')})`]);
  });
});

describe('fuzzParser', () => {
  const c = (text: string) => ({ bytes: new TextEncoder().encode(text), recipe: text });

  it('accepts a result or an allowed error, and counts outcomes', () => {
    const { run, stats } = fuzzParser({
      name: 't',
      parse: (b) => {
        if (b[0] === 0x21) throw new ParseError('bad');
        return { n: b.length };
      },
      allowed: [ParseError],
    });
    run(c('ok'));
    run(c('!'));
    expect(stats.summary().outcomes).toEqual({ ok: 1, 'Error:BAD': 1 });
  });

  it('fails on an unexpected error, a NaN, a modified input and a write', () => {
    const watch = watchFileWrites();
    try {
      const cases: [string, (b: Uint8Array) => unknown][] = [
        ['unexpected', () => { throw new TypeError('boom'); }],
        ['NaN', () => ({ amount: Number.NaN })],
        ['modified', (b) => { b[0] = 0; return {}; }],
        ['write', () => writeFileSync(join(dir, 'w.txt'), 'x')],
      ];
      for (const [name, parse] of cases) {
        const { run } = fuzzParser({ name, parse, allowed: [ParseError], writes: watch });
        expect(() => run(c('abc')), name).toThrow(FuzzFailure);
      }
    } finally {
      watch.restore();
    }
    expect(watch.calls).toHaveLength(1);
  });

  it('fails a case over its time budget', () => {
    const { run } = fuzzParser({ name: 'slow', parse: () => { const end = performance.now() + 30; while (performance.now() < end); }, allowed: [], maxMs: 10 });
    expect(() => run(c('x'))).toThrow(/took \d+ ms/);
  });
});

describe('assertAllFinite', () => {
  it('finds Infinity deep in a result and names where', () => {
    expect(() => assertAllFinite({ lines: [{ q: 1 }, { q: Infinity }] })).toThrow('$.lines[1].q is Infinity');
    expect(() => assertAllFinite({ d: new Date(Number.NaN) })).toThrow(/invalid Date/);
    expect(() => assertAllFinite({ a: [1, 'NaN', { b: 2 }] })).not.toThrow();
  });
});
