import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { DeadlinesCard } from './deadlines-card';

const asked: string[] = [];

const item = (id: string, deadline: string, status = 'drafting', overdue = false) => ({
  id,
  title: `Item ${id}`,
  deadline,
  status,
  overdue,
  ministerial: { code: 'MC14', name: 'Fourteenth' },
  owner: { kind: 'delegation', id: 'd', name: 'Bangladesh', code: 'BGD' },
});

vi.mock('../api/get-prep-items', () => ({
  dueBeforeQueryOptions: (dueBefore: string) => ({
    queryKey: ['due', dueBefore],
    queryFn: () => {
      asked.push(dueBefore);
      return Promise.resolve({
        items: [
          item('friday', '2026-12-04'),
          item('late', '2026-11-20', 'capital_review', true),
          item('closed', '2026-12-01', 'outcome_recorded'),
        ],
      });
    },
  }),
}));

describe('the deadlines card', () => {
  it('asks for the week and lists open items soonest first, overdue marked in words', async () => {
    renderWithProviders(<DeadlinesCard today="2026-11-30" />);
    const links = await screen.findAllByRole('link', { name: /^Item / });
    expect(links.map((link) => link.textContent)).toEqual(['Item late', 'Item friday']);
    expect(asked).toContain('2026-12-08');
    const late = links[0]?.closest('li') as HTMLElement;
    expect(within(late).getByText(/^Overdue — was due/)).toBeInTheDocument();
  });
});
