import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-world fixtures (never copied into the repo; see shared/fixtures/README.md). */
export const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));

/** Every UBL fixture as [folder/file, bytes]. */
export function ublFixtures(): [string, Buffer][] {
  return ['peppol', 'en16931'].flatMap((folder) =>
    readdirSync(`${FIXTURES}${folder}`)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f): [string, Buffer] => [`${folder}/${f}`, readFileSync(`${FIXTURES}${folder}/${f}`)]),
  );
}

/** Reads one fixture. */
export function fixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}`);
}

/** A plain-data view of a document (decimals as their value's text) for equality checks. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
