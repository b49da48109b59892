import { columnMax, formatScore, HEAT_LEVELS, heatLevel, shadeFor, shades } from './heat-scale';

describe('the heat map scale', () => {
  it('gives none level 0 and the largest the top level', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(10, 10)).toBe(HEAT_LEVELS);
  });

  it('gives any positive value at least level 1', () => {
    expect(heatLevel(0.01, 100)).toBe(1);
  });

  it('scales in proportion and never exceeds the top', () => {
    expect(heatLevel(5, 10)).toBe(3);
    expect(heatLevel(20, 10)).toBe(HEAT_LEVELS);
  });

  it('treats bad numbers as none', () => {
    expect(heatLevel(Number.NaN, 10)).toBe(0);
    expect(heatLevel(3, 0)).toBe(0);
    expect(heatLevel(-1, 10)).toBe(0);
  });

  it('has a shade for every level', () => {
    expect(shades).toHaveLength(HEAT_LEVELS + 1);
    expect(shadeFor(10, 10)).toBe(shades[HEAT_LEVELS]);
  });

  it('finds the column maximum', () => {
    expect(columnMax([{ v: 2 }, { v: 7 }, { v: Number.NaN }], (r) => r.v)).toBe(7);
    expect(columnMax([], () => 1)).toBe(0);
  });

  it('formats scores', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.345)).toBe('2.3');
    expect(formatScore(Number.POSITIVE_INFINITY)).toBe('–');
  });
});
