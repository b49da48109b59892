// What a list's column says besides how it renders: the API field it sorts by and its value in a CSV
// export. TanStack Table's `ColumnMeta` is the place for such column facts.
import type { RowData } from '@tanstack/react-table';

import type { CsvCell } from './csv';

declare module '@tanstack/react-table' {
  // The type parameters must match TanStack's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The API's sort field for this column: its header becomes a sort button. */
    sort?: string;
    /** The first click sorts descending (the newest date, the highest severity on top). */
    sortDescendingFirst?: boolean;
    /**
     * The column's value in a CSV export, written as the table shows it (a code with its name, a
     * translated status). Without it the export takes the column's raw value; `false` leaves it out.
     */
    csv?: ((row: TData) => CsvCell) | false;
  }
}

export {};
