import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** A firm's signing key pair as PEM text (PKCS#8 private key, SPKI public key). */
export interface FirmKeys {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/**
 * Makes a new Ed25519 key pair for a firm. Keep the private key with the firm; give the public
 * key to the factor, which checks every package against it.
 *
 * @example
 * ```ts
 * const { privateKeyPem, publicKeyPem } = generateFirmKeys();
 * ```
 */
export function generateFirmKeys(): FirmKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function publicKeyOf(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return key.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(key)) : createPublicKey(key);
}

/**
 * A short, stable name for a public key (or the public half of a private key): `ed25519:` and the
 * first 32 hex digits of the SHA-256 of its SPKI encoding. The manifest records it so a check with
 * the wrong key can say which key signed.
 *
 * @example
 * ```ts
 * keyId(publicKeyPem); // "ed25519:3f1c…"
 * ```
 */
export function keyId(key: string | KeyObject): string {
  const der = publicKeyOf(key).export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 32)}`;
}

/**
 * Signs bytes with an Ed25519 private key (PEM); returns the signature in base64.
 *
 * @example
 * ```ts
 * const signature = signBytes(manifestBytes, privateKeyPem);
 * ```
 */
export function signBytes(data: Uint8Array, privateKey: string | KeyObject): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign(null, data, key).toString('base64');
}

/**
 * Checks an Ed25519 signature (base64) over bytes with a public key (PEM). Never throws for a
 * wrong signature: a garbled one simply does not verify.
 *
 * @example
 * ```ts
 * verifyBytes(manifestBytes, signature, publicKeyPem); // true
 * ```
 */
export function verifyBytes(data: Uint8Array, signatureBase64: string, publicKey: string | KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, data, publicKeyOf(publicKey), signature);
  } catch {
    return false;
  }
}
