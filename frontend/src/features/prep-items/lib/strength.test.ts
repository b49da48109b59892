import { averageSeverity, cellFigure, strengthFigures, type EvidenceStrength } from './strength';

const shown = (count: number) => ({ count, withheld: false, below_k: false });
const withheld = { count: null, withheld: true, below_k: true };

const strength: EvidenceStrength = {
  k: 5,
  firms: shown(12),
  stakeholders: shown(7),
  respondents: withheld,
  countries: 3,
  sectors: null,
  size_classes: 2,
  women_led: shown(6),
  women_led_share: 0.5,
  impediments: shown(9),
  severity: [
    { severity: 3, impediments: shown(6) },
    { severity: 5, impediments: shown(3) },
  ],
  recent: shown(9),
  recent_share: 1,
  newest: '2026-11-01T10:00:00Z',
  oldest: '2026-01-01T10:00:00Z',
};

describe('the evidence strength figures', () => {
  it('shows a withheld count as withheld, never as a number', () => {
    expect(cellFigure(withheld)).toEqual({ kind: 'withheld' });
    expect(cellFigure({ count: 2, withheld: false, below_k: true })).toEqual({ kind: 'count', value: 2, belowK: true });
  });

  it('lists every figure in order, with nulls withheld', () => {
    const figures = strengthFigures(strength);
    expect(figures.map((f) => f.key)).toEqual([
      'firms',
      'stakeholders',
      'respondents',
      'countries',
      'sectors',
      'sizeClasses',
      'womenLed',
      'severity',
      'recency',
    ]);
    expect(figures[2]?.figure).toEqual({ kind: 'withheld' });
    expect(figures[4]?.figure).toEqual({ kind: 'withheld' });
    expect(figures[6]?.figure).toEqual({ kind: 'share', value: 0.5 });
  });

  it('averages the severity, or withholds it when any count is withheld', () => {
    expect(averageSeverity(strength.severity)).toEqual({ kind: 'share', value: (3 * 6 + 5 * 3) / 9 });
    expect(averageSeverity([{ severity: 2, impediments: withheld }, { severity: 4, impediments: shown(8) }])).toEqual({
      kind: 'withheld',
    });
    expect(averageSeverity([])).toEqual({ kind: 'withheld' });
  });
});
