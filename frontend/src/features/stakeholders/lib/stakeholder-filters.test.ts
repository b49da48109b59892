import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams } from './stakeholder-filters';

describe('stakeholder filters in the URL', () => {
  it('reads known filters and normalises codes', () => {
    const params = new URLSearchParams('country=bgd&sector=c&size_class=small&women_led=true&exporter=false&q=%20knit%20');
    expect(filtersFromSearchParams(params)).toEqual({
      country: 'BGD',
      sector: 'C',
      size_class: 'small',
      women_led: true,
      exporter: false,
      q: 'knit',
    });
  });

  it('drops unknown or malformed values', () => {
    const params = new URLSearchParams('country=Bangladesh&sector=Z&size_class=huge&kind=firm&importer=yes&cursor=abc');
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('round-trips and builds the API query', () => {
    const filters = { country: 'NPL', kind: 'cooperative', women_led: true } as const;
    expect(filtersToSearchParams(filters).toString()).toBe('country=NPL&kind=cooperative&women_led=true');
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    expect(filtersToQuery(filters)).toEqual(filters);
  });
});

describe('stakeholder sort in the URL', () => {
  it('keeps a sort by a field the directory sorts by, and leaves the default out', () => {
    expect(filtersFromSearchParams(new URLSearchParams('sort=-name'))).toEqual({ sort: '-name' });
    expect(filtersFromSearchParams(new URLSearchParams('sort=-created_at'))).toEqual({});
    expect(filtersFromSearchParams(new URLSearchParams('sort=email'))).toEqual({});
    expect(filtersToSearchParams({ kind: 'cooperative', sort: 'country' }).toString()).toBe('kind=cooperative&sort=country');
  });
});
