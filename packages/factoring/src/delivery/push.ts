import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { fail } from '../input/fail.js';
import { BlockedTargetError, guardedLookup, literalTargetProblem } from './address-guard.js';
import { IDEMPOTENCY_HEADER, pushSignature, pushSignatureOfFile, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './push-signature.js';

/** What is sent: bytes in memory, or a file streamed from disk (memory stays flat). */
export type PushBody = Buffer | { readonly path: string; readonly size: number };

/** How to push a package to a factor's endpoint. */
export interface PushOptions {
  readonly url: string;
  /** The secret shared with the factor, for the HMAC-SHA-256 signature. */
  readonly hmacKey: string | Uint8Array;
  /**
   * The same key on every attempt for the same package (the batch id): the factor stores a
   * package once per key, so a retry after a lost answer has no second effect.
   */
  readonly idempotencyKey: string;
  /** Schemes allowed; default `['https:']`. Add `'http:'` only for a local test endpoint. */
  readonly allowedSchemes?: readonly ('https:' | 'http:')[];
  /** Certificates to trust besides the system's (PEM), for a factor on a private CA. */
  readonly ca?: string | readonly string[];
  /**
   * Allow endpoints on loopback, private, link-local, CGNAT… addresses (./address-guard.ts);
   * default false. Only for a factor that really is on the operator's own network, and for tests.
   */
  readonly allowPrivateAddresses?: boolean;
  /** How host names are resolved (before the guard checks the addresses); default node:dns lookup. */
  readonly lookup?: LookupFunction;
  /** Retries after the first attempt; default 4. */
  readonly retries?: number;
  /** First backoff delay in ms, doubled each retry; default 500. */
  readonly backoffMs?: number;
  /** Per-attempt timeout in ms; default 60,000. */
  readonly timeoutMs?: number;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Waits between attempts; replaceable in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The current instant, for the signed timestamp; default the system clock. */
  readonly now?: () => Date;
  /** Told after each attempt (to record it). */
  readonly onAttempt?: (attempt: PushAttempt) => void | Promise<void>;
}

/** What one attempt gave. */
export interface PushAttempt {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly delivered: boolean;
  /** The HTTP status, when the endpoint answered. */
  readonly status?: number;
  /** Why it failed, in words. */
  readonly error?: string;
  /** Whether another attempt may succeed (network error, timeout, 408, 429, 5xx). */
  readonly retryable: boolean;
}

/** The outcome of a push: delivered, or not, with the last status or error. */
export type PushResult =
  | { readonly delivered: true; readonly status: number; readonly attempts: number }
  | { readonly delivered: false; readonly attempts: number; readonly lastStatus?: number; readonly reason: string };

function send(url: URL, body: PushBody, headers: Record<string, string>, options: PushOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const size = Buffer.isBuffer(body) ? body.length : body.size;
  // The guard sits in the lookup the socket connects with: the addresses checked are the ones used.
  const lookup = options.allowPrivateAddresses ? options.lookup : guardedLookup(url.href, options.lookup);
  const requestOptions = { method: 'POST', headers: { ...headers, 'content-type': 'application/zip', 'content-length': String(size) }, timeout: timeoutMs, ...(lookup ? { lookup } : {}) };
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    };
    const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' ? options.ca : [...options.ca];
    const req = url.protocol === 'https:' ? httpsRequest(url, { ...requestOptions, ...(ca ? { ca } : {}) }, onResponse) : httpRequest(url, requestOptions, onResponse);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else createReadStream(body.path).on('error', reject).pipe(req);
  });
}

/** 5xx, 408 and 429 are worth another try; other 4xx will fail the same way again. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * Makes one attempt: signs the body with a fresh timestamp and POSTs it.
 *
 * @example
 * ```ts
 * const a = await pushOnce(bytes, { url, hmacKey, idempotencyKey: batchId }, 1);
 * a.delivered; // true on a 2xx
 * ```
 */
export async function pushOnce(body: PushBody, options: PushOptions, attempt: number): Promise<PushAttempt> {
  const url = checkedUrl(options);
  const refused = options.allowPrivateAddresses ? null : literalTargetProblem(url);
  // Refused targets stay refused until someone changes the endpoint or the setting: not retried.
  if (refused) return { attempt, delivered: false, error: refused, retryable: false };
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const headers = {
    ...options.headers,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: Buffer.isBuffer(body) ? pushSignature(body, timestamp, options.hmacKey) : await pushSignatureOfFile(body.path, timestamp, options.hmacKey),
    [IDEMPOTENCY_HEADER]: options.idempotencyKey,
  };
  try {
    const status = await send(url, body, headers, options);
    if (status >= 200 && status < 300) return { attempt, delivered: true, status, retryable: false };
    return { attempt, delivered: false, status, error: `the endpoint answered ${status}`, retryable: retryable(status) };
  } catch (e) {
    return { attempt, delivered: false, error: (e as Error).message, retryable: !(e instanceof BlockedTargetError) };
  }
}

function checkedUrl(options: PushOptions): URL {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return fail('INVALID_ARGUMENT', 'url', `"${options.url}" is not a URL`);
  }
  const allowed = options.allowedSchemes ?? ['https:'];
  if (!(allowed as readonly string[]).includes(url.protocol)) fail('INVALID_ARGUMENT', 'url', `scheme ${url.protocol} is not allowed (allowed: ${allowed.join(', ')})`);
  if (!options.idempotencyKey) fail('INVALID_ARGUMENT', 'idempotencyKey', 'is required (the same for every attempt of one package)');
  return url;
}

/**
 * POSTs a package (a file path or its bytes) to the factor's endpoint, signed as described in
 * ./push-signature.ts (`x-fact-timestamp`, `x-fact-signature: v1=<HMAC-SHA-256 over
 * "<timestamp>." + body>`, `idempotency-key`). Network errors, timeouts, 408, 429 and 5xx are
 * retried with doubling backoff; another 4xx stops at once. Throws `INVALID_ARGUMENT` (field
 * `url`) for a scheme that is not allowed: HTTPS only unless the caller allows plain HTTP. A host
 * that is or resolves to a loopback/private/link-local… address is refused (not retried) unless
 * `allowPrivateAddresses`.
 *
 * @example
 * ```ts
 * const result = await pushPackage('B-42.zip', { url: 'https://factor.example/intake', hmacKey: secret, idempotencyKey: 'B-42' });
 * if (!result.delivered) console.error(result.reason);
 * ```
 */
export async function pushPackage(source: string | Uint8Array, options: PushOptions): Promise<PushResult> {
  checkedUrl(options);
  // A missing file is an error, not a failed delivery.
  const body: PushBody = typeof source === 'string' ? { path: source, size: (await stat(source)).size } : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const retries = options.retries ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: PushAttempt | undefined;
  for (let n = 1; n <= retries + 1; n++) {
    if (n > 1) await sleep((options.backoffMs ?? 500) * 2 ** (n - 2));
    last = await pushOnce(body, options, n);
    await options.onAttempt?.(last);
    if (last.delivered) return { delivered: true, status: last.status ?? 200, attempts: n };
    if (!last.retryable) break;
  }
  const attempts = last?.attempt ?? 0;
  return { delivered: false, attempts, ...(last?.status !== undefined ? { lastStatus: last.status } : {}), reason: last?.error ?? 'not attempted' };
}
