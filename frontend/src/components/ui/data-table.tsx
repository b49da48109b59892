// A TanStack Table rendered with Mantine's table: a captioned, keyboard-scrollable table that every
// list page shares, with an empty state instead of an empty grid.
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

type DataTableProps<T> = {
  data: T[];
  // TanStack's column type is invariant in the cell value; a table mixes value types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Says what the table lists; read by screen readers, hidden on screen unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  emptyMessage: string;
  getRowId: (row: T) => string;
};

export function DataTable<T>({ data, columns, caption, showCaption, emptyMessage, getRowId }: DataTableProps<T>) {
  // TanStack Table returns functions that the React Compiler cannot memoize; this app does not use the
  // compiler, so the lint rule that warns about it does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId });

  if (data.length === 0) {
    return (
      <Text c="dimmed" py="md" role="status">
        {emptyMessage}
      </Text>
    );
  }

  return (
    // A wide table scrolls inside its own region; tabIndex lets keyboard users scroll it.
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={640} captionSide="top">
        <Table.Caption>{showCaption ? caption : <VisuallyHidden>{caption}</VisuallyHidden>}</Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id} scope="col">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </Table.Th>
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
