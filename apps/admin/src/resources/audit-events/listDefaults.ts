import type { ListDefaults } from '../../ui/prefetchList';

/** The audit log's sort and page size, shared with the read boot starts for it. */
export const AUDIT_LIST: ListDefaults = { sort: { field: 'at', order: 'DESC' }, perPage: 25 };
