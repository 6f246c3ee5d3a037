import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives the embedded SQLite defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, DATABASE_URL: 'file:./data/fact.sqlite' });
  });
  it('lists every wrong variable with what is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT: /);
      expect((e as Error).message).toMatch(/LOG_LEVEL: /);
    }
  });
  it('refuses to start in production without a long enough session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/SESSION_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrowError(/at least 32/);
  });
  it('checks the published-rates file at start, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fact-config-'));
    try {
      const bad = join(dir, 'rates.json');
      writeFileSync(bad, '{"be-commercial": [{"from": "2027-01-01"}]}');
      expect(() => loadConfig({ FACT_RATES_FILE: bad })).toThrowError(/FACT_RATES_FILE: .*rates\.json: be-commercial\[0\]: "rate" must be/);
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ 'be-commercial': [{ from: '2027-01-01', rate: '10.00', source: 'BS (test)' }] }));
      expect(loadConfig({ FACT_RATES_FILE: good }).FACT_RATES_FILE).toBe(good);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
