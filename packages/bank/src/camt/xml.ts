import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bankFail } from '../errors/BankFormatError.js';

/** An element as fast-xml-parser gives it: an object of children, or its text. @internal */
export type XmlValue = XmlNode | string;
/** An element with children (and `@_` attributes, `#text`). @internal */
export type XmlNode = { readonly [name: string]: XmlValue | XmlValue[] | undefined };

const META: symbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

// Entities and DTDs are off: a document type declaration is where XXE (external entities) and
// "billion laughs" (nested entity expansion) live, and a bank statement never needs one.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  captureMetaData: true,
  maxNestedTags: 64,
});

/** A parsed document with a way back from an element to its line. @internal */
export interface XmlDocument {
  readonly root: XmlNode;
  readonly text: string;
  lineOf(node: unknown): number | undefined;
}

/**
 * Parses XML safely: refuses any `<!DOCTYPE` or `<!ENTITY` before the parser sees it, checks
 * well-formedness (with the line of the first error), and keeps every value as text.
 * @internal
 */
export function parseXmlSafely(text: string): XmlDocument {
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) {
    bankFail(
      'XML_DTD_FORBIDDEN',
      `the XML contains <!${dtd[1]?.toUpperCase()}: document type and entity declarations are refused (they enable XXE and entity-expansion attacks; bank statements do not use them)`,
      { line: lineAt(lineStarts(text), dtd.index) },
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    bankFail('XML_MALFORMED', `the XML is not well-formed: ${valid.err.msg}`, { line: valid.err.line });
  }
  let root: unknown;
  try {
    root = parser.parse(text);
  } catch (e) {
    bankFail('XML_MALFORMED', `the XML could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const starts = lineStarts(text);
  return {
    root: root as XmlNode,
    text,
    lineOf(node: unknown): number | undefined {
      if (node === null || typeof node !== 'object') return undefined;
      const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
      return meta?.startIndex === undefined ? undefined : lineAt(starts, meta.startIndex);
    },
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; nothing else expands. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

/** All children of that name, whether the parser made one or several. @internal */
export function children(node: XmlValue | undefined, name: string): XmlValue[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child of that name. @internal */
export function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

/** Follows a path of element names (`Tp/CdOrPrtry/Cd`), first match at each step. @internal */
export function at(node: XmlValue | undefined, path: string): XmlValue | undefined {
  let current = node;
  for (const name of path.split('/')) {
    current = child(current, name);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The text of an element (decoded), `undefined` when absent or empty. @internal */
export function textOf(value: XmlValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const raw = typeof value === 'string' ? value : value['#text'];
  if (typeof raw !== 'string') return undefined;
  const decoded = decodeEntities(raw).trim();
  return decoded === '' ? undefined : decoded;
}

/** The text at a path. @internal */
export function textAt(node: XmlValue | undefined, path: string): string | undefined {
  return textOf(at(node, path));
}

/** An attribute of an element. @internal */
export function attr(value: XmlValue | undefined, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  const raw = value[`@_${name}`];
  return typeof raw === 'string' ? decodeEntities(raw).trim() : undefined;
}
