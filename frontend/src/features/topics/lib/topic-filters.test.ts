import { filtersFromSearchParams, filtersToQuery, filtersToSearchParams } from './topic-filters';

describe('topic filters in the URL', () => {
  it('reads known filters from the query string', () => {
    const params = new URLSearchParams('kind=negotiation&status=active&q=%20fish%20&sort=-title');
    expect(filtersFromSearchParams(params)).toEqual({
      kind: 'negotiation',
      status: 'active',
      q: 'fish',
      sort: '-title',
    });
  });

  it('drops unknown values, empty text and the default sort', () => {
    const params = new URLSearchParams('kind=treaty&status=&q=%20%20&sort=code&cursor=abc');
    expect(filtersFromSearchParams(params)).toEqual({});
  });

  it('writes filters in a fixed order without empty values', () => {
    expect(filtersToSearchParams({ q: ' rules ', kind: 'plurilateral', status: undefined }).toString()).toBe(
      'kind=plurilateral&q=rules',
    );
    expect(filtersToSearchParams({ sort: 'code' }).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    const filters = { kind: 'joint_statement_initiative', status: 'dormant', q: 'e-commerce', sort: 'title' } as const;
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(filters);
  });

  it('builds the API query with the default sort', () => {
    expect(filtersToQuery({ kind: 'negotiation' })).toEqual({ kind: 'negotiation', sort: 'code' });
    expect(filtersToQuery({ q: 'fish', sort: '-code' })).toEqual({ q: 'fish', sort: '-code' });
  });
});
