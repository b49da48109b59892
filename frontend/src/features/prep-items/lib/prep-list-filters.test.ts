import { prepListParams, prepListQuery } from './prep-list-filters';

describe('prep items list filters in the URL', () => {
  it('reads known filters and normalises codes', () => {
    const params = new URLSearchParams('ministerial=mc14&status=drafting&topic=fish&interest=defensive&kind=position&q=%20subsidies%20');
    expect(prepListParams.parse(params)).toEqual({
      ministerial: 'MC14',
      status: 'drafting',
      topic: 'FISH',
      interest: 'defensive',
      kind: 'position',
      q: 'subsidies',
    });
  });

  it('drops unknown or malformed values', () => {
    const params = new URLSearchParams('ministerial=XX1&status=lost&topic=%20&interest=hostile&kind=memo&cursor=abc&sort=created_at');
    expect(prepListParams.parse(params)).toEqual({});
  });

  it('round-trips', () => {
    const filters = { ministerial: 'MC14', status: 'agreed', kind: 'proposal' } as const;
    expect(prepListParams.serialize(filters).toString()).toBe('ministerial=MC14&status=agreed&kind=proposal');
    expect(prepListParams.parse(prepListParams.serialize(filters))).toEqual(filters);
  });
});

describe('prep items list sort', () => {
  it('keeps a sort the API allows and leaves the default (soonest deadline) out of the URL', () => {
    expect(prepListParams.parse(new URLSearchParams('sort=-priority'))).toEqual({ sort: '-priority' });
    expect(prepListParams.parse(new URLSearchParams('sort=deadline'))).toEqual({});
    expect(prepListParams.parse(new URLSearchParams('sort=owner'))).toEqual({});
    expect(prepListParams.serialize({ topic: 'FISH', sort: '-updated_at' }).toString()).toBe('topic=FISH&sort=-updated_at');
  });

  it('always asks the API for the sort the table shows', () => {
    expect(prepListQuery({})).toEqual({ sort: 'deadline' });
    expect(prepListQuery({ status: 'tabled', sort: 'title' })).toEqual({ status: 'tabled', sort: 'title' });
  });
});
