import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import type { AlignmentRow } from '../lib/alignment-types';

import { AlignmentHeatMap } from './alignment-heat-map';

const row = (code: string, status: AlignmentRow['status'], concern: number, prep: number, links: number): AlignmentRow => ({
  topic: { id: code.toLowerCase(), code, title: `${code} title` },
  concern,
  concern_parts: { impediments: 2, answers: 1 },
  coverage: { prep_items: prep, briefings: 0, meetings: 0 },
  evidence_links: links,
  unsupported_items: 0,
  status,
});

const rows = [row('FISH', 'blind_spot', 8.25, 0, 0), row('AG', 'covered', 4, 2, 3)];

describe('the alignment heat map', () => {
  it('prints every value and the status in words', () => {
    renderWithProviders(<AlignmentHeatMap rows={rows} shaded onOpen={() => {}} />);
    const fish = screen.getByRole('row', { name: /FISH/ });
    expect(within(fish).getByText('8.3')).toBeInTheDocument();
    expect(within(fish).getByText('Blind spot')).toBeInTheDocument();
  });

  it('shades the largest value of a column strongest', () => {
    const { container } = renderWithProviders(<AlignmentHeatMap rows={rows} shaded onOpen={() => {}} />);
    const cell = container.querySelector('[data-topic="FISH"] [data-measure="concern"]') as HTMLElement;
    expect(cell.style.background).toContain('blue-9');
  });

  it('leaves the table alternative unshaded, with the concern parts', () => {
    const { container } = renderWithProviders(<AlignmentHeatMap rows={rows} shaded={false} onOpen={() => {}} />);
    const cell = container.querySelector('[data-topic="FISH"] [data-measure="concern"]') as HTMLElement;
    expect(cell.style.background).toBe('');
    expect(screen.getByRole('columnheader', { name: 'Impediments' })).toBeInTheDocument();
  });

  it('opens a topic', async () => {
    const opened: string[] = [];
    renderWithProviders(<AlignmentHeatMap rows={rows} shaded onOpen={(r) => opened.push(r.topic.code)} />);
    await userEvent.click(screen.getByRole('button', { name: /evidence for AG/ }));
    expect(opened).toEqual(['AG']);
  });
});
