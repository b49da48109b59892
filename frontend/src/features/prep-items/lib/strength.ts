// The evidence strength's figures as the panel lists them. Every count is a small-cell `Cell` (the
// consultations' rule): withheld ones read "fewer than k", never a number or a zero; derived figures
// (countries, shares, dates) are null when a count behind them is withheld and read the same way.
export type Cell = { count?: number | null; withheld: boolean; below_k?: boolean };

export type EvidenceStrength = {
  k: number;
  firms: Cell;
  stakeholders: Cell;
  respondents: Cell;
  countries?: number | null;
  sectors?: number | null;
  size_classes?: number | null;
  women_led: Cell;
  women_led_share?: number | null;
  impediments: Cell;
  severity: { severity: number; impediments: Cell }[];
  recent: Cell;
  recent_share?: number | null;
  newest?: string | null;
  oldest?: string | null;
};

/** A figure as shown: a number (flagged when only an admin sees it), withheld, or a text. */
export type Figure =
  | { kind: 'count'; value: number; belowK: boolean }
  | { kind: 'share'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'withheld' };

export function cellFigure(cell: Cell): Figure {
  if (cell.withheld || cell.count == null) return { kind: 'withheld' };
  return { kind: 'count', value: cell.count, belowK: cell.below_k ?? false };
}

export function numberFigure(value: number | null | undefined): Figure {
  return value == null || !Number.isFinite(value) ? { kind: 'withheld' } : { kind: 'count', value, belowK: false };
}

export function shareFigure(value: number | null | undefined): Figure {
  return value == null || !Number.isFinite(value) ? { kind: 'withheld' } : { kind: 'share', value };
}

export type StrengthKey =
  | 'firms'
  | 'stakeholders'
  | 'respondents'
  | 'countries'
  | 'sectors'
  | 'sizeClasses'
  | 'womenLed'
  | 'severity'
  | 'recency';

/** The figures in the panel's order, each under the label key `prep.strength.<key>`. */
export function strengthFigures(s: EvidenceStrength): { key: StrengthKey; figure: Figure }[] {
  return [
    { key: 'firms', figure: cellFigure(s.firms) },
    { key: 'stakeholders', figure: cellFigure(s.stakeholders) },
    { key: 'respondents', figure: cellFigure(s.respondents) },
    { key: 'countries', figure: numberFigure(s.countries) },
    { key: 'sectors', figure: numberFigure(s.sectors) },
    { key: 'sizeClasses', figure: numberFigure(s.size_classes) },
    { key: 'womenLed', figure: shareFigure(s.women_led_share) },
    { key: 'severity', figure: averageSeverity(s.severity) },
    { key: 'recency', figure: s.newest ? { kind: 'date', value: s.newest } : { kind: 'withheld' } },
  ];
}

/**
 * The mean severity over the shown severity counts — withheld when any count is withheld, since a mean
 * over the shown ones alone would mislead (and could hint at what is withheld).
 */
export function averageSeverity(cells: readonly { severity: number; impediments: Cell }[]): Figure {
  let total = 0;
  let weighted = 0;
  for (const { severity, impediments } of cells) {
    if (impediments.withheld || impediments.count == null) return { kind: 'withheld' };
    total += impediments.count;
    weighted += severity * impediments.count;
  }
  return total === 0 ? { kind: 'withheld' } : { kind: 'share', value: weighted / total };
}
