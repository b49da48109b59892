import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import type { EvidenceStrength } from '../lib/strength';

import { EvidenceStrengthFigures } from './evidence-strength-figures';

const shown = (count: number) => ({ count, withheld: false, below_k: false });
const withheld = { count: null, withheld: true, below_k: true };

const strength: EvidenceStrength = {
  k: 5,
  firms: shown(12),
  stakeholders: shown(7),
  respondents: withheld,
  countries: 3,
  sectors: 2,
  size_classes: 2,
  women_led: shown(6),
  women_led_share: 0.5,
  impediments: shown(9),
  severity: [{ severity: 4, impediments: shown(9) }],
  recent: shown(9),
  newest: '2026-11-01T10:00:00Z',
};

describe('the evidence strength figures', () => {
  it('shows the counts and "fewer than k" for a withheld one', () => {
    const { container } = renderWithProviders(<EvidenceStrengthFigures strength={strength} />);
    const figure = (key: string) => container.querySelector(`[data-figure="${key}"]`) as HTMLElement;
    expect(within(figure('firms')).getByText('12')).toBeInTheDocument();
    expect(within(figure('respondents')).getByText('fewer than 5')).toBeInTheDocument();
    expect(within(figure('womenLed')).getByText('50%')).toBeInTheDocument();
    expect(screen.getByText(/Counts below 5 are not shown/)).toBeInTheDocument();
  });
});
