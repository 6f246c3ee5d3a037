import { createHash } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CalendarDate } from '@fact/core';
import { ZipFile } from 'yazl';

/** One file of the archive: its path and a function that makes its bytes when its turn comes. */
export interface ZipEntrySource {
  readonly path: string;
  readonly content: () => Promise<Uint8Array>;
}

/** What {@link writeDeterministicZip} wrote. */
export interface ZipResult {
  /** SHA-256 (hex) of the whole archive. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Writes a ZIP whose bytes depend only on the entries: every entry has the same DOS timestamp
 * (`date` at 00:00, built from local-time fields because DOS times have no zone, so the machine's
 * time zone cannot shift it), mode 0644, deflate level 6, no extended-timestamp extra field
 * (`forceDosTimestamp`), and entries in the order given, which must be sorted by path (checked).
 *
 * Memory stays flat: yazl asks for an entry's content only when the previous one has been
 * written (`addReadStreamLazy`), and it respects the output stream's backpressure.
 *
 * @example
 * ```ts
 * await writeDeterministicZip([{ path: 'a.txt', content: async () => Buffer.from('a') }], '2025-06-30', createWriteStream('out.zip'));
 * ```
 */
export async function writeDeterministicZip(entries: readonly ZipEntrySource[], date: CalendarDate, output: Writable): Promise<ZipResult> {
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1]?.path ?? '', entries[i]?.path ?? ''];
    if (!(a < b)) throw new Error(`zip entries must be sorted and unique: "${a}" before "${b}"`);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const zip = new ZipFile();
  const options = { mtime, mode: 0o100644, compress: true, compressionLevel: 6, forceDosTimestamp: true };
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, options, (cb) => {
      entry.content().then(
        (bytes) => cb(null, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])),
        (error: unknown) => cb(error instanceof Error ? error : new Error(String(error)), undefined as never),
      );
    });
  }
  zip.end();
  const hash = createHash('sha256');
  let bytes = 0;
  const failed = new Promise<never>((_, reject) => zip.on('error', reject));
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await Promise.race([pipeline(zip.outputStream, counter, output), failed]);
  return { sha256: hash.digest('hex'), bytes };
}
