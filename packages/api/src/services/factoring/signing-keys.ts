// The firm's Ed25519 signing keys, in @fact/db `signing_keys`: one live key per firm (a partial
// unique index), made on first use; retired keys stay so packages they signed still verify.
// Private keys are sealed with the server's FACT_KEY_SECRET when it has one (./key-sealing.ts).
import { generateFirmKeys, keyId as keyIdOf } from '@fact/factoring';
import { isDbError, translateDbError } from '@fact/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { isSealed, openSecret, sealSecret, storeSecret } from './key-sealing.js';

/** The firm's live signing key pair and its id. */
export interface FirmSigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

/** A public key as the factor receives it. */
export interface FirmPublicKey {
  keyId: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
}

const contextOf = (firmId: string, keyId: string) => `signing-key:${firmId}:${keyId}`;

async function liveRow(db: Database, firmId: string) {
  const k = db.tables.signingKeys;
  return (await db.db.select().from(k).where(and(eq(k.firmId, firmId), isNull(k.retiredAt))).limit(1))[0];
}

/**
 * The firm's live key pair, made on first use. Two servers making the first key at once keep
 * one: the loser's insert hits the unique index and it reads the winner's. The private key is
 * checked against the stored public key, so a swapped or damaged row is refused, and a plain
 * key is sealed in place once the server has a secret.
 *
 * @example
 * ```ts
 * const { privateKeyPem, keyId } = await firmSigningKey(db, firmId, settings.keySecret);
 * ```
 */
export async function firmSigningKey(db: Database, firmId: string, keySecret: string | null | undefined, now: Date): Promise<FirmSigningKey> {
  for (let round = 0; round < 3; round++) {
    const row = await liveRow(db, firmId);
    if (row) {
      const privateKeyPem = openSecret(row.privateKeyPem, keySecret, contextOf(firmId, row.keyId));
      if (keyIdOf(privateKeyPem) !== row.keyId) throw apiError.precondition(`The firm's signing key ${row.keyId} does not match its stored public key; it is not used.`);
      if (keySecret && !isSealed(row.privateKeyPem)) {
        const k = db.tables.signingKeys;
        const sealed = sealSecret(privateKeyPem, keySecret, contextOf(firmId, row.keyId));
        await db.transaction((tx) => tx.db.update(k).set({ privateKeyPem: sealed }).where(and(eq(k.id, row.id), eq(k.privateKeyPem, row.privateKeyPem))));
      }
      return { privateKeyPem, publicKeyPem: row.publicKeyPem, keyId: row.keyId };
    }
    const fresh = generateFirmKeys();
    const keyId = keyIdOf(fresh.publicKeyPem);
    try {
      await db.transaction((tx) =>
        tx.db.insert(tx.tables.signingKeys).values({ id: uuidv7(), firmId, keyId, publicKeyPem: fresh.publicKeyPem, privateKeyPem: storeSecret(fresh.privateKeyPem, keySecret, contextOf(firmId, keyId)), createdAt: now }),
      );
    } catch (error) {
      // Someone else made the firm's key meanwhile: use theirs.
      if (!isDbError(translateDbError(error), 'DUPLICATE')) throw error;
    }
  }
  throw apiError.precondition('The firm’s signing key could not be created; try again.');
}

/**
 * The firm's public keys, the live one first, then retired ones newest first. Reading never
 * makes a key.
 *
 * @example
 * ```ts
 * const keys = await firmPublicKeys(db, firmId); // [{ keyId, publicKeyPem, createdAt, retiredAt }]
 * ```
 */
export async function firmPublicKeys(db: Database, firmId: string): Promise<FirmPublicKey[]> {
  const k = db.tables.signingKeys;
  const rows = await db.db.select().from(k).where(eq(k.firmId, firmId)).orderBy(desc(k.createdAt), desc(k.id));
  return rows
    .map((r) => ({ keyId: r.keyId, publicKeyPem: r.publicKeyPem, createdAt: r.createdAt.toISOString(), retiredAt: r.retiredAt?.toISOString() ?? null }))
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null));
}

/**
 * Retires the firm's live key (it still verifies what it signed); the next package makes a new one.
 * Returns the retired key id, or null when there was none.
 *
 * @example
 * ```ts
 * await retireSigningKey(tx, firmId, now);
 * ```
 */
export async function retireSigningKey(tx: Database, firmId: string, now: Date): Promise<string | null> {
  const k = tx.tables.signingKeys;
  const rows = await tx.db.update(k).set({ retiredAt: now }).where(and(eq(k.firmId, firmId), isNull(k.retiredAt))).returning({ keyId: k.keyId });
  return rows[0]?.keyId ?? null;
}
