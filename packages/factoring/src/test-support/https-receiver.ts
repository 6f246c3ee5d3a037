// A factor's intake endpoint for the tests: a real HTTPS server on loopback with a self-signed
// certificate made for the run (the client trusts it through `ca`, never by turning checks off).
// It answers the scripted statuses first, then checks each request as a factor would and stores
// a package once per idempotency key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  readonly body: Buffer;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly status: number;
  /** Whether the signature matched the body under the receiver's secret (checked with node:crypto here, independently of the sender's code). */
  readonly signatureValid: boolean;
}

/** The running receiver. */
export interface HttpsReceiver {
  readonly url: string;
  /** The certificate to trust (PEM). */
  readonly ca: string;
  readonly requests: ReceivedRequest[];
  /** Idempotency key → the package stored under it (once). */
  readonly stored: Map<string, Buffer>;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 / localhost (EC P-256: quick to make). */
export async function loopbackCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The signature a receiver expects, computed here with node:crypto (not with the code under test). */
export function receiverExpects(body: Buffer, timestamp: string, secret: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Starts the receiver. `statuses` are answered first, in order (e.g. `[503, 500]` fails twice);
 * after them a request with a valid signature is stored and answered 201 (200 if the key was
 * seen before), one with a wrong signature 401.
 *
 * @example
 * ```ts
 * const rx = await httpsReceiver('secret', [503, 500]);
 * await pushPackage(bytes, { url: rx.url, ca: rx.ca, hmacKey: 'secret', idempotencyKey: 'B-1' });
 * ```
 */
export async function httpsReceiver(secret: string, statuses: number[] = []): Promise<HttpsReceiver> {
  const { key, cert } = await loopbackCertificate();
  const requests: ReceivedRequest[] = [];
  const stored = new Map<string, Buffer>();
  const script = [...statuses];
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const timestamp = String(req.headers['x-fact-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-fact-signature'] ?? ''));
      const expected = Buffer.from(receiverExpects(body, timestamp, secret));
      const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
      const idempotencyKey = String(req.headers['idempotency-key'] ?? '');
      let status = script.shift();
      if (status === undefined) {
        if (!signatureValid || !idempotencyKey) status = 401;
        else if (stored.has(idempotencyKey)) status = 200;
        else {
          stored.set(idempotencyKey, body);
          status = 201;
        }
      }
      requests.push({ body, headers: req.headers, status, signatureValid });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/intake`,
    ca: cert,
    requests,
    stored,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
