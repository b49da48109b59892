import { finerNtmCode, ntmOptionGroups, partnerOptionGroups } from './impediment-options';

const categories = [
  { code: 'A', title: 'Sanitary and phytosanitary measures', kind: 'mast_chapter' },
  { code: 'B', title: 'Technical barriers to trade', kind: 'mast_chapter' },
  { code: 'PO-ADMIN', title: 'Administrative burdens related to regulations', kind: 'procedural' },
];

const ntmLabels = {
  mast: 'MAST chapters',
  procedural: 'Procedural obstacles',
  finer: (code: string, chapter: { code: string; title: string }) => `${code} — ${chapter.title} (chapter ${chapter.code})`,
};

describe('NTM options', () => {
  it('names every chapter and procedural group, grouped by kind', () => {
    expect(ntmOptionGroups(categories, [], ntmLabels)).toEqual([
      {
        group: 'MAST chapters',
        items: [
          { value: 'A', label: 'A — Sanitary and phytosanitary measures' },
          { value: 'B', label: 'B — Technical barriers to trade' },
        ],
      },
      {
        group: 'Procedural obstacles',
        items: [{ value: 'PO-ADMIN', label: 'PO-ADMIN — Administrative burdens related to regulations' }],
      },
    ]);
  });

  it('offers a typed finer code once, after its chapter', () => {
    const [mast] = ntmOptionGroups(categories, ['a14', 'A14'], ntmLabels);
    expect(mast?.items.map((o) => o.value)).toEqual(['A', 'A14', 'B']);
    expect(mast?.items[1]?.label).toBe('A14 — Sanitary and phytosanitary measures (chapter A)');
  });

  it('reads a finer code only under a known chapter letter', () => {
    expect(finerNtmCode(' b310 ', categories)?.code).toBe('B310');
    expect(finerNtmCode('Q1', categories)).toBeNull();
    expect(finerNtmCode('A', categories)).toBeNull();
    expect(finerNtmCode('PO-ADMIN', categories)).toBeNull();
    expect(finerNtmCode('A — Sanitary and phytosanitary measures', categories)).toBeNull();
  });
});

describe('partner options', () => {
  it('lists the market groups, then the countries, each with its name', () => {
    const groups = partnerOptionGroups([{ code: 'BGD', name: 'Bangladesh' }], {
      groups: 'Market groups',
      countries: 'Countries',
      groupName: (g) => (g === 'EU' ? 'European Union' : g),
    });
    expect(groups[0]?.items[0]).toEqual({ value: 'EU', label: 'European Union (EU)' });
    expect(groups[1]).toEqual({ group: 'Countries', items: [{ value: 'BGD', label: 'Bangladesh (BGD)' }] });
  });
});
