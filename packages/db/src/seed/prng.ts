/**
 * A small seeded pseudo-random generator (sfc32): the same seed gives the same data on every
 * machine, which makes demo data and benchmarks reproducible.
 *
 * @example
 * ```ts
 * const r = new Prng(42);
 * r.int(1, 6); // always the same first roll for seed 42
 * ```
 */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** The generator's state, to continue the same sequence elsewhere (a worker thread). */
  get state(): [number, number, number, number] {
    return [this.#a, this.#b, this.#c, this.#d];
  }

  set state(s: readonly [number, number, number, number]) {
    [this.#a, this.#b, this.#c, this.#d] = s;
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of table) if ((x -= w) < 0) return v;
    return table[table.length - 1]![0];
  }

  /** A log-normal value with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }

  /** 16 random bytes (for deterministic UUIDv7s). */
  bytes16(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const n = (this.next() * 4294967296) >>> 0;
      out[i] = n & 255;
      out[i + 1] = (n >>> 8) & 255;
      out[i + 2] = (n >>> 16) & 255;
      out[i + 3] = n >>> 24;
    }
    return out;
  }
}
