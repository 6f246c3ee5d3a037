import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appRouter, fileDocumentStore, importLegacyFactoringFiles } from '@fact/api';
import { createDb, type DbHandle } from '@fact/db';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createAppServer, ROUTES } from './http/server.js';
import { shutdown } from './http/shutdown.js';
import { openApiDocument } from './openapi.js';
import { requestContextFactory } from './request-context.js';

/** A running API server. */
export interface RunningServer {
  server: Server;
  db: DbHandle;
  /** `http://host:port` as actually bound (port 0 → the ephemeral port). */
  url: string;
  /** Graceful stop: no new connections, in-flight requests finish, then the database closes. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), builds the HTTP server and listens. Used by `main.ts` and by
 * the HTTP tests (with port 0 on loopback).
 *
 * @example
 * ```ts
 * const running = await startServer(loadConfig(process.env), { logger });
 * console.log(running.url);
 * ```
 */
export async function startServer(
  config: Config,
  options: { logger: Logger; clock?: () => Date; db?: DbHandle; beforeListen?: (db: DbHandle) => Promise<void> },
): Promise<RunningServer> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const db = options.db ?? createDb(config.DATABASE_URL);
  await db.migrate();
  await options.beforeListen?.(db);
  if (config.FACT_DATA_DIR) {
    // Once: the first factoring release kept its state as files under the data directory.
    const imported = await importLegacyFactoringFiles({ db, documents: fileDocumentStore(config.DOCUMENTS_DIR), keySecret: config.FACT_KEY_SECRET ?? null, now: clock() }, config.FACT_DATA_DIR);
    if (imported.movedTo) logger.info({ ...imported }, 'factoring files of the data directory imported into the database');
  }
  const createContext = requestContextFactory({
    db,
    clock,
    logger,
    documents: fileDocumentStore(config.DOCUMENTS_DIR),
    settings: {
      tokenSecret: config.SESSION_SECRET,
      sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000,
      maxUploadBytes: config.MAX_UPLOAD_BYTES,
      keySecret: config.FACT_KEY_SECRET ?? null,
      pushCa: config.FACT_PUSH_CA_FILE ? readFileSync(config.FACT_PUSH_CA_FILE, 'utf8') : null,
      pushAllowPrivate: config.FACT_PUSH_ALLOW_PRIVATE === '1' || config.FACT_PUSH_ALLOW_PRIVATE === 'true',
      factoringOutboxDir: config.FACT_FACTORING_OUTBOX ?? null,
    },
    trustProxy: config.TRUST_PROXY === 'true',
  });
  let document = openApiDocument(`http://${config.HOST}:${config.PORT}${ROUTES.openapi}`);
  const server = createAppServer({
    router: appRouter,
    createContext,
    get openApiDocument() {
      return document;
    },
    logger,
    checkDatabase: async () => {
      await db.db.select({ id: db.tables.firms.id }).from(db.tables.firms).limit(1);
      return true;
    },
    // Base64 uploads are a third larger than the file; leave room for the JSON around them.
    maxBodyBytes: Math.ceil(config.MAX_UPLOAD_BYTES * 1.4) + 64 * 1024,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  document = openApiDocument(`${url}${ROUTES.openapi}`);
  let closing: Promise<void> | undefined;
  return {
    server,
    db,
    url,
    close: () => (closing ??= shutdown(server, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger, closeResources: () => db.close() })),
  };
}
