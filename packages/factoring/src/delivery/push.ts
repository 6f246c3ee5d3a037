import { createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { fail } from '../input/fail.js';

/** How to push a package to a factor's endpoint. */
export interface PushOptions {
  readonly url: string;
  /** The shared secret for the HMAC-SHA256 signature header. */
  readonly hmacKey: string | Uint8Array;
  /** Schemes allowed; default `['https:']`. Add `'http:'` only for a local test endpoint. */
  readonly allowedSchemes?: readonly ('https:' | 'http:')[];
  /** Retries after the first attempt; default 4. */
  readonly retries?: number;
  /** First backoff delay in ms, doubled each retry; default 500. */
  readonly backoffMs?: number;
  /** Per-attempt timeout in ms; default 60,000. */
  readonly timeoutMs?: number;
  /** Extra headers (the batch id, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Waits between attempts; replaceable in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The outcome of a push: delivered, or not, with each attempt's status or error. */
export type PushResult =
  | { readonly delivered: true; readonly status: number; readonly attempts: number }
  | { readonly delivered: false; readonly attempts: number; readonly lastStatus?: number; readonly reason: string };

/** The header that carries `sha256=<hex HMAC-SHA256 of the body>`. */
export const SIGNATURE_HEADER = 'x-fact-signature';

async function hmacOfFile(path: string, key: string | Uint8Array): Promise<string> {
  const hmac = createHmac('sha256', key);
  for await (const chunk of createReadStream(path)) hmac.update(chunk as Buffer);
  return hmac.digest('hex');
}

function attempt(url: URL, path: string, size: number, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/zip', 'content-length': String(size) }, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    createReadStream(path).on('error', reject).pipe(req);
  });
}

/** 5xx, 408 and 429 are worth another try; other 4xx will fail the same way again. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * POSTs a package file to the factor's endpoint, streamed (memory stays flat), with
 * `x-fact-signature: sha256=<HMAC-SHA256 of the body>` so the factor knows it came from the firm
 * unchanged. Network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff;
 * another 4xx stops at once. Throws `INVALID_ARGUMENT` (field `url`) for a scheme that is not
 * allowed: HTTPS only unless the caller allows plain HTTP.
 *
 * @example
 * ```ts
 * const result = await pushPackage('B-42.zip', { url: 'https://factor.example/intake', hmacKey: secret, headers: { 'x-fact-batch-id': 'B-42' } });
 * if (!result.delivered) console.error(result.reason);
 * ```
 */
export async function pushPackage(path: string, options: PushOptions): Promise<PushResult> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return fail('INVALID_ARGUMENT', 'url', `"${options.url}" is not a URL`);
  }
  const allowed = options.allowedSchemes ?? ['https:'];
  if (!(allowed as readonly string[]).includes(url.protocol)) fail('INVALID_ARGUMENT', 'url', `scheme ${url.protocol} is not allowed (allowed: ${allowed.join(', ')})`);
  const size = (await stat(path)).size;
  const signature = await hmacOfFile(path, options.hmacKey);
  const headers = { ...options.headers, [SIGNATURE_HEADER]: `sha256=${signature}` };
  const retries = options.retries ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastStatus: number | undefined;
  let reason = '';
  for (let n = 0; n <= retries; n++) {
    if (n > 0) await sleep((options.backoffMs ?? 500) * 2 ** (n - 1));
    try {
      const status = await attempt(url, path, size, headers, options.timeoutMs ?? 60_000);
      if (status >= 200 && status < 300) return { delivered: true, status, attempts: n + 1 };
      lastStatus = status;
      reason = `the endpoint answered ${status}`;
      if (!retryable(status)) return { delivered: false, attempts: n + 1, lastStatus, reason };
    } catch (e) {
      reason = (e as Error).message;
    }
  }
  return { delivered: false, attempts: retries + 1, ...(lastStatus !== undefined ? { lastStatus } : {}), reason };
}

/**
 * The signature a factor's endpoint should compute over the body it received and compare with
 * the header (in constant time).
 *
 * @example
 * ```ts
 * timingSafeEqual(Buffer.from(req.headers['x-fact-signature']), Buffer.from(expectedSignature(body, secret)));
 * ```
 */
export function expectedSignature(body: Uint8Array, key: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}
