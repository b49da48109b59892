import { defineSearchParams, param, withFallbacks } from './search-params';

const codec = defineSearchParams({
  status: param.oneOf(['open', 'closed']),
  country: param.code(/^[A-Z]{3}$/),
  severity_min: param.int(1, 5),
  women_led: param.flag(),
  q: param.text(10),
  sort: param.sort(['created_at', 'title'], '-created_at'),
});

describe('defineSearchParams', () => {
  it('parses typed values and drops unknown or malformed ones', () => {
    const values = codec.parse(
      new URLSearchParams('status=bogus&country=bgd&severity_min=9&women_led=false&q=%20shrimp%20&sort=-title&x=1'),
    );
    expect(values).toEqual({ country: 'BGD', women_led: false, q: 'shrimp', sort: '-title' });
  });

  it('accepts a sort only on a field the list sorts by, in either direction', () => {
    expect(codec.parse(new URLSearchParams('sort=title')).sort).toBe('title');
    expect(codec.parse(new URLSearchParams('sort=-created_at')).sort).toBeUndefined();
    expect(codec.parse(new URLSearchParams('sort=-secret')).sort).toBeUndefined();
    expect(codec.parse(new URLSearchParams('sort=--title')).sort).toBeUndefined();
  });

  it('writes in the schema order, without empty or default values', () => {
    const params = codec.serialize({ sort: '-created_at', q: 'rice ', severity_min: 3, status: 'open' });
    expect(params.toString()).toBe('status=open&severity_min=3&q=rice');
    expect(codec.serialize({ sort: 'title', women_led: true }).toString()).toBe('women_led=true&sort=title');
  });

  it('round-trips, so a shared link restores the same view', () => {
    const values = { status: 'closed', country: 'NPL', severity_min: 2, women_led: true, q: 'tea', sort: 'title' } as const;
    expect(codec.parse(codec.serialize(values))).toEqual(values);
  });

  it('says whether a filter other than the sort is set, and fills in the defaults for the API', () => {
    expect(codec.isFiltered({ sort: 'title' }, ['sort'])).toBe(false);
    expect(codec.isFiltered({ q: 'tea' }, ['sort'])).toBe(true);
    expect(withFallbacks(codec, { q: 'tea' })).toEqual({ q: 'tea', sort: '-created_at' });
  });
});
