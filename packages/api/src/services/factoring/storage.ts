// Where factoring configuration and packages live until @fact/db has tables for them: files under
// the data directory, one folder per firm (profiles and the signing key are the firm's; a
// factor's terms are the same for every client the firm sells for).
//
//   <data dir>/factoring/<firmId>/profiles/<profileId>.json     a factor profile (@fact/factoring)
//   <data dir>/factoring/<firmId>/keys/firm-ed25519.pem          the firm's signing key (0600)
//   <data dir>/factoring/<firmId>/keys/firm-ed25519.pub.pem      its public half, for the factor
//   <data dir>/factoring/<firmId>/companies/<companyId>/seller.json   the seller's postal address
//   <data dir>/factoring/<firmId>/companies/<companyId>/packages/<reference>.zip|.json
import { createPublicKey } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateFirmKeys, keyId } from '@fact/factoring';

/** Names that may become a file name: letters, digits, `.`, `_`, `-`, not starting with a dot. */
export const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

/**
 * The root of the factoring files: `<data dir>/factoring`, the data dir being `FACT_DATA_DIR`
 * (as for the worker), else `DATA_DIR`, else `./data`; read at each call so a test or a server
 * can point it elsewhere.
 *
 * @example
 * ```ts
 * factoringRoot(); // "/srv/fact/data/factoring"
 * ```
 */
export function factoringRoot(): string {
  return resolve(process.env.FACT_DATA_DIR ?? process.env.DATA_DIR ?? './data', 'factoring');
}

function firmDir(firmId: string): string {
  if (!SAFE_NAME.test(firmId)) throw new Error(`unsafe firm id ${firmId}`);
  return join(factoringRoot(), firmId);
}

/** The folder of one company's files. @example companyDir(firmId, companyId) */
export function companyDir(firmId: string, companyId: string): string {
  if (!SAFE_NAME.test(companyId)) throw new Error(`unsafe company id ${companyId}`);
  return join(firmDir(firmId), 'companies', companyId);
}

/** Writes a file atomically (temporary name, then rename). @example await writeAtomic(path, '{}') */
export async function writeAtomic(path: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, path);
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The stored profiles of a firm as raw JSON (the caller validates them with parseFactorProfile).
 *
 * @example
 * ```ts
 * const raw = await readProfiles(firmId); // [{ id: 'acme-2025', json: {...} }]
 * ```
 */
export async function readProfiles(firmId: string): Promise<{ id: string; json: unknown }[]> {
  const dir = join(firmDir(firmId), 'profiles');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: { id: string; json: unknown }[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const text = await readIfExists(join(dir, name));
    if (text !== null) out.push({ id: name.slice(0, -'.json'.length), json: JSON.parse(text) as unknown });
  }
  return out;
}

/** One stored profile as raw JSON, or null. @example await readProfile(firmId, 'acme-2025') */
export async function readProfile(firmId: string, profileId: string): Promise<unknown> {
  if (!SAFE_NAME.test(profileId)) return null;
  const text = await readIfExists(join(firmDir(firmId), 'profiles', `${profileId}.json`));
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** Stores a profile (already validated) under its id. @example await writeProfile(firmId, 'acme-2025', json) */
export async function writeProfile(firmId: string, profileId: string, json: unknown): Promise<void> {
  await writeAtomic(join(firmDir(firmId), 'profiles', `${profileId}.json`), `${JSON.stringify(json, null, 2)}\n`);
}

/** The seller's address as kept for factoring. */
export interface SellerDetails {
  street: string;
  postalCode: string;
  city: string;
  email?: string;
}

/** The company's seller details, or null. @example await readSeller(firmId, companyId) */
export async function readSeller(firmId: string, companyId: string): Promise<SellerDetails | null> {
  const text = await readIfExists(join(companyDir(firmId, companyId), 'seller.json'));
  return text === null ? null : (JSON.parse(text) as SellerDetails);
}

/** Stores the company's seller details. @example await writeSeller(firmId, companyId, { street, postalCode, city }) */
export async function writeSeller(firmId: string, companyId: string, seller: SellerDetails): Promise<void> {
  await writeAtomic(join(companyDir(firmId, companyId), 'seller.json'), `${JSON.stringify(seller, null, 2)}\n`);
}

/** The firm's signing key pair and its id. */
export interface FirmSigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

/**
 * The firm's Ed25519 key pair, made on first use. The private key is written with mode 0600 and
 * the `wx` flag, so two first uses at once keep one key (the loser reads the winner's).
 *
 * @example
 * ```ts
 * const { publicKeyPem, keyId } = await firmSigningKey(firmId);
 * ```
 */
export async function firmSigningKey(firmId: string): Promise<FirmSigningKey> {
  const dir = join(firmDir(firmId), 'keys');
  const privatePath = join(dir, 'firm-ed25519.pem');
  const publicPath = join(dir, 'firm-ed25519.pub.pem');
  let privateKeyPem = await readIfExists(privatePath);
  if (privateKeyPem === null) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const fresh = generateFirmKeys();
    try {
      await writeFile(privatePath, fresh.privateKeyPem, { mode: 0o600, flag: 'wx' });
      await writeAtomic(publicPath, fresh.publicKeyPem);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    privateKeyPem = (await readIfExists(privatePath)) ?? fresh.privateKeyPem;
  }
  let publicKeyPem = await readIfExists(publicPath);
  if (publicKeyPem === null) {
    publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
    await writeAtomic(publicPath, publicKeyPem);
  }
  return { privateKeyPem, publicKeyPem, keyId: keyId(publicKeyPem) };
}

/**
 * The firm's public key if a package was ever signed, without making one (a read stays a read).
 *
 * @example
 * ```ts
 * const key = await readFirmPublicKey(firmId); // { keyId, publicKeyPem } | null
 * ```
 */
export async function readFirmPublicKey(firmId: string): Promise<{ keyId: string; publicKeyPem: string } | null> {
  const publicKeyPem = await readIfExists(join(firmDir(firmId), 'keys', 'firm-ed25519.pub.pem'));
  return publicKeyPem === null ? null : { keyId: keyId(publicKeyPem), publicKeyPem };
}

/** The ZIP and side file of a package, by the batch reference. @example packagePaths(firmId, companyId, 'FB-20250315-1a2b3c') */
export function packagePaths(firmId: string, companyId: string, reference: string): { zip: string; meta: string } {
  if (!SAFE_NAME.test(reference)) throw new Error(`unsafe batch reference ${reference}`);
  const dir = join(companyDir(firmId, companyId), 'packages');
  return { zip: join(dir, `${reference}.zip`), meta: join(dir, `${reference}.json`) };
}

/** Reads a package's side file (written with the ZIP), or null. @example await readJsonFile(paths.meta) */
export async function readJsonFile<T>(path: string): Promise<T | null> {
  const text = await readIfExists(path);
  return text === null ? null : (JSON.parse(text) as T);
}

/** Removes files, ignoring those already gone. @example await removeFiles([zip, meta]) */
export async function removeFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true })));
}
