import { resolve } from 'node:path';
import { deliveryEnvFromEnv, fileDocumentStore, importLegacyFactoringFiles, retryDueDeliveries } from '@fact/api';
import { createDb } from '@fact/db';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

interface ServerOptions {
  databaseUrl?: string;
  documentsDir: string;
}

/** The server's database and document store, as the API server finds them. */
function serverParts(opts: ServerOptions) {
  return { db: createDb(opts.databaseUrl ?? process.env.DATABASE_URL), documents: fileDocumentStore(resolve(opts.documentsDir)) };
}

const keySecret = () => process.env.FACT_KEY_SECRET || null;

function withServerOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'the database (default: DATABASE_URL, else ./data/fact.sqlite)')
    .option('--documents-dir <dir>', 'the document store of the server', process.env.DOCUMENTS_DIR ?? './data/documents');
}

/**
 * The commands that work on a server's database: the retry path of deliveries (run it from cron
 * or a timer, e.g. every 5 minutes) and the one-time import of the first release's files.
 * FACT_KEY_SECRET, FACT_PUSH_CA_FILE, FACT_PUSH_ALLOW_PRIVATE and FACT_FACTORING_OUTBOX are read
 * as by the API server (and the worker, which runs the same retry pass every minute).
 *
 * @example
 * ```sh
 * DATABASE_URL=postgres://… fact-factoring deliveries-retry
 * ```
 */
export function serverCommands(program: Command, io: CliIo): void {
  withServerOptions(
    program
      .command('deliveries-retry')
      .description("Retry every factoring package delivery that failed and is due again (one attempt each; safe to run from several machines at once)")
      .option('--limit <n>', 'at most this many batches', '100'),
  ).action(async (opts: ServerOptions & { limit: string }) => {
    const { db, documents } = serverParts(opts);
    try {
      const env = { ...deliveryEnvFromEnv(process.env, { db, clock: () => new Date(), documentsDir: opts.documentsDir }), documents };
      const result = await retryDueDeliveries(env, Number(opts.limit));
      io.out(`${result.tried} due, ${result.delivered} delivered, ${result.failed.length} still failing\n`);
      for (const f of result.failed) io.err(`batch ${f.batchId}: ${f.error}\n`);
      if (result.failed.length) process.exitCode = 1;
    } finally {
      await db.close();
    }
  });

  withServerOptions(
    program
      .command('import-data-dir')
      .description('Import once the factoring files of the first release (<data dir>/factoring: profiles, signing key, seller addresses, packages) into the database, then rename the folder')
      .option('--data-dir <dir>', 'the data directory', process.env.FACT_DATA_DIR ?? './data'),
  ).action(async (opts: ServerOptions & { dataDir: string }) => {
    const { db, documents } = serverParts(opts);
    try {
      await db.migrate();
      const done = await importLegacyFactoringFiles({ db, documents, keySecret: keySecret(), now: new Date() }, resolve(opts.dataDir));
      io.out(`${done.profiles} profiles, ${done.keys} signing keys, ${done.sellers} seller addresses, ${done.packages} packages imported${done.movedTo ? `; the folder is now ${done.movedTo}` : ' (nothing to import)'}\n`);
      for (const s of done.skipped) io.err(`skipped: ${s}\n`);
    } finally {
      await db.close();
    }
  });
}
