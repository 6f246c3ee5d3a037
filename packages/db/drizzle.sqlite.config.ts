import { defineConfig } from 'drizzle-kit';

// `pnpm db:generate` writes the SQLite migrations into drizzle/sqlite (committed).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/schema/sqlite/*.ts',
  out: './drizzle/sqlite',
});
