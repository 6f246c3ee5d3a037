// One-time import of what the first factoring release kept as files under the data directory
// (before @fact/db had tables for it), so nothing sold then is lost:
//
//   <data dir>/factoring/<firmId>/profiles/<profileId>.json            → factor_profiles
//   <data dir>/factoring/<firmId>/keys/firm-ed25519.pem                 → signing_keys
//   <data dir>/factoring/<firmId>/companies/<companyId>/seller.json     → companies.address/email
//   <data dir>/factoring/<firmId>/companies/<companyId>/packages/<ref>.zip|.json
//                                                  → the document store + factoring_batches.document_id
//
// What is already in the database is left alone, so running it twice changes nothing; when it
// is done the folder is renamed to `factoring.imported` and is not read again.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keyId as keyIdOf } from '@fact/factoring';
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { sha256Hex, type DocumentStore } from '../../documents/store.js';
import { storeSecret } from './key-sealing.js';
import { recordPackageDocument } from './package-store.js';
import { saveProfile } from './profiles.js';

/** What the import did. */
export interface LegacyImport {
  profiles: number;
  keys: number;
  sellers: number;
  packages: number;
  /** What was not imported, and why. */
  skipped: string[];
  /** Where the folder went afterwards (null when there was none). */
  movedTo: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function text(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Imports the files of `<dataDir>/factoring` into the database and the document store, then
 * renames the folder. Nothing there: a no-op.
 *
 * @example
 * ```ts
 * const done = await importLegacyFactoringFiles({ db, documents, keySecret, now: new Date() }, './data');
 * ```
 */
export async function importLegacyFactoringFiles(env: { db: Database; documents: DocumentStore; keySecret?: string | null; now: Date }, dataDir: string): Promise<LegacyImport> {
  const root = join(dataDir, 'factoring');
  const out: LegacyImport = { profiles: 0, keys: 0, sellers: 0, packages: 0, skipped: [], movedTo: null };
  if (!(await stat(root).catch(() => null))?.isDirectory()) return out;
  const { db } = env;
  const t = db.tables;
  for (const firmId of await names(root)) {
    const firm = UUID.test(firmId) ? (await db.db.select({ id: t.firms.id }).from(t.firms).where(eq(t.firms.id, firmId)).limit(1))[0] : undefined;
    if (!firm) {
      out.skipped.push(`${firmId}: no such firm in this database`);
      continue;
    }
    const firmDir = join(root, firmId);
    for (const file of (await names(join(firmDir, 'profiles'))).filter((n) => n.endsWith('.json'))) {
      const key = file.slice(0, -'.json'.length);
      const have = await db.db.select({ id: t.factorProfiles.id }).from(t.factorProfiles).where(and(eq(t.factorProfiles.firmId, firmId), eq(t.factorProfiles.profileKey, key))).limit(1);
      if (have.length) continue;
      try {
        await saveProfile(db, { firmId, companyId: null, userId: null, now: env.now }, JSON.parse((await text(join(firmDir, 'profiles', file))) ?? '') as Record<string, unknown>);
        out.profiles++;
      } catch (error) {
        out.skipped.push(`profile ${firmId}/${file}: ${(error as Error).message}`);
      }
    }
    const pem = await text(join(firmDir, 'keys', 'firm-ed25519.pem'));
    if (pem) {
      const publicKeyPem = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();
      const keyId = keyIdOf(publicKeyPem);
      const k = t.signingKeys;
      const known = await db.db.select({ id: k.id }).from(k).where(eq(k.keyId, keyId)).limit(1);
      if (!known.length) {
        const live = await db.db.select({ id: k.id }).from(k).where(and(eq(k.firmId, firmId), isNull(k.retiredAt))).limit(1);
        await db.transaction((tx) =>
          tx.db.insert(k).values({ id: uuidv7(), firmId, keyId, publicKeyPem, privateKeyPem: storeSecret(pem, env.keySecret, `signing-key:${firmId}:${keyId}`), createdAt: env.now, retiredAt: live.length ? env.now : null }),
        );
        out.keys++;
      }
    }
    for (const companyId of await names(join(firmDir, 'companies'))) {
      const company = UUID.test(companyId) ? (await db.db.select({ id: t.companies.id, address: t.companies.address, email: t.companies.email }).from(t.companies).where(and(eq(t.companies.id, companyId), eq(t.companies.firmId, firmId))).limit(1))[0] : undefined;
      if (!company) {
        out.skipped.push(`${firmId}/companies/${companyId}: no such company of the firm`);
        continue;
      }
      const dir = join(firmDir, 'companies', companyId);
      const seller = await text(join(dir, 'seller.json'));
      if (seller && !company.address) {
        const s = JSON.parse(seller) as { street: string; postalCode: string; city: string; email?: string };
        await db.transaction((tx) => tx.db.update(t.companies).set({ address: { street: s.street, postalCode: s.postalCode, city: s.city }, email: company.email ?? s.email ?? null }).where(eq(t.companies.id, companyId)));
        out.sellers++;
      }
      for (const zip of (await names(join(dir, 'packages'))).filter((n) => n.endsWith('.zip'))) {
        const reference = zip.slice(0, -'.zip'.length);
        const b = t.factoringBatches;
        const batch = (await db.db.select().from(b).where(and(eq(b.companyId, companyId), eq(b.reference, reference))).limit(1))[0];
        if (!batch) {
          out.skipped.push(`package ${reference}: no batch with that reference`);
          continue;
        }
        if (batch.documentId) continue;
        const bytes = await readFile(join(dir, 'packages', zip));
        const side = JSON.parse((await text(join(dir, 'packages', `${reference}.json`))) ?? '{}') as { sha256?: string; profileId?: string };
        const sha256 = sha256Hex(bytes);
        if (side.sha256 && side.sha256 !== sha256) {
          out.skipped.push(`package ${reference}: the ZIP hashes to ${sha256}, its side file says ${side.sha256} (changed on disk; not imported)`);
          continue;
        }
        await env.documents.put(bytes);
        const profile = side.profileId
          ? (await db.db.select({ factorId: t.factorProfiles.factorId }).from(t.factorProfiles).where(and(eq(t.factorProfiles.firmId, firmId), eq(t.factorProfiles.profileKey, side.profileId))).limit(1))[0]
          : undefined;
        await db.transaction(async (tx) => {
          const doc = await recordPackageDocument(tx, { companyId, batchId: batch.id, reference, sha256, sizeBytes: bytes.length, userId: batch.createdBy ?? null, at: env.now });
          await tx.db
            .update(b)
            .set({ documentId: doc.documentId, profileKey: batch.profileKey ?? side.profileId ?? null, factorId: batch.factorId ?? profile?.factorId ?? null })
            .where(eq(b.id, batch.id));
        });
        out.packages++;
      }
    }
  }
  out.movedTo = `${root}.imported`;
  await rename(root, out.movedTo);
  return out;
}
