import { act, fireEvent, screen } from '@testing-library/react';
import { useLocation } from 'react-router';

import { useUrlFilters } from '@/lib/use-url-filters';
import { renderWithProviders } from '@/testing/render';

import { topicParams } from '../lib/topic-filters';

import { TopicsFilters } from './topics-filters';

function TopicsPage() {
  const [filters, change] = useUrlFilters(topicParams);
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <TopicsFilters filters={filters} onChange={change} />
    </>
  );
}

describe('the topics filter bar', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps two quick filter changes in the URL', () => {
    renderWithProviders(<TopicsPage />, { route: '/topics' });
    act(() => {
      fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'negotiation' } });
      fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    });
    expect(screen.getByTestId('search')).toHaveTextContent('?kind=negotiation&status=active');
  });

  it('keeps a kind chosen while the typed search waits to apply', () => {
    vi.useFakeTimers();
    renderWithProviders(<TopicsPage />, { route: '/topics' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'fish' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'negotiation' } });
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByTestId('search')).toHaveTextContent('?kind=negotiation&q=fish');
  });
});
