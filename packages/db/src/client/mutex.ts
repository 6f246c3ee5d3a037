/**
 * A first-come, first-served async lock. SQLite has one writer connection; this keeps a second
 * transaction from starting on it while the first one awaits.
 *
 * @example
 * ```ts
 * const m = new Mutex();
 * await m.run(async () => { … });
 * ```
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `fn` once every earlier holder has finished. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
