export * from './permissions.js';
export * from './auth.js';
