import { buildHeatMap, heatLevel } from './heat-map';

describe('heat map shaping', () => {
  it('builds a chapter × partner grid with zeros for missing cells', () => {
    const grid = buildHeatMap([
      { key: ['B', 'EU'], count: 2 },
      { key: ['A', 'EU'], count: 3 },
      { key: ['A', 'USA'], count: 1 },
    ]);
    expect(grid.chapters).toEqual(['A', 'B']);
    expect(grid.partners).toEqual(['EU', 'USA']);
    expect(grid.counts).toEqual([
      [3, 1],
      [2, 0],
    ]);
    expect(grid.max).toBe(3);
    expect(grid.total).toBe(6);
  });

  it('orders MAST chapters before procedural groups and partners by their totals', () => {
    const grid = buildHeatMap([
      { key: ['PO-ADMIN', 'JPN'], count: 1 },
      { key: ['M', 'CHN'], count: 1 },
      { key: ['C', 'JPN'], count: 4 },
      { key: ['C', 'CHN'], count: 1 },
      { key: ['C', 'AUS'], count: 2 },
    ]);
    expect(grid.chapters).toEqual(['C', 'M', 'PO-ADMIN']);
    expect(grid.partners).toEqual(['JPN', 'AUS', 'CHN']);
  });

  it('adds up repeated keys and ignores malformed or empty cells', () => {
    const grid = buildHeatMap([
      { key: ['A', 'EU'], count: 1 },
      { key: ['A', 'EU'], count: 2 },
      { key: ['A'], count: 9 },
      { key: ['B', 'EU'], count: 0 },
    ]);
    expect(grid.chapters).toEqual(['A']);
    expect(grid.counts).toEqual([[3]]);
  });

  it('is empty for no cells', () => {
    expect(buildHeatMap([])).toEqual({ chapters: [], partners: [], counts: [], max: 0, total: 0 });
  });

  it('shades counts in five levels relative to the largest', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(5);
    expect(heatLevel(1, 1)).toBe(5);
    expect(heatLevel(3, 0)).toBe(0);
  });
});
