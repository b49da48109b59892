// A TanStack Table rendered with Mantine's table: a captioned, keyboard-scrollable table that every
// list page shares, with an empty state instead of an empty grid and, where the list sorts on the
// server, header buttons that change the sort (`aria-sort` on the header cell says which way).
import { Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Header } from '@tanstack/react-table';

import './column-meta';
import { nextSort, sortDirection } from './sort';

export type TableSort = { value: string | undefined; onChange: (sort: string) => void };

export type DataTableProps<T> = {
  data: T[];
  // TanStack's column type is invariant in the cell value; a table mixes value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Says what the table lists; read by screen readers, hidden on screen unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  emptyMessage: string;
  getRowId: (row: T) => string;
  /** The list's sort, for columns whose `meta.sort` names an API field. */
  sort?: TableSort;
};

const arrows = { ascending: '▲', descending: '▼', none: '↕' } as const;

function HeaderCell<T>({ header, sort }: { header: Header<T, unknown>; sort?: TableSort }) {
  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
  const meta = header.column.columnDef.meta;
  const field = sort && meta?.sort;
  if (!sort || !field) {
    return (
      <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
    );
  }
  const direction = sortDirection(sort.value, field);
  return (
    <Table.Th scope="col" aria-sort={direction} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => sort.onChange(nextSort(sort.value, field, meta.sortDescendingFirst))}
        fw={700}
        fz="inherit"
        data-sort-field={field}
        style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}
      >
        {label}
        <span aria-hidden="true" style={{ opacity: direction === 'none' ? 0.45 : 1, fontSize: '0.75em' }}>
          {arrows[direction]}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function DataTable<T>({ data, columns, caption, showCaption, emptyMessage, getRowId, sort }: DataTableProps<T>) {
  // TanStack Table returns functions that the React Compiler cannot memoize; this app does not use the
  // compiler, so the lint rule that warns about it does not apply. Sorting is the server's: rows are
  // shown in the order they arrive.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId, manualSorting: true });

  if (data.length === 0) {
    return (
      <Text c="dimmed" py="md" role="status">
        {emptyMessage}
      </Text>
    );
  }

  return (
    // A wide table scrolls inside its own region; tabIndex lets keyboard users scroll it. The region is
    // positioned so that the visually hidden (absolutely positioned) caption stays inside it instead of
    // widening the page on a phone.
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto', position: 'relative' }}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={640} captionSide="top">
        <Table.Caption>{showCaption ? caption : <VisuallyHidden>{caption}</VisuallyHidden>}</Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header as Header<T, unknown>} sort={sort} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
