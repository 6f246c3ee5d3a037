import pg from 'pg';

/**
 * A throw-away database on the real PostgreSQL server named by TEST_POSTGRES_URL, and how to
 * drop it. The role must be allowed to create databases (CI's is).
 *
 * @example
 * ```ts
 * const { url, drop } = await throwAwayDatabase(realPostgresUrl()!);
 * ```
 */
export async function throwAwayDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fact_api_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
