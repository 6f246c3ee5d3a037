// `pnpm start`: the Fact API on the embedded SQLite default. Migrates, adds demo data to an
// empty database, listens, prints the URL and the demo log-ins; stops gracefully on SIGTERM/SIGINT.
import { localDate } from '@fact/api';
import pino from 'pino';
import { startServer } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { seedDemoIfEmpty } from './demo.js';
import { ROUTES } from './http/server.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

const logger = pino({ level: config.LOG_LEVEL, base: { service: 'fact-api' } });
let logins: { email: string; role: string; password: string }[] = [];

const running = await startServer(config, {
  logger,
  beforeListen: async (db) => {
    if (config.SEED_DEMO === 'auto') logins = (await seedDemoIfEmpty(db, localDate(new Date(), 'Europe/Brussels'), logger)).logins;
  },
});

const lines = [
  '',
  `Fact API listening on ${running.url}`,
  `  health   ${running.url}${ROUTES.health}`,
  `  tRPC     ${running.url}${ROUTES.trpc}`,
  `  OpenAPI  ${running.url}${ROUTES.openapiDocument}`,
  ...(logins.length ? ['', 'Demo log-ins (POST /api/v1/auth/login or auth.login):', ...logins.map((l) => `  ${l.role.padEnd(13)} ${l.email} / ${l.password}`)] : []),
  '',
];
process.stdout.write(lines.join('\n'));
logger.info({ url: running.url }, 'listening');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'signal received');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  });
}
