// Export of a filtered list: every page under the current filters and sort, fetched one after another up
// to a cap, written as CSV with the table's own column names and values.
import type { ColumnDef } from '@tanstack/react-table';

import type { ListPage } from '@/api/lists';

import './column-meta';
import { buildCsv, type CsvCell } from './csv';

/** More rows than a browser tab should hold; a bigger extract is the bulk API's job. */
export const EXPORT_CAP = 10_000;
/** The largest page the API serves. */
export const EXPORT_PAGE_SIZE = 200;

export type FetchPage<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>;

/** Every row under the list's filters, at most `cap`; `truncated` says whether there were more. */
export async function fetchAllRows<T>(
  fetchPage: FetchPage<T>,
  signal: AbortSignal,
  cap = EXPORT_CAP,
): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor, signal);
    rows.push(...page.items);
    cursor = page.next_cursor ?? undefined;
    if (rows.length >= cap) return { rows: rows.slice(0, cap), truncated: rows.length > cap || cursor !== undefined };
    if (!cursor) return { rows, truncated: false };
  }
}

// A table mixes column value types (see DataTableProps).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyColumn<T> = ColumnDef<T, any>;

function headerText<T>(column: AnyColumn<T>): string {
  if (typeof column.header === 'string') return column.header;
  return column.id ?? ('accessorKey' in column ? String(column.accessorKey) : '');
}

function rawValue<T>(column: AnyColumn<T>, row: T, index: number): unknown {
  if ('accessorFn' in column && column.accessorFn) return column.accessorFn(row, index);
  if ('accessorKey' in column && column.accessorKey !== undefined) {
    return (row as Record<string, unknown>)[String(column.accessorKey)];
  }
  return undefined;
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return Array.isArray(value) ? value.join('; ') : JSON.stringify(value);
}

/** The CSV of `rows` with `columns`' headers: `meta.csv` where a column gives one, else its raw value. */
export function rowsToCsv<T>(columns: readonly AnyColumn<T>[], rows: readonly T[]): string {
  const exported = columns.filter((column) => {
    const csv = column.meta?.csv;
    if (csv === false) return false;
    return csv !== undefined || 'accessorFn' in column || 'accessorKey' in column;
  });
  return buildCsv(
    exported.map(headerText),
    rows.map((row, index) =>
      exported.map((column) => {
        const csv = column.meta?.csv;
        return csv ? csv(row) : cell(rawValue(column, row, index));
      }),
    ),
  );
}
