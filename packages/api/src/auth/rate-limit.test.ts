import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rate-limit.js';

const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 10, minutes));

describe('LoginRateLimiter', () => {
  it('refuses the attempt after the limit of failures and says when to retry', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 10 * 60_000 });
    for (let i = 0; i < 3; i++) limiter.recordFailure('Ann@Firm.be', '10.0.0.1', at(i));
    expect(limiter.check('ann@firm.be', '10.0.0.1', at(3))).toEqual({ allowed: false, retryAfterSeconds: 7 * 60 });
  });
  it('counts per email and IP: another IP is not blocked', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 1, windowMs: 60_000 });
    limiter.recordFailure('a@b.be', '10.0.0.1', at(0));
    expect(limiter.check('a@b.be', '10.0.0.2', at(0)).allowed).toBe(true);
  });
  it('allows again once the window has passed, and a success resets the count', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 1, windowMs: 60_000 });
    limiter.recordFailure('a@b.be', 'ip', at(0));
    expect(limiter.check('a@b.be', 'ip', at(0)).allowed).toBe(false);
    expect(limiter.check('a@b.be', 'ip', at(2)).allowed).toBe(true);
    limiter.recordFailure('a@b.be', 'ip', at(3));
    limiter.recordSuccess('a@b.be', 'ip');
    expect(limiter.check('a@b.be', 'ip', at(3)).allowed).toBe(true);
  });
});
