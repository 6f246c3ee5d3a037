import type { IncomingMessage } from 'node:http';
import { authenticate, createContextInner, type ApiSettings, type Context, type DocumentStore } from '@fact/api';
import type { DbHandle } from '@fact/db';
import type { Logger } from 'pino';
import { bearerToken, clientIp } from './http/request-info.js';

export interface RequestContextDeps {
  db: DbHandle;
  clock: () => Date;
  logger: Logger;
  documents: DocumentStore;
  settings: Partial<ApiSettings> & { tokenSecret: string };
  trustProxy: boolean;
}

/**
 * Builds a procedure context per HTTP request: authenticates the bearer token (session or API
 * token) against the database and gives the request its own child logger.
 *
 * @example
 * ```ts
 * const createContext = requestContextFactory(deps);
 * const ctx = await createContext(req, requestId);
 * ```
 */
export function requestContextFactory(deps: RequestContextDeps) {
  return async (req: IncomingMessage, requestId: string): Promise<Context> => {
    const now = deps.clock();
    const user = await authenticate(deps.db, bearerToken(req), { now, secret: deps.settings.tokenSecret });
    const userAgent = req.headers['user-agent'];
    return createContextInner({
      db: deps.db,
      user,
      clock: deps.clock,
      logger: deps.logger.child({ requestId, ...(user && { userId: user.id }) }),
      request: { ip: clientIp(req, deps.trustProxy), ...(userAgent && { userAgent }) },
      documents: deps.documents,
      settings: deps.settings,
    });
  };
}
