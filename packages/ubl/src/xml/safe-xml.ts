import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UblParseError } from '../errors.js';

/** Default size limit: far above any real invoice without embedded attachments, far below harm. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Nesting deeper than this is no invoice (UBL needs about 8 levels). */
const MAX_DEPTH = 64;

/** A parsed element: child elements (always arrays), attributes as `@_name`, text as `#text`. */
export type XmlNode = { readonly [key: string]: readonly XmlValue[] | string | undefined };
/** An element value: a plain string when it has neither attributes nor children. */
export type XmlValue = XmlNode | string;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities are never expanded by the parser: predefined and numeric references are decoded
  // by `decodeXmlText`, and any declaration is refused before parsing.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references. Any other entity
 * would need a DTD, which is refused, so it is an error.
 */
export function decodeXmlText(text: string, path: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new UblParseError('UBL_MALFORMED', `unterminated character reference "${whole}"`, path);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new UblParseError('UBL_MALFORMED', `invalid character reference "${whole}"`, path);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new UblParseError('UBL_UNSAFE_XML', `undeclared entity "${whole}" (DTDs are not accepted)`, path);
    return value;
  });
}

function decodeInput(input: string | Uint8Array, maxBytes: number): string {
  const size = typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
  if (size > maxBytes) throw new UblParseError('UBL_TOO_LARGE', `document is ${size} bytes; the limit is ${maxBytes}`);
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new UblParseError('UBL_MALFORMED', 'document is not valid UTF-8');
  }
}

/**
 * Parses XML text safely: size limit first, then any `<!DOCTYPE` or `<!ENTITY` is refused (no
 * external entities, no entity expansion), then well-formedness is checked, then the tree is
 * built with entity processing off.
 *
 * @example
 * ```ts
 * const { rootName, root, rootNamespace } = parseXmlSafely('<Invoice xmlns="urn:…">…</Invoice>');
 * ```
 */
export function parseXmlSafely(
  input: string | Uint8Array,
  maxBytes = DEFAULT_MAX_BYTES,
): { rootName: string; rootNamespace: string | undefined; root: XmlNode } {
  const xml = decodeInput(input, maxBytes);
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new UblParseError('UBL_UNSAFE_XML', 'DOCTYPE and ENTITY declarations are refused (XXE and entity expansion protection)');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new UblParseError('UBL_MALFORMED', `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new UblParseError('UBL_MALFORMED', `not readable XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const names = Object.keys(tree);
  const rootName = names[0];
  const rootValue = rootName === undefined ? undefined : (tree[rootName] as XmlValue[] | undefined)?.[0];
  if (rootName === undefined || names.length !== 1 || rootValue === undefined) throw new UblParseError('UBL_MALFORMED', 'expected exactly one root element');
  const root: XmlNode = typeof rootValue === 'string' ? {} : rootValue;
  return { rootName, rootNamespace: rootNamespaceOf(xml, rootName), root };
}

/** The namespace URI of the root element, read from its start tag (the tree drops xmlns). */
function rootNamespaceOf(xml: string, localName: string): string | undefined {
  const start = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${localName}[\\s>/]([^>]*)`).exec(xml);
  if (!start) return undefined;
  const prefix = start[1];
  const attrs = start[2] ?? '';
  const declaration = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs);
  return declaration?.[2];
}
