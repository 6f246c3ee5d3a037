/**
 * The commands that back up and restore a PostgreSQL database of Fact. PostgreSQL has its own
 * consistent online dump (`pg_dump` takes a snapshot; writers are not blocked), so Fact does not
 * wrap it: these are printed by `fact backup|restore` when `DATABASE_URL` is `postgres://…`, and
 * documented in docs/security.md.
 *
 * @example
 * ```ts
 * postgresCommands('postgres://fact@db/fact', 'fact.dump').backup;
 * // "pg_dump --format=custom --no-owner --file='fact.dump' 'postgres://fact@db/fact'"
 * ```
 */
export function postgresCommands(url: string, file: string): { backup: string; restore: string } {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    backup: `pg_dump --format=custom --no-owner --file=${q(file)} ${q(url)}`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname=${q(url)} ${q(file)}`,
  };
}
