import type { IncomingMessage } from 'node:http';

/**
 * The bearer secret a request carries: `Authorization: Bearer <token>` (API clients, the portal's
 * server) or the `fact_session` cookie (a browser).
 *
 * @example
 * ```ts
 * bearerToken({ headers: { authorization: 'Bearer fs_abc' } } as IncomingMessage); // "fs_abc"
 * ```
 */
export function bearerToken(req: Pick<IncomingMessage, 'headers'>): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookie = req.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === 'fact_session') return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

/**
 * The client's IP for rate limiting: the socket address, or the first X-Forwarded-For hop when
 * the server sits behind a proxy we trust.
 *
 * @example
 * ```ts
 * clientIp(req, false); // "127.0.0.1"
 * ```
 */
export function clientIp(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
