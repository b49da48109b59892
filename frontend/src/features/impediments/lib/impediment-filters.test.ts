import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams } from './impediment-filters';

describe('impediment filters in the URL', () => {
  it('reads known filters and normalises codes', () => {
    const params = new URLSearchParams('status=validated&ntm_chapter=a&partner=eu&hs=0306&severity_min=4&q=%20fish%20');
    expect(filtersFromSearchParams(params)).toEqual({
      status: 'validated',
      ntm_chapter: 'A',
      partner: 'EU',
      hs: '0306',
      severity_min: 4,
      q: 'fish',
    });
  });

  it('drops unknown or malformed values', () => {
    const params = new URLSearchParams('status=lost&hs=03x6&severity_min=9&partner=%20&cursor=abc');
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('round-trips and builds the API query', () => {
    const filters = { status: 'reported', partner: 'EU', severity_min: 2 } as const;
    expect(filtersToSearchParams(filters).toString()).toBe('status=reported&partner=EU&severity_min=2');
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
    expect(filtersToQuery(filters)).toEqual(filters);
  });
});

describe('impediment sort in the URL', () => {
  it('keeps a sort by a field the registry sorts by, and leaves the default out', () => {
    expect(filtersFromSearchParams(new URLSearchParams('sort=-severity'))).toEqual({ sort: '-severity' });
    expect(filtersFromSearchParams(new URLSearchParams('sort=-created_at'))).toEqual({});
    expect(filtersFromSearchParams(new URLSearchParams('sort=delegation_id'))).toEqual({});
    expect(filtersToSearchParams({ partner: 'EU', sort: 'title' }).toString()).toBe('partner=EU&sort=title');
    expect(filtersToQuery({ sort: 'title' })).toEqual({ sort: 'title' });
  });
});
