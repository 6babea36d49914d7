import { pgliteTemplate } from './databases.js';

/** Builds the migrated PGlite template once, before test files start stacks in parallel. */
export default async function setup(): Promise<void> {
  await pgliteTemplate();
}
