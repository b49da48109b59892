import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import type { Board, PrepCard } from '../lib/prep-types';

import { PrepBoard } from './prep-board';

function item(id: string, status: string, deadline: string | null, overdue = false): PrepCard {
  return {
    id,
    owner: { kind: 'delegation', id: 'd1', name: 'Bangladesh', code: 'BGD' },
    visibility: 'delegation',
    title: `Item ${id}`,
    kind: 'position',
    interest: 'defensive',
    priority: 'high',
    status: status as PrepCard['status'],
    deadline,
    overdue,
    responsible_name: null,
  };
}

const board: Board = {
  ministerial: { code: 'MC12', name: 'Twelfth' },
  columns: [
    { status: 'drafting', total: 60, items: [item('a', 'drafting', '2026-11-01', true), item('b', 'drafting', '2027-03-01')] },
    { status: 'identified', total: 0, items: [] },
  ],
};

describe('the board', () => {
  it('shows a column per status in workflow order with its count', () => {
    renderWithProviders(<PrepBoard board={board} today="2026-11-30" />);
    const columns = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(columns[0]).toMatch(/^Identified/);
    expect(columns[1]).toBe('Drafting (60 items)');
    expect(columns).toHaveLength(7);
    expect(screen.getByText('and 58 more not shown')).toBeInTheDocument();
  });

  it('marks an overdue item in words, not colour alone', () => {
    renderWithProviders(<PrepBoard board={board} today="2026-11-30" />);
    const [late, later] = screen.getAllByTestId('prep-card');
    expect(within(late as HTMLElement).getByText(/^Overdue — was due/)).toBeInTheDocument();
    expect(within(later as HTMLElement).queryByText(/Overdue/)).toBeNull();
    expect(within(later as HTMLElement).getByText(/^Due /)).toBeInTheDocument();
  });

  it('links each card to its prep item', () => {
    renderWithProviders(<PrepBoard board={board} today="2026-11-30" />);
    expect(screen.getByRole('link', { name: 'Item a' })).toHaveAttribute('href', '/prep-items/a');
  });
});
