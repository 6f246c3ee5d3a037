import { createCaller, createContextInner, type AuthUser } from '@fact/api';
import { getRuntime } from './runtime.js';

/** A tRPC caller bound to one user and request: the portal's only way to read or change data. */
export type Api = ReturnType<typeof createCaller>;

/** Builds the server-side caller for a request. */
export function apiFor(user: AuthUser | null, request: { ip: string; userAgent?: string }): Api {
  const rt = getRuntime();
  return createCaller(
    createContextInner({
      db: rt.db,
      user,
      clock: rt.clock,
      request,
      documents: rt.documents,
      settings: rt.settings,
    }),
  );
}
