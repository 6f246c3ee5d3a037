/**
 * Makes dedup keys unique inside one file: a bank that repeats the same reference on two entries
 * must not make the second entry vanish. The n-th repeat gets `~n`, in file order, so importing the
 * same file again gives the same keys. Pass one `seen` map for every statement of a file, so a
 * reference repeated across statements is made unique too. @internal
 */
export function uniqueKeys(
  keys: readonly string[],
  warnings: string[],
  seen: Map<string, number> = new Map<string, number>(),
): string[] {
  return keys.map((key) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n === 0) return key;
    warnings.push(`two transactions share the identifier ${key}; the repeat is kept as ${key}~${n + 1}`);
    return `${key}~${n + 1}`;
  });
}
