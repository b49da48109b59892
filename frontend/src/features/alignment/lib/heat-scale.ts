// The heat map's cell scale: a value's shading level from 0 (none) to HEAT_LEVELS (the column's
// largest), each level with a background and a text colour whose contrast stays above 4.5:1. The value
// is always printed in the cell, so the map reads the same without colour.
export const HEAT_LEVELS = 5;

export type CellShade = { background: string; color: string };

// The registry heat map's palette (features/impediments): levels 0–3 carry black text, 4–5 white text,
// every pair above 4.5:1 (axe checks it in the journeys).
export const shades: readonly CellShade[] = [
  { background: 'transparent', color: 'var(--mantine-color-text)' },
  { background: 'var(--mantine-color-blue-0)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-1)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-3)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-8)', color: 'var(--mantine-color-white)' },
  { background: 'var(--mantine-color-blue-9)', color: 'var(--mantine-color-white)' },
];

/** 0 for none (or a bad value), else 1…HEAT_LEVELS in proportion to `max`. */
export function heatLevel(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(HEAT_LEVELS, Math.ceil((value / max) * HEAT_LEVELS)));
}

export function shadeFor(value: number, max: number): CellShade {
  return shades[heatLevel(value, max)] ?? { background: 'transparent', color: 'inherit' };
}

/** The largest value of a measure over the rows (0 when there are none). */
export function columnMax<R>(rows: readonly R[], value: (row: R) => number): number {
  return rows.reduce((max, row) => Math.max(max, Number.isFinite(value(row)) ? value(row) : 0), 0);
}

/** A concern score for display: whole numbers as they are, others to one decimal. */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
