// The shared list table: `ListTable` for a cursor-paged list, `DataTable` for rows already at hand.
export { DataTable, type DataTableProps, type TableSort } from './data-table';
export type { ListExport } from './export-button';
export { ListTable } from './list-table';
export { ListSkeleton } from './list-skeleton';
export { LoadMore } from './load-more';
export type { PagedQuery } from './paged-query';
export { EXPORT_PAGE_SIZE } from './export';
export { urlSort } from './sort';
