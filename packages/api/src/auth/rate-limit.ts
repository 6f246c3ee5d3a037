/**
 * Counts failed log-ins per (email, IP) in a sliding window and refuses further attempts once the
 * limit is reached, until the window has passed. In memory: enough for one server process; a
 * multi-machine deployment needs a shared store.
 *
 * @example
 * ```ts
 * const limiter = new LoginRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 });
 * limiter.check('a@b.be', '127.0.0.1', now); // { allowed: true }
 * ```
 */
export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #maxFailures: number;
  readonly #windowMs: number;

  constructor(options: { maxFailures: number; windowMs: number } = { maxFailures: 5, windowMs: 15 * 60_000 }) {
    this.#maxFailures = options.maxFailures;
    this.#windowMs = options.windowMs;
  }

  #key(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  #recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.#windowMs;
    const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, kept);
    return kept;
  }

  /** Whether another attempt is allowed now, and if not, when it will be. */
  check(email: string, ip: string, now: Date): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const recent = this.#recent(this.#key(email, ip), now);
    if (recent.length < this.#maxFailures) return { allowed: true };
    const oldest = recent[0] ?? now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#windowMs - now.getTime()) / 1000)) };
  }

  recordFailure(email: string, ip: string, now: Date): void {
    const key = this.#key(email, ip);
    this.#failures.set(key, [...this.#recent(key, now), now.getTime()]);
  }

  /** A successful log-in clears the count for that email and IP. */
  recordSuccess(email: string, ip: string): void {
    this.#failures.delete(this.#key(email, ip));
  }
}
