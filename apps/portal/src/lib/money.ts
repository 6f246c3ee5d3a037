// Amounts cross the API as exact decimal strings ("1234.50"). The portal only adds, compares and
// divides them for display, in integer cents (BigInt): never through a float.

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Integer cents of an API amount string. Throws on anything else (a bug, not user input). */
export function toCents(amount: string): bigint {
  const m = AMOUNT.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** An API amount string from integer cents. */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Sum of amount strings. */
export function sumAmounts(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((s, a) => s + toCents(a), 0n));
}

/** `part` as a percentage of `whole`, half-up to one decimal ("12.5"), or null when whole is 0. */
export function percentOf(part: string, whole: string): string | null {
  const w = toCents(whole);
  if (w === 0n) return null;
  const tenths = (toCents(part) * 2000n + w) / (2n * w); // half-up on positive values
  return `${tenths / 10n}.${tenths % 10n}`;
}

/**
 * Reads an amount typed by a person in any of the portal's locales ("1.234,50", "1 234,50",
 * "1,234.50", "125") as an API amount string, or null when it is not one.
 */
export function parseTypedAmount(text: string): string | null {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!t) return null;
  let normal: string;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma > lastDot) normal = t.replace(/\./g, '').replace(',', '.');
  else if (lastDot > lastComma && lastComma >= 0) normal = t.replace(/,/g, '');
  else if (lastDot >= 0 && /^\d{1,3}(\.\d{3})+$/.test(t)) normal = t.replace(/\./g, '');
  else normal = t;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  return fromCents(toCents(normal));
}
