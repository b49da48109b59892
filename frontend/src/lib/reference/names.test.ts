import i18n from '@/lib/i18n';

import { buildNames } from './names';

const t = i18n.t.bind(i18n);

const names = buildNames(
  {
    countries: [{ code: 'VNM', name: 'Viet Nam' }, { code: 'ARE', name: 'United Arab Emirates' }] as never,
    sectors: [{ code: 'C', title: 'Manufacturing' }],
    ntmCategories: [
      { code: 'A', title: 'Sanitary and phytosanitary measures', kind: 'mast_chapter', description: '' },
      { code: 'PO-INFO', title: 'Information and transparency', kind: 'procedural', description: '' },
    ],
    delegations: [{ id: 'd1', name: 'Bangladesh', country_code: 'BGD' }],
    topics: [{ id: 't1', code: 'FISH', title: 'Fisheries subsidies' }] as never,
  },
  t,
);

describe('buildNames', () => {
  it('names every kind of code', () => {
    expect(names.country('ARE')).toBe('United Arab Emirates (ARE)');
    expect(names.partner('VNM')).toBe('Viet Nam (VNM)');
    expect(names.partner('EU')).toBe('European Union (EU)');
    expect(names.sector('C')).toBe('C — Manufacturing');
    expect(names.ntm('A')).toBe('A — Sanitary and phytosanitary measures');
    expect(names.ntm('PO-INFO')).toBe('PO-INFO — Information and transparency');
    expect(names.ntm('A14')).toBe('A14 — Sanitary and phytosanitary measures (finer code in chapter A)');
    expect(names.delegation('d1')).toBe('Bangladesh (BGD)');
    expect(names.topic('t1')).toBe('FISH — Fisheries subsidies');
    expect(names.topic('FISH')).toBe('FISH — Fisheries subsidies');
  });

  it('shows a code the reference data does not know as itself', () => {
    expect(names.country('XXX')).toBe('XXX');
    expect(names.ntm('Z9')).toBe('Z9');
    expect(names.delegation('d9')).toBe('d9');
  });

  it('counts rows with the number formatted', () => {
    expect(t('impediments.count', { count: 10000 })).toBe('10,000 impediments');
    expect(t('impediments.count', { count: 1 })).toBe('1 impediment');
  });
});
