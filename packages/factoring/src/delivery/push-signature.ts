// The signature of a pushed package, for the firm that sends it and the factor that receives it.
//
//   x-fact-timestamp: 1742032800                 (Unix seconds when the attempt was made)
//   x-fact-signature: v1=<hex HMAC-SHA-256(secret, "1742032800." + body)>
//   idempotency-key:  <batch id>                  (the same on every attempt of one package)
//
// The timestamp is inside the MAC, so a captured request cannot be replayed later than the
// receiver's tolerance; the idempotency key lets the receiver store a package once however
// often it arrives.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The header with `v1=<hex HMAC-SHA-256>`. */
export const SIGNATURE_HEADER = 'x-fact-signature';
/** The header with the Unix time (seconds) that the signature covers. */
export const TIMESTAMP_HEADER = 'x-fact-timestamp';
/** The header with the per-package key (the batch id). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How far a timestamp may be from the receiver's clock, by default: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function mac(key: string | Uint8Array, timestamp: number) {
  return createHmac('sha256', key).update(`${timestamp}.`);
}

/**
 * The `x-fact-signature` value for a body sent at `timestamp` (Unix seconds).
 *
 * @example
 * ```ts
 * pushSignature(Buffer.from('PK…'), 1742032800, secret); // "v1=9f2c…"
 * ```
 */
export function pushSignature(body: Uint8Array, timestamp: number, key: string | Uint8Array): string {
  return `v1=${mac(key, timestamp).update(body).digest('hex')}`;
}

/**
 * The same over a file, streamed (memory stays flat).
 *
 * @example
 * ```ts
 * await pushSignatureOfFile('B-42.zip', 1742032800, secret); // "v1=9f2c…"
 * ```
 */
export async function pushSignatureOfFile(path: string, timestamp: number, key: string | Uint8Array): Promise<string> {
  const hmac = mac(key, timestamp);
  for await (const chunk of createReadStream(path)) hmac.update(chunk as Buffer);
  return `v1=${hmac.digest('hex')}`;
}

/** Why a receiver refuses a push. */
export type PushCheck =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch'; readonly message: string };

/**
 * What a factor's endpoint runs on each request: the timestamp is a number within the tolerance
 * of its own clock, and the signature matches the body under the shared secret (compared in
 * constant time). A changed body, another secret or an old replayed request fails.
 *
 * @example
 * ```ts
 * const check = verifyPushSignature({ body, timestamp: req.headers['x-fact-timestamp'], signature: req.headers['x-fact-signature'], secret, now: new Date() });
 * if (!check.ok) return res.writeHead(401).end(check.message);
 * ```
 */
export function verifyPushSignature(input: {
  readonly body: Uint8Array;
  readonly timestamp: string | string[] | undefined;
  readonly signature: string | string[] | undefined;
  readonly secret: string | Uint8Array;
  readonly now: Date;
  readonly toleranceSeconds?: number;
}): PushCheck {
  const { timestamp, signature } = input;
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'missing', message: `${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required` };
  if (!/^\d{1,12}$/.test(timestamp) || !/^v1=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed', message: `${SIGNATURE_HEADER} must be v1=<64 hex digits> and ${TIMESTAMP_HEADER} Unix seconds` };
  const at = Number(timestamp);
  const skew = Math.abs(Math.floor(input.now.getTime() / 1000) - at);
  if (skew > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale', message: `the timestamp is ${skew} s away from now` };
  const expected = Buffer.from(pushSignature(input.body, at, input.secret));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'mismatch', message: 'the signature does not match the body (changed in transit, or another secret)' };
  return { ok: true, timestamp: at };
}
