import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';

import { renderWithProviders } from '@/testing/render';

import type { ImpedimentFilters } from '../lib/impediment-filters';

import { ImpedimentsFilters } from './impediments-filters';

// The reference lists (countries, NTM chapters) are not what these tests are about: answer them empty.
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ items: [] }), { headers: { 'Content-Type': 'application/json' } })),
  );
});
afterEach(() => vi.unstubAllGlobals());

type HarnessProps = { initial: ImpedimentFilters; next: ImpedimentFilters; onChange: () => void };

/** The bar under filters that change from outside (the "navigate" button), as when the router renders a navigation. */
function Harness({ initial, next, onChange }: HarnessProps) {
  const [filters, setFilters] = useState(initial);
  return (
    <>
      <button type="button" onClick={() => setFilters(next)}>
        navigate
      </button>
      <ImpedimentsFilters filters={filters} onChange={onChange} />
    </>
  );
}

describe('the impediments filter bar', () => {
  it('keeps the search being typed when a select applies and the page re-renders with the new filters', () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={{}} next={{ status: 'under_review' }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'residue testing' } });
    // The router renders the status change late (a transition), after the user has typed.
    fireEvent.click(screen.getByRole('button', { name: 'navigate' }));
    expect(screen.getByLabelText('Search')).toHaveValue('residue testing');
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(onChange).toHaveBeenLastCalledWith({ hs: undefined, q: 'residue testing' });
  });

  it('shows the search of a URL reached from outside (back button, a link)', () => {
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={{ q: 'old' }} next={{ q: 'linked', hs: '0306' }} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'typed' } });
    fireEvent.click(screen.getByRole('button', { name: 'navigate' }));
    expect(screen.getByLabelText('Search')).toHaveValue('linked');
    expect(screen.getByLabelText('HS prefix')).toHaveValue('0306');
  });
});
