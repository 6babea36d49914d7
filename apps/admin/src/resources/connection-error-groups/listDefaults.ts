import type { ListDefaults } from '../../ui/prefetchList';

/** The connection-error groups's sort and page size, shared with the read boot starts for it. */
export const ERROR_GROUP_LIST: ListDefaults = { sort: { field: 'companies', order: 'DESC' }, perPage: 25 };
