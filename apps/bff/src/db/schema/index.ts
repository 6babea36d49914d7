// Every table, one file per area; drizzle-kit reads this folder to generate migrations.
export * from './auth.js';
export * from './audit.js';
export * from './mirror.js';
export * from './actions.js';
export * from './jobs.js';
export * from './finance.js';
