#!/usr/bin/env node
// `fact backup <file>` / `fact restore <file> [--force]`: online backup and restore of the
// SQLite database named by --url or DATABASE_URL (default ./data/fact.sqlite). For PostgreSQL it
// prints the pg_dump / pg_restore commands to run instead.
import { parseArgs } from 'node:util';
import { parseDbUrl } from '../client/url.js';
import { postgresCommands } from './postgres.js';
import { backupSqlite, restoreSqlite } from './sqlite-backup.js';

const USAGE = `usage: fact backup <file> [--url <database url>]
       fact restore <file> [--url <database url>] [--force]

SQLite: backup copies the live database (online, consistent) to <file>, which must not exist;
restore verifies <file> and replaces the database (--force when it exists; stop the server first).
PostgreSQL: prints the pg_dump / pg_restore commands to use.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  const [command, file] = positionals;
  if (values.help || !command || !file || (command !== 'backup' && command !== 'restore') || positionals.length > 2) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const location = parseDbUrl(values.url ?? process.env.DATABASE_URL);
  if (location.kind === 'pg') {
    const commands = postgresCommands(location.url, file);
    console.log(`PostgreSQL: run\n  ${command === 'backup' ? commands.backup : commands.restore}`);
    return 0;
  }
  if (location.kind !== 'sqlite') {
    console.error(`fact ${command}: only a SQLite file or PostgreSQL can be backed up (got ${location.kind})`);
    return 2;
  }
  const report = command === 'backup' ? await backupSqlite(location.path, file) : await restoreSqlite(file, location.path, { force: values.force });
  console.log(`${command === 'backup' ? 'backed up' : 'restored'} ${report.source} -> ${report.target}: ${report.pages} pages, ${report.bytes} bytes in ${report.milliseconds.toFixed(0)} ms`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`fact: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
