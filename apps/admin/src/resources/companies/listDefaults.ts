import type { ListDefaults } from '../../ui/prefetchList';

/** The companies list's sort and page size, shared with the read boot starts for it. */
export const COMPANY_LIST: ListDefaults = { sort: { field: 'name', order: 'ASC' }, perPage: 25 };
