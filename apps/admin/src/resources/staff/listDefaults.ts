import type { ListDefaults } from '../../ui/prefetchList';

/** The staff list's sort and page size, shared with the read boot starts for it. */
export const STAFF_LIST: ListDefaults = { sort: { field: 'name', order: 'ASC' }, perPage: 50 };
