import { defineConfig } from 'drizzle-kit';

// `pnpm db:generate` writes the PostgreSQL migrations into drizzle/pg (committed).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/pg/*.ts',
  out: './drizzle/pg',
});
