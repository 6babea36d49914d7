/**
 * apps/bff/, found from this module: run from src/ (tsx, tests) or bundled into dist/main.js
 * (`npm start`), the module sits one level below it either way.
 */
export const PACKAGE_ROOT = new URL('..', import.meta.url);
