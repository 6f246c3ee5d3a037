import { fromCents, toCents, type Money } from '@fact/core';

/** Cents as stored → Money. @internal */
export const money = (cents: number): Money => fromCents(cents);
/** Optional cents → Money or null. @internal */
export const moneyOrNull = (cents: number | null): Money | null => (cents === null ? null : fromCents(cents));
/** Money → whole cents (throws INVALID_AMOUNT on a fraction of a cent, never rounds). @internal */
export const cents = (value: Money, field: string): number => toCents(value, field);
/** Optional Money → cents or null. @internal */
export const centsOrNull = (value: Money | null | undefined, field: string): number | null =>
  value === null || value === undefined ? null : toCents(value, field);
/** Numbers from raw SQL aggregates (PostgreSQL returns bigint/numeric as strings). @internal */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
