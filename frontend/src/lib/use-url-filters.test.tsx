import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';

import { defineSearchParams, param } from './search-params';
import { useUrlFilters } from './use-url-filters';

const kinds = ['negotiation', 'other'] as const;
const statuses = ['active', 'dormant'] as const;
const codec = defineSearchParams({ kind: param.oneOf(kinds), status: param.oneOf(statuses) });

function FilterBar() {
  const [filters, change] = useUrlFilters(codec);
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="search">{location.search}</output>
      <select
        aria-label="Kind"
        value={filters.kind ?? ''}
        onChange={(e) => change({ kind: kinds.find((k) => k === e.currentTarget.value) })}
      >
        <option value="">Any</option>
        <option value="negotiation">Negotiation</option>
        <option value="other">Other</option>
      </select>
      <select
        aria-label="Status"
        value={filters.status ?? ''}
        onChange={(e) => change({ status: statuses.find((k) => k === e.currentTarget.value) })}
      >
        <option value="">Any</option>
        <option value="active">Active</option>
        <option value="dormant">Dormant</option>
      </select>
      <button type="button" onClick={() => change(() => ({}))}>
        Clear
      </button>
      <button type="button" onClick={() => void navigate('?status=dormant')}>
        A link
      </button>
    </>
  );
}

const renderAt = (route: string) =>
  render(
    <MemoryRouter initialEntries={[route]}>
      <FilterBar />
    </MemoryRouter>,
  );

describe('useUrlFilters', () => {
  it('keeps both of two changes made before the page re-renders', () => {
    renderAt('/topics');
    // One act around both events: React renders only after the second, as when changes come quickly.
    act(() => {
      fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'negotiation' } });
      fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'active' } });
    });
    expect(screen.getByTestId('search')).toHaveTextContent('?kind=negotiation&status=active');
    expect(screen.getByLabelText('Kind')).toHaveValue('negotiation');
    expect(screen.getByLabelText('Status')).toHaveValue('active');
  });

  it('changes only the filter it is given and keeps the others', () => {
    renderAt('/topics?kind=other&status=dormant');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    expect(screen.getByTestId('search')).toHaveTextContent('?kind=other');
    expect(screen.getByTestId('search')).not.toHaveTextContent('status');
  });

  it('builds on a URL it did not make (a link, the back button)', () => {
    renderAt('/topics?kind=other');
    fireEvent.click(screen.getByRole('button', { name: 'A link' }));
    expect(screen.getByTestId('search')).toHaveTextContent('?status=dormant');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'negotiation' } });
    expect(screen.getByTestId('search')).toHaveTextContent('?kind=negotiation&status=dormant');
  });

  it('replaces every filter when given a function', () => {
    renderAt('/topics?kind=other&status=dormant');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByTestId('search')).toBeEmptyDOMElement();
  });
});

const sortCodec = defineSearchParams({ sort: param.sort(['title'], 'title') });

function TwoParts() {
  const [, changeFilters] = useUrlFilters(codec);
  const [, changeSort] = useUrlFilters(sortCodec);
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <button type="button" onClick={() => changeFilters({ kind: 'other' })}>
        Other
      </button>
      <button type="button" onClick={() => changeSort({ sort: '-title' })}>
        Title descending
      </button>
    </>
  );
}

describe('useUrlFilters with two codecs on one page', () => {
  it('changes only its own keys and keeps the other part of the page', () => {
    render(
      <MemoryRouter initialEntries={['/admin?tab=audit']}>
        <TwoParts />
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Title descending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Other' }));
    expect(screen.getByTestId('search')).toHaveTextContent('?tab=audit&sort=-title&kind=other');
  });
});
