import { describe, expect, it } from 'vitest';
import { CODA_FIXTURE, fixture } from '../test/fixtures.js';
import { parseStatementFile } from './parseStatementFile.js';

describe('parseStatementFile tells the formats apart', () => {
  it('CODA', () => expect(parseStatementFile(fixture(CODA_FIXTURE)).format).toBe('coda'));
  it('camt.053', () => expect(parseStatementFile(fixture('camt053/genkgo-camt053.v8.xml')).format).toBe('camt053'));
  it('anything else is refused', () => {
    expect(() => parseStatementFile('date;amount\n2025-01-01;10')).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT' }));
  });
});
