import { describe, expect, it } from 'vitest';
import { FactError } from '@fact/core';
import { DEFAULT_RUNNER_SETTINGS, parseRunnerSettings } from './runner-settings.js';

function errorOf(fn: () => unknown): FactError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FactError) return e;
  }
  throw new Error('expected a FactError');
}

describe('parseRunnerSettings', () => {
  it('defaults to queueing for approval at 08:00', () => {
    expect(parseRunnerSettings(undefined)).toEqual(DEFAULT_RUNNER_SETTINGS);
    expect(DEFAULT_RUNNER_SETTINGS).toEqual({ mode: 'approve', sendAt: '08:00' });
  });

  it('keeps a valid identity', () => {
    const s = parseRunnerSettings({ mode: 'auto', sendAt: '07:30', identity: { email: 'ar@acme.be', replyTo: 'boekhouding@acme.be' }, digestTo: ['x@acme.be'] });
    expect(s).toMatchObject({ mode: 'auto', sendAt: '07:30', identity: { email: 'ar@acme.be' }, digestTo: ['x@acme.be'] });
  });

  it.each([
    [{ mode: 'sometimes' }, 'runner.mode'],
    [{ sendAt: '24:00' }, 'runner.sendAt'],
    [{ sendAt: '8:00' }, 'runner.sendAt'],
    [{ identity: { email: 'not-an-address' } }, 'runner.identity.email'],
    [{ identity: { email: 'a@b.be', replyTo: 'nope' } }, 'runner.identity.replyTo'],
    [{ digestTo: ['ok@b.be', 'bad'] }, 'runner.digestTo'],
    [[], 'runner'],
  ])('refuses %j naming %s', (value, field) => {
    const e = errorOf(() => parseRunnerSettings(value));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.field).toBe(field);
  });
});
