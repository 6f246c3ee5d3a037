// Time-based one-time passwords (RFC 6238) for the optional second factor, through the otpauth
// library: 6 digits, 30-second steps, HMAC-SHA-1 (what every authenticator app reads from an
// otpauth:// QR code), and one step either side to forgive a phone's clock.
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (RFC 6238 §5.2 allows a small window). */
export const TOTP_WINDOW = 1;
const ISSUER = 'Fact';

function totpOf(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/**
 * A fresh secret: 20 random bytes (160 bits, RFC 4226 §4's recommended length), base32.
 *
 * @example
 * ```ts
 * newTotpSecret(); // "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" (32 characters)
 * ```
 */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The otpauth:// URI an authenticator app scans (issuer "Fact", the e-mail as account name).
 *
 * @example
 * ```ts
 * totpUri(secret, 'anna@kantoor.be'); // "otpauth://totp/Fact:anna%40kantoor.be?issuer=Fact&secret=…&algorithm=SHA1&digits=6&period=30"
 * ```
 */
export function totpUri(secretBase32: string, accountName: string): string {
  return totpOf(secretBase32, accountName).toString();
}

/**
 * The code for an instant (what the person's app shows then). For tests and tools.
 *
 * @example
 * ```ts
 * totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000)); // "287082" (RFC 6238 Appendix B, 6 digits)
 * ```
 */
export function totpCode(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to, if it is right for `now` within ±{@link TOTP_WINDOW} steps;
 * otherwise null. The caller refuses a step not greater than the last one accepted (replay).
 *
 * @example
 * ```ts
 * matchTotp(secret, '287082', new Date(59_000)); // 1
 * matchTotp(secret, '000000', new Date(59_000)); // null
 * ```
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const totp = totpOf(secretBase32);
  const delta = totp.validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}
