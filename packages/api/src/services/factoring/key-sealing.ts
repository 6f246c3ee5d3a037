// Secrets kept in the database (a firm's Ed25519 private key, a factor's push secret) are sealed
// with AES-256-GCM under a key derived (HKDF-SHA-256, fresh salt per value) from the server's
// FACT_KEY_SECRET. The row they belong to is the associated data: a sealed value copied into
// another firm's row does not open. Without a server secret they are stored as they are.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { apiError } from '../../errors/api-error.js';

const PREFIX = 'fact-sealed:v1:';
const INFO = 'fact secret sealing v1';

function keyFor(serverSecret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, salt, INFO, 32));
}

/** Whether a stored value is sealed. @example isSealed('fact-sealed:v1:…') // true */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * Seals a secret for the row named by `context` (e.g. `signing-key:<firmId>:<keyId>`).
 *
 * @example
 * ```ts
 * const stored = sealSecret(privateKeyPem, process.env.FACT_KEY_SECRET, `signing-key:${firmId}:${keyId}`);
 * ```
 */
export function sealSecret(plain: string, serverSecret: string, context: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret, salt), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + [salt, iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/**
 * The plain secret of a stored value: sealed values need the server secret they were sealed
 * with (PRECONDITION_FAILED naming FACT_KEY_SECRET otherwise, and when it is the wrong one or
 * the value was moved to another row); plain values are returned as they are.
 *
 * @example
 * ```ts
 * const pem = openSecret(row.privateKeyPem, settings.keySecret, `signing-key:${firmId}:${row.keyId}`);
 * ```
 */
export function openSecret(stored: string, serverSecret: string | null | undefined, context: string): string {
  if (!isSealed(stored)) return stored;
  if (!serverSecret) throw apiError.precondition('A secret in the database is encrypted, and this server has no FACT_KEY_SECRET to open it. Start it with the same FACT_KEY_SECRET as the server that stored it.');
  const parts = stored.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  const [salt, iv, tag, body] = parts;
  if (parts.length !== 4 || !salt || !iv || !tag || !body) throw apiError.precondition('A sealed secret in the database is damaged.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret, salt), iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw apiError.precondition('A sealed secret in the database does not open with this server’s FACT_KEY_SECRET (another secret, or the value was changed or moved).');
  }
}

/**
 * What to store: sealed when the server has a secret, else as given.
 *
 * @example
 * ```ts
 * await tx.db.update(t.factors).set({ pushSecret: storeSecret(secret, settings.keySecret, `factor-push:${id}`) });
 * ```
 */
export function storeSecret(plain: string, serverSecret: string | null | undefined, context: string): string {
  return serverSecret ? sealSecret(plain, serverSecret, context) : plain;
}
