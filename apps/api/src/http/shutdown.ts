import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * Stops the server gracefully: stop accepting connections, let in-flight requests finish (idle
 * keep-alive connections are closed at once), force-close what is still open after `timeoutMs`,
 * then run `closeResources` (the database). Resolves when all is closed.
 *
 * @example
 * ```ts
 * process.once('SIGTERM', () => void shutdown(server, { timeoutMs: 10_000, logger, closeResources: () => db.close() }));
 * ```
 */
export async function shutdown(
  server: Server,
  options: { timeoutMs: number; logger: Logger; closeResources: () => Promise<void> | void },
): Promise<void> {
  const { logger } = options;
  logger.info({ timeoutMs: options.timeoutMs }, 'shutting down: no new connections, finishing in-flight requests');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn('shutdown timeout reached: closing remaining connections');
    server.closeAllConnections();
  }, options.timeoutMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
  await options.closeResources();
  logger.info('shutdown complete');
}
