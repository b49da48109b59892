import { filtersFromSearchParams, filtersToSearchParams } from './consultation-filters';
import {
  datesOnly,
  firstFilterOnly,
  hasDates,
  hasProfileFilter,
  isFiltered,
  oneAtATime,
  resultsFiltersCodec,
} from './results-filters';

describe('consultation filters in the URL', () => {
  it('reads the list filters and drops unknown statuses', () => {
    expect(filtersFromSearchParams(new URLSearchParams('status=open&q=%20fish%20'))).toEqual({
      status: 'open',
      q: 'fish',
    });
    expect(filtersFromSearchParams(new URLSearchParams('status=lost&q=%20'))).toEqual({});
    expect(filtersToSearchParams({ status: 'draft', q: 'x' }).toString()).toBe('status=draft&q=x');
  });

  it('reads respondent filters, normalising codes and dropping malformed values', () => {
    const params = new URLSearchParams(
      'country=bgd&sector=c&size_class=micro&women_led=true&from=2025-01-01&to=2025-02-30x',
    );
    expect(resultsFiltersCodec.parse(params)).toEqual({
      country: 'BGD',
      sector: 'C',
      size_class: 'micro',
      women_led: true,
      from: '2025-01-01',
    });
    expect(
      resultsFiltersCodec.parse(new URLSearchParams('country=BD&sector=Z&size_class=huge&women_led=yes')),
    ).toEqual({});
  });

  it('round-trips in a fixed order and knows when a filter is set', () => {
    const filters = { women_led: false, country: 'NPL' } as const;
    expect(resultsFiltersCodec.serialize(filters).toString()).toBe('country=NPL&women_led=false');
    expect(resultsFiltersCodec.parse(resultsFiltersCodec.serialize(filters))).toEqual(filters);
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ women_led: false })).toBe(true);
  });

  it('applies one filter at a time for readers who are not admins', () => {
    const cleared = { country: undefined, sector: undefined, size_class: undefined, women_led: undefined };
    expect(oneAtATime({ sector: 'C' })).toEqual({ ...cleared, from: undefined, to: undefined, sector: 'C' });
    expect(oneAtATime({ from: '2026-03-10' })).toEqual({ ...cleared, from: '2026-03-10' });
    expect(oneAtATime({ women_led: false })).toMatchObject({ women_led: false, country: undefined, to: undefined });
    expect(oneAtATime({ country: undefined })).toEqual({ country: undefined });
  });

  it('narrows a shared URL to the one filter a non-admin may send', () => {
    expect(firstFilterOnly({ sector: 'C', country: 'BGD', from: '2026-03-01' })).toEqual({ country: 'BGD' });
    expect(firstFilterOnly({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(datesOnly({ country: 'BGD', to: '2026-03-31' })).toEqual({ to: '2026-03-31' });
    expect(hasProfileFilter({ women_led: false })).toBe(true);
    expect(hasProfileFilter({ from: '2026-03-01' })).toBe(false);
    expect(hasDates({ to: '2026-03-31' })).toBe(true);
  });
});
