import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where document bytes live, addressed by their SHA-256 (lower-case hex). The same content is
 * stored once; a row in @fact/db `documents` says what it is and which company owns it.
 */
export interface DocumentStore {
  /** Stores the bytes and returns their hash. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes for a hash, or null when absent. */
  get(sha256: string): Promise<Uint8Array | null>;
}

/** SHA-256 of bytes, lower-case hex. @example sha256Hex(new Uint8Array()) // "e3b0c442..." */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A store in memory, for tests and scripts. @example const store = memoryDocumentStore(); */
export function memoryDocumentStore(): DocumentStore {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const hash = sha256Hex(bytes);
      files.set(hash, new Uint8Array(bytes));
      return hash;
    },
    async get(hash) {
      return files.get(hash) ?? null;
    },
  };
}

/**
 * A store on disk: `<root>/ab/cd/<sha256>`. Writes go to a temporary name first and are renamed
 * into place, so a crash never leaves a half-written file under a valid hash.
 *
 * @example
 * ```ts
 * const store = fileDocumentStore('./data/documents');
 * ```
 */
export function fileDocumentStore(root: string): DocumentStore {
  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash.slice(2, 4), hash);
  return {
    async put(bytes) {
      const hash = sha256Hex(bytes);
      const target = pathOf(hash);
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      return hash;
    },
    async get(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(hash)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
