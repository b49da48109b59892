import i18n from '@/lib/i18n';
import { buildNames } from '@/lib/reference';

import { filtersLine } from './filters-line';

const t = i18n.t.bind(i18n);
const names = buildNames(
  { countries: [{ code: 'BGD', name: 'Bangladesh' }] as never, sectors: [{ code: 'C', title: 'Manufacturing' }] },
  t,
);

describe('the filters on a printed results page', () => {
  it('says when there are none', () => {
    expect(filtersLine(t, 'en', names, {})).toBe('Filters: none (all respondents)');
  });

  it('names every filter in words, on one line', () => {
    expect(
      filtersLine(t, 'en', names, {
        country: 'BGD',
        sector: 'C',
        size_class: 'small',
        women_led: true,
        from: '2025-03-01',
        to: '2025-04-30',
      }),
    ).toBe(
      'Filters: Country: Bangladesh (BGD) · Sector: C — Manufacturing · Size: Small · Women-led: Women-led · ' +
        'Submitted from: Mar 1, 2025 · Submitted to: Apr 30, 2025',
    );
    expect(filtersLine(t, 'en', names, { women_led: false })).toBe('Filters: Women-led: Not women-led');
  });

  it('gives the dates the server used when it rounded them', () => {
    expect(filtersLine(t, 'en', names, { from: '2025-03-04' }, { from: '2025-03-01', to: null })).toBe(
      'Filters: Submitted from: Mar 4, 2025 · dates used Mar 1, 2025 to now',
    );
  });
});
