/** Read only through the company page's Data panel, which `companies` mounts lazily. */
export const dataStatus = { name: 'data-status' };
export type { DataStatusRecord } from './types';
