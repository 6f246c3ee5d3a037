import type { Money } from '@fact/core';
import type { UblIdentifier } from '../model.js';

/** An element for XMLBuilder: children by qualified name in schema order, `@_` attributes, `#text`. */
export type Out = Record<string, unknown>;

/**
 * Builds an element from `[name, value]` pairs in schema order, leaving out what is undefined,
 * empty arrays and empty elements, so that optional business terms simply do not appear.
 */
export function node(entries: readonly (readonly [string, unknown])[]): Out | undefined {
  const out: Out = {};
  for (const [name, value] of entries) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[name] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * An amount as text: at least two decimals, never rounded (a value with more decimals is written
 * as it is, and the validator reports it).
 */
export function decimalText(value: Money, minDecimals = 0): string {
  return value.decimalPlaces() < minDecimals ? value.toFixed(minDecimals) : value.toFixed();
}

/** A `currencyID` amount element. */
export function amount(value: Money | undefined, currency: string | undefined): Out | undefined {
  if (value === undefined) return undefined;
  return currency === undefined ? { '#text': decimalText(value, 2) } : { '#text': decimalText(value, 2), '@_currencyID': currency };
}

/** An element with an optional scheme attribute. */
export function identifier(id: UblIdentifier | undefined, attribute = 'schemeID'): Out | string | undefined {
  if (id === undefined) return undefined;
  return id.schemeId === undefined ? id.value : { '#text': id.value, [`@_${attribute}`]: id.schemeId };
}

/** A plain decimal (quantity, percent) with an optional unit code. */
export function quantity(value: Money | undefined, unitCode?: string): Out | string | undefined {
  if (value === undefined) return undefined;
  return unitCode === undefined ? decimalText(value) : { '#text': decimalText(value), '@_unitCode': unitCode };
}
