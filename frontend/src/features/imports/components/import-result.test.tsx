import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import type { Import } from '../lib/import-values';

import { ImportResult } from './import-result';

const downloadReport = vi.fn();
vi.mock('../api/downloads', () => ({ downloadReport: (id: string) => downloadReport(id) }));

function result(overrides: Partial<Import> = {}): Import {
  return {
    id: 'imp-1',
    kind: 'stakeholders',
    format: 'csv',
    mode: 'insert',
    dry_run: true,
    on_error: 'abort',
    status: 'rejected',
    rows_total: 5,
    rows_inserted: 3,
    rows_updated: 0,
    rows_rejected: 2,
    rows_done: 5,
    rows_expected: 5,
    delegation_id: 'd1',
    created_by: 'u1',
    created_at: '2026-11-30T10:00:00Z',
    finished_at: '2026-11-30T10:00:01Z',
    problems: [
      { row: 5, column: 'size_class', code: 'invalid_choice', message: 'must be one of micro, small, medium' },
      { row: 3, column: 'country', code: 'unknown_code', message: 'is not a country code' },
    ],
    ...overrides,
  };
}

describe('an import’s result', () => {
  beforeEach(() => {
    downloadReport.mockReset().mockResolvedValue(undefined);
  });

  it('names each bad row with its column, code and message, in row order, and says nothing was written', async () => {
    renderWithProviders(<ImportResult result={result()} />);
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2 rows need fixing (below). Nothing was written.');
    expect(screen.getByTestId('count-total')).toHaveTextContent('5');
    expect(screen.getByText('Would be added')).toBeInTheDocument();
    expect(screen.getByTestId('count-rejected')).toHaveTextContent('2');
    const table = screen.getByRole('table', { name: 'What to fix, row by row' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['3', 'country', 'unknown_code', 'is not a country code'],
      ['5', 'size_class', 'invalid_choice', 'must be one of micro, small, medium'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Download the report (CSV)' }));
    expect(downloadReport).toHaveBeenCalledWith('imp-1');
  });

  it('shows a clean import’s counts as written, with no table and no report to download', () => {
    const done = result({ dry_run: false, status: 'completed', rows_inserted: 5, rows_rejected: 0, problems: [] });
    renderWithProviders(<ImportResult result={done} />);
    expect(screen.getByTestId('import-summary')).toHaveTextContent('Imported: every row was written.');
    expect(screen.getByText('Added')).toBeInTheDocument();
    expect(screen.getByTestId('count-inserted')).toHaveTextContent('5');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /report/ })).not.toBeInTheDocument();
  });

  it('names a problem of the row as a whole as such', () => {
    const whole = result({ problems: [{ row: 2, column: 'row', code: 'taken', message: 'exists' }], rows_rejected: 1 });
    renderWithProviders(<ImportResult result={whole} />);
    expect(screen.getByText('(the whole row)')).toBeInTheDocument();
  });
});
