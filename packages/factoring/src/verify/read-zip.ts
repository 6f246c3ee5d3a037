import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

/** One entry as the verifier sees it: its hash and size, and its bytes when asked to keep them. */
export interface ZipEntryDigest {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly content?: Buffer;
}

/**
 * Streams every entry of a ZIP (a file, or bytes in memory) through SHA-256, one at a time (memory stays flat), keeping
 * the bytes of the entries named in `keep`. Entries are returned in archive order; a name that
 * occurs twice is returned twice.
 *
 * @example
 * ```ts
 * const entries = await digestZip('B-42.zip', new Set(['manifest.json']));
 * ```
 */
export function digestZip(source: string | Uint8Array, keep: ReadonlySet<string>): Promise<ZipEntryDigest[]> {
  const options = { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true };
  const open = (cb: (err: Error | null, zip: yauzl.ZipFile) => void) =>
    typeof source === 'string' ? yauzl.open(source, options, cb) : yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, cb);
  return new Promise((resolve, reject) => {
    open((err, zip) => {
      if (err || !zip) return reject(err ?? new Error('cannot open the ZIP'));
      const out: ZipEntryDigest[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const hash = createHash('sha256');
          const chunks: Buffer[] = [];
          let bytes = 0;
          stream.on('data', (chunk: Buffer) => {
            hash.update(chunk);
            bytes += chunk.length;
            if (keep.has(entry.fileName)) chunks.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ path: entry.fileName, sha256: hash.digest('hex'), bytes, ...(keep.has(entry.fileName) ? { content: Buffer.concat(chunks) } : {}) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
