export * from './permissions.js';
export * from './auth.js';
export * from './staff.js';
export * from './audit.js';
export * from './dataset-status.js';
export * from './operations.js';
export * from './csv.js';
export * from './mirror-syncs.js';
