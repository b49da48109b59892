import { fireEvent, screen, within } from '@testing-library/react';
import { vi } from 'vitest';

import type * as Reference from '@/lib/reference';
import { renderWithProviders } from '@/testing/render';

import { ResultsFiltersBar } from './results-filters-bar';

// The reference data as if loaded: Bangladesh and sector C are known, Nepal is not (yet).
vi.mock('@/lib/reference', async (importOriginal) => {
  const actual = await importOriginal<typeof Reference>();
  const { default: i18n } = await import('@/lib/i18n');
  const names = actual.buildNames(
    { countries: [{ code: 'BGD', name: 'Bangladesh' }] as never, sectors: [{ code: 'C', title: 'Manufacturing' }] },
    i18n.t.bind(i18n),
  );
  return { ...actual, useNames: () => names };
});

describe('the results filters bar', () => {
  it('names countries and sectors as every other page does, and sends the code', () => {
    const onChange = vi.fn();
    renderWithProviders(<ResultsFiltersBar filters={{}} onChange={onChange} />);

    const country = screen.getByLabelText('Country');
    expect(within(country).getByRole('option', { name: 'Bangladesh (BGD)' })).toHaveValue('BGD');
    // A code the reference data does not name reads as itself rather than disappearing.
    expect(within(country).getByRole('option', { name: 'NPL' })).toHaveValue('NPL');
    const sector = screen.getByLabelText('Sector');
    expect(within(sector).getByRole('option', { name: 'C — Manufacturing' })).toHaveValue('C');

    fireEvent.change(sector, { target: { value: 'C' } });
    expect(onChange).toHaveBeenLastCalledWith({ sector: 'C' });
    fireEvent.change(country, { target: { value: 'BGD' } });
    expect(onChange).toHaveBeenLastCalledWith({ country: 'BGD' });
  });
});
