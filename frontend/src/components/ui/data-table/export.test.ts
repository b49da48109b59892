import { createColumnHelper } from '@tanstack/react-table';

import { fetchAllRows, rowsToCsv } from './export';

type Row = { id: string; title: string; partner: string; severity: number };
const column = createColumnHelper<Row>();

describe('rowsToCsv', () => {
  it('names columns as the table does and writes what a column says it shows', () => {
    const columns = [
      column.accessor('title', { header: 'Title' }),
      column.accessor('partner', { header: 'Partner', meta: { csv: (r) => `Name of ${r.partner} (${r.partner})` } }),
      column.accessor((r) => r.severity * 2, { id: 'double', header: 'Double' }),
      column.display({ id: 'actions', header: 'Actions' }),
      column.accessor('id', { header: 'Id', meta: { csv: false } }),
    ];
    const csv = rowsToCsv(columns, [{ id: '1', title: '=cmd', partner: 'EU', severity: 2 }]);
    expect(csv).toBe("\uFEFFTitle,Partner,Double\r\n'=cmd,Name of EU (EU),4\r\n");
  });
});

describe('fetchAllRows', () => {
  const pages = [
    { items: [1, 2], next_cursor: 'a' },
    { items: [3, 4], next_cursor: 'b' },
    { items: [5], next_cursor: null },
  ];
  const fetchPage = vi.fn(async (cursor: string | undefined) => pages[cursor === undefined ? 0 : cursor === 'a' ? 1 : 2] ?? { items: [] });

  it('follows the cursor to the last page', async () => {
    const result = await fetchAllRows(fetchPage, new AbortController().signal);
    expect(result).toEqual({ rows: [1, 2, 3, 4, 5], truncated: false });
  });

  it('stops at the cap and says there were more', async () => {
    expect(await fetchAllRows(fetchPage, new AbortController().signal, 3)).toEqual({ rows: [1, 2, 3], truncated: true });
    expect(await fetchAllRows(fetchPage, new AbortController().signal, 5)).toEqual({
      rows: [1, 2, 3, 4, 5],
      truncated: false,
    });
    expect(await fetchAllRows(fetchPage, new AbortController().signal, 4)).toEqual({ rows: [1, 2, 3, 4], truncated: true });
  });
});
