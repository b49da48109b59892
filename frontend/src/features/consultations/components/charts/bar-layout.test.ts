import { BAR_HEIGHT, ROW_HEIGHT, layoutBars } from './bar-layout';
import type { BarRow } from './bar-rows';

const row = (id: string, count: number | null, label = id): BarRow => ({
  id,
  label,
  count,
  share: null,
  withheld: count == null,
  belowK: false,
});

/** Row `i` of a layout (a test fails loudly on a missing one rather than reading undefined). */
function placed(rows: BarRow[], width: number, i: number) {
  const row = layoutBars(rows, width).rows[i];
  if (!row) throw new Error(`no row ${i}`);
  return row;
}

describe('laying out a results chart', () => {
  it('scales bars to the largest count and draws none for 0 or a withheld count', () => {
    const rows = [row('a', 10), row('b', 5), row('c', 0), row('d', null)];
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => placed(rows, 640, i));
    expect(a?.barWidth).toBeGreaterThan(0);
    expect(b?.barWidth).toBeCloseTo((a?.barWidth ?? 0) / 2);
    expect(c?.barWidth).toBe(0);
    expect(d?.barWidth).toBe(0);
    // The value text follows the bar, or starts the row when there is none.
    expect(a?.valueX).toBeGreaterThan(a?.barWidth ?? 0);
    expect((a?.valueX ?? 0) + 160).toBeLessThanOrEqual(640);
    expect(d?.valueX).toBe(0);
  });

  it('stacks rows, each a label over its bar', () => {
    const rows = [row('a', 1), row('b', 2)];
    expect(layoutBars(rows, 400).height).toBe(8 + 2 * ROW_HEIGHT);
    const a = placed(rows, 400, 0);
    const b = placed(rows, 400, 1);
    expect(b.barY - a.barY).toBe(ROW_HEIGHT);
    expect(a.labelY).toBeLessThan(a.barY);
    expect(a.valueY).toBe(a.barY + BAR_HEIGHT / 2);
  });

  it('never draws a tiny count as nothing, and draws nothing when every count is 0', () => {
    expect(placed([row('a', 10_000), row('b', 1)], 640, 1).barWidth).toBeGreaterThanOrEqual(2);
    expect(layoutBars([row('a', 0), row('b', 0)], 640).rows.every((r) => r.barWidth === 0)).toBe(true);
  });

  it('cuts a label too long for the width, keeping it whole for the tooltip', () => {
    const long = 'A very long answer that goes on '.repeat(10);
    const cut = placed([row('a', 1, long)], 280, 0);
    expect(cut.shortLabel.length).toBeLessThan(long.length);
    expect(cut.shortLabel.endsWith('…')).toBe(true);
    expect(cut.label).toBe(long);
    expect(placed([row('a', 1, 'Short')], 280, 0).shortLabel).toBe('Short');
  });
});
