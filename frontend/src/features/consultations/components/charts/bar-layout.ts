// Where a horizontal bar chart's parts go, in SVG user units: each row is its label on one line and,
// under it, the bar with its value text after the bar's end. Labels above the bars need no measuring
// of text (long answers get the full width), and the value text gets room of its own at the right.
import type { BarRow } from './bar-rows';

export const ROW_HEIGHT = 44;
export const BAR_HEIGHT = 18;
const LABEL_BASELINE = 14;
const BAR_TOP = 20;
const PADDING = 4;
/** Room right of the longest bar for "1,234 (100 %), below 10". */
const VALUE_ROOM = 170;
/** Roughly how wide a character of 13 px text is, to cut labels before they run off the chart. */
const CHAR_WIDTH = 7;

export type PlacedRow = BarRow & {
  /** The label as drawn; `label` stays whole for the tooltip and the table. */
  shortLabel: string;
  labelY: number;
  barY: number;
  /** 0 draws no bar: a count of 0 or a withheld one. */
  barWidth: number;
  valueX: number;
  valueY: number;
};

export type BarLayout = { width: number; height: number; rows: PlacedRow[] };

function shorten(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}

/** The chart at `width` units wide; bars scale to the largest shown count. */
export function layoutBars(rows: BarRow[], width: number): BarLayout {
  const track = Math.max(40, width - VALUE_ROOM);
  const largest = Math.max(0, ...rows.map((r) => r.count ?? 0));
  const maxChars = Math.max(8, Math.floor(width / CHAR_WIDTH));
  const placed = rows.map((row, i) => {
    const top = PADDING + i * ROW_HEIGHT;
    const barWidth = largest > 0 && row.count ? Math.max(2, (row.count / largest) * track) : 0;
    return {
      ...row,
      shortLabel: shorten(row.label, maxChars),
      labelY: top + LABEL_BASELINE,
      barY: top + BAR_TOP,
      barWidth,
      valueX: barWidth + (barWidth > 0 ? 6 : 0),
      valueY: top + BAR_TOP + BAR_HEIGHT / 2,
    };
  });
  return { width, height: PADDING * 2 + rows.length * ROW_HEIGHT, rows: placed };
}
