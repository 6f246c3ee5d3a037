import { money, parseDate, type CalendarDate, type Money } from '@fact/core';
import { UblParseError } from '../errors.js';
import { decodeXmlText, type XmlNode, type XmlValue } from './safe-xml.js';

/**
 * A read-only view of one parsed element that knows its XPath-like path, so every value read
 * from it can name where it came from. Children are asked for by qualified name (`cbc:ID`).
 */
export class Element {
  readonly path: string;
  private readonly value: XmlValue;

  constructor(value: XmlValue, path: string) {
    this.value = value;
    this.path = path;
  }

  /** All children with this qualified name, in document order. */
  all(qualifiedName: string): Element[] {
    if (typeof this.value === 'string') return [];
    const local = qualifiedName.slice(qualifiedName.indexOf(':') + 1);
    const found = this.value[local];
    if (!Array.isArray(found)) return [];
    const many = found.length > 1;
    return (found as readonly XmlValue[]).map((v, i) => new Element(v, `${this.path}/${qualifiedName}${many ? `[${i + 1}]` : ''}`));
  }

  /** The first child with this qualified name. */
  one(qualifiedName: string): Element | undefined {
    return this.all(qualifiedName)[0];
  }

  /** The element's own text, entity references decoded; undefined when empty. */
  text(): string | undefined {
    const raw = typeof this.value === 'string' ? this.value : (this.value as XmlNode)['#text'];
    if (typeof raw !== 'string' || raw === '') return undefined;
    return decodeXmlText(raw, this.path);
  }

  /** An attribute's value, entity references decoded. */
  attr(name: string): string | undefined {
    if (typeof this.value === 'string') return undefined;
    const raw = this.value[`@_${name}`];
    return typeof raw === 'string' ? decodeXmlText(raw, `${this.path}/@${name}`) : undefined;
  }

  /** Text of the first child of that name. */
  childText(qualifiedName: string): string | undefined {
    return this.one(qualifiedName)?.text();
  }

  /** A decimal child (amount, quantity, percent), read exactly. */
  decimal(qualifiedName: string): Money | undefined {
    const el = this.one(qualifiedName);
    const text = el?.text();
    if (el === undefined || text === undefined) return undefined;
    try {
      return money(text, el.path);
    } catch {
      throw new UblParseError('UBL_INVALID_VALUE', `"${text}" is not a decimal number`, el.path);
    }
  }

  /** The element's own text as a decimal (an amount with attributes, like CII `ram:TaxTotalAmount`). */
  decimalValue(): Money | undefined {
    const text = this.text();
    if (text === undefined) return undefined;
    try {
      return money(text, this.path);
    } catch {
      throw new UblParseError('UBL_INVALID_VALUE', `"${text}" is not a decimal number`, this.path);
    }
  }

  /** A `YYYY-MM-DD` date child. */
  date(qualifiedName: string): CalendarDate | undefined {
    const el = this.one(qualifiedName);
    const text = el?.text();
    if (el === undefined || text === undefined) return undefined;
    try {
      return parseDate(text, el.path);
    } catch {
      throw new UblParseError('UBL_INVALID_VALUE', `"${text}" is not a YYYY-MM-DD date`, el.path);
    }
  }

  /** A child with an optional `schemeID` (or another scheme attribute). */
  identifier(qualifiedName: string, schemeAttribute = 'schemeID'): { value: string; schemeId?: string } | undefined {
    const el = this.one(qualifiedName);
    const value = el?.text();
    if (el === undefined || value === undefined) return undefined;
    const schemeId = el.attr(schemeAttribute);
    return schemeId === undefined ? { value } : { value, schemeId };
  }
}
