import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The "billion laughs" entity-expansion bomb: `levels` entities each referring ten times to the
 * previous one (10^levels expansions), referenced from `root`.
 *
 * @example
 * ```ts
 * billionLaughs('Invoice', 9); // about 1 KB that would expand to a billion "lol"
 * ```
 */
export function billionLaughs(root: string, levels = 9, rootAttributes = ''): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [${entities.join('')}]>\n<${root}${rootAttributes}>&lol${levels};</${root}>`;
}

/**
 * An XML external entity (XXE) reading a local file, the cloud metadata endpoint, or a remote DTD.
 *
 * @example
 * ```ts
 * externalEntity('Invoice', 'file:///etc/passwd');
 * ```
 */
export function externalEntity(root: string, target: string, rootAttributes = ''): string {
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${target}">]>\n<${root}${rootAttributes}><x>&xxe;</x></${root}>`;
}

/**
 * `depth` nested elements inside the root (a stack-exhaustion attempt).
 *
 * @example
 * ```ts
 * deepNesting('Invoice', 100_000);
 * ```
 */
export function deepNesting(root: string, depth: number, rootAttributes = ''): string {
  return `<?xml version="1.0"?><${root}${rootAttributes}>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</${root}>`;
}

/**
 * A real ZIP archive (one deflated entry) whose entry inflates to `size` bytes of `fill`: a
 * compression bomb as a spreadsheet or an e-invoice container would arrive. Built with
 * node:zlib so the test needs no ZIP library; the archive is valid (CRC, sizes, central directory).
 *
 * @example
 * ```ts
 * const bomb = zipBomb('invoice.xml', 100 * 1024 * 1024); // ~100 KB on the wire, 100 MiB inflated
 * ```
 */
export function zipBomb(entryName: string, size: number, fill = 0x30): Uint8Array {
  const content = Buffer.alloc(size, fill);
  const data = deflateRawSync(content, { level: 9 });
  const crc = crc32(content);
  const name = Buffer.from(entryName, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

/** The first bytes of other file types an upload may really be (content that does not match the declared type). */
export const FOREIGN_HEADERS: Readonly<Record<string, Uint8Array>> = {
  pdf: new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
  gzip: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00, 0xc2, 0x41, 0x24, 0x35, 0x03, 0, 0, 0]),
  elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  utf16le: new Uint8Array(Buffer.from('\ufeff<?xml version="1.0" encoding="UTF-16"?><Invoice/>', 'utf16le')),
  html: new TextEncoder().encode('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  json: new TextEncoder().encode('{"invoice":{"id":"F1","amount":1e309}}'),
};
