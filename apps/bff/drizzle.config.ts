import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a migration for schema changes; they are applied at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
