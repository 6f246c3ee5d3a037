import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { AnyRouter } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createOpenApiHttpHandler, type OpenAPIObject, type OpenApiRouter } from 'trpc-to-openapi';
import type { Logger } from 'pino';

/** Where each surface lives. */
export const ROUTES = { health: '/health', trpc: '/trpc', openapi: '/api/v1', openapiDocument: '/api/v1/openapi.json' } as const;

export interface AppServerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  /** Builds the per-request context (authentication happens here). */
  createContext: (req: IncomingMessage, requestId: string) => Promise<object>;
  /** Read on each request, so it can carry the URL the server actually bound to. */
  readonly openApiDocument: OpenAPIObject;
  logger: Logger;
  /** Says whether the database answers; /health reports 503 when it does not. */
  checkDatabase: () => Promise<boolean>;
  maxBodyBytes: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * The HTTP server of the API: `/health`, tRPC under `/trpc`, the OpenAPI/REST surface under
 * `/api/v1` (its document at `/api/v1/openapi.json`). Every request is logged once, with an id,
 * its status and duration. Call `.listen()` on the result.
 *
 * @example
 * ```ts
 * const server = createAppServer({ router: appRouter, createContext, openApiDocument, logger, checkDatabase, maxBodyBytes });
 * server.listen(3000);
 * ```
 */
export function createAppServer<TRouter extends AnyRouter>(options: AppServerOptions<TRouter>): Server {
  const { logger } = options;
  // The adapters hand createContext their own view of the request (the OpenAPI one a Fetch
  // Request); the original Node request and its id travel alongside in async-local storage.
  const current = new AsyncLocalStorage<{ req: IncomingMessage; requestId: string }>();
  const createContext = async () => {
    const request = current.getStore();
    if (!request) throw new Error('request context missing');
    return options.createContext(request.req, request.requestId);
  };
  // Errors inside procedures are logged once by @fact/api (with an id); this catches the rest
  // (context creation, body parsing) so nothing fails silently.
  const onError = ({ error, path }: { error: { code: string; cause?: unknown; message: string }; path?: string }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR' && !(error as { errorId?: string }).errorId) logger.error({ err: error.cause ?? error, path }, 'request failed before reaching a procedure');
  };
  const trpc = createHTTPHandler({
    onError,
    router: options.router,
    basePath: `${ROUTES.trpc}/`,
    maxBodySize: options.maxBodyBytes,
    createContext: createContext as never,
  });
  const openapi = createOpenApiHttpHandler({
    onError: onError as never,
    router: options.router as unknown as OpenApiRouter,
    maxBodySize: options.maxBodyBytes,
    createContext: createContext as never,
  });

  return createServer((req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = (req.url ?? '/').split('?')[0];
      logger.info({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    void current.run({ req, requestId }, () => route(req, res)).catch((err: unknown) => {
      logger.error({ err, requestId }, 'request failed outside the router');
      if (!res.headersSent) sendJson(res, 500, { message: `Unexpected error, id ${requestId}` });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === ROUTES.health) {
      const dbOk = await options.checkDatabase().catch(() => false);
      sendJson(res, dbOk ? 200 : 503, { status: dbOk ? 'ok' : 'degraded', database: dbOk ? 'ok' : 'unreachable' });
      return;
    }
    if (path === ROUTES.trpc || path.startsWith(`${ROUTES.trpc}/`)) {
      trpc(req, res);
      return;
    }
    if (path === ROUTES.openapiDocument && req.method === 'GET') {
      sendJson(res, 200, options.openApiDocument);
      return;
    }
    if (path.startsWith(`${ROUTES.openapi}/`)) {
      // The OpenAPI handler routes on the path relative to its mount point.
      req.url = (req.url ?? '/').slice(ROUTES.openapi.length);
      await openapi(req, res);
      return;
    }
    sendJson(res, 404, { message: `Nothing at ${path}. Try ${ROUTES.health}, ${ROUTES.trpc} or ${ROUTES.openapiDocument}.` });
  }
}
