import { boardColumns, boardTotal } from './board';
import { prepStatuses } from './prep-values';

describe('the board layout', () => {
  it('shows every status as a column in workflow order, empty ones included', () => {
    const columns = boardColumns([
      { status: 'tabled', total: 1, items: ['t'] },
      { status: 'identified', total: 2, items: ['a', 'b'] },
    ]);
    expect(columns.map((column) => column.status)).toEqual([...prepStatuses]);
    expect(columns[0]).toEqual({ status: 'identified', total: 2, items: ['a', 'b'], hidden: 0 });
    expect(columns[1]).toEqual({ status: 'drafting', total: 0, items: [], hidden: 0 });
  });

  it('counts the items a column does not show', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const [first] = boardColumns([{ status: 'identified', total: 73, items }]);
    expect(first?.hidden).toBe(23);
  });

  it('never shows a negative number of hidden items', () => {
    const [first] = boardColumns([{ status: 'identified', total: 0, items: [1] }]);
    expect(first?.hidden).toBe(0);
  });

  it("keeps a status it does not know, after the known ones", () => {
    const columns = boardColumns([{ status: 'parked', total: 1, items: [1] }]);
    expect(columns.map((column) => column.status).at(-1)).toBe('parked');
    expect(columns).toHaveLength(prepStatuses.length + 1);
  });

  it('adds up the totals', () => {
    expect(boardTotal([{ total: 3 }, { total: 0 }, { total: 4 }])).toBe(7);
  });
});
