const EMPTY: readonly never[] = [];

/**
 * A map from a key to one or more values that stores a single value without an array: with
 * 100,000 invoices most references and numbers are unique, and the arrays would be pure garbage.
 * @internal
 */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | V[]>();

  add(key: K, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, value);
    else if (Array.isArray(current)) current.push(value);
    else this.map.set(key, [current, value]);
  }

  get(key: K): readonly V[] {
    const current = this.map.get(key);
    if (current === undefined) return EMPTY;
    return Array.isArray(current) ? current : [current];
  }

  has(key: K): boolean {
    return this.map.has(key);
  }
}
