import { MantineProvider } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import type { QuestionResult } from '../lib/results-values';

import { QuestionResultCard } from './question-result-card';

const shown = (count: number, share: number, below_k = false) => ({ count, share, withheld: false, below_k });
const withheld = { count: null, share: null, withheld: true, below_k: true };

const shipping = {
  code: 'q1',
  kind: 'single_choice',
  prompt: { en: 'How do you ship most of your exports?' },
  answered: { count: 20, withheld: false, below_k: false },
  skipped: { count: 0, withheld: false, below_k: false },
  options: [
    { id: 'road', label: { en: 'Road' }, ...shown(6, 0.3) },
    { id: 'post', label: { en: 'Post' }, ...withheld },
    { id: 'sea', label: { en: 'Sea freight' }, ...shown(14, 0.7) },
    { id: 'air', label: { en: 'Air freight' }, ...shown(0, 0) },
  ],
} satisfies QuestionResult;

function renderCard(question: QuestionResult = shipping, definition?: Parameters<typeof QuestionResultCard>[0]['definition']) {
  // Without transitions and portals a menu opens at once, in the card.
  return renderWithProviders(
    <MantineProvider env="test">
      <QuestionResultCard
        consultationId="c1"
        question={question}
        index={0}
        k={5}
        filters={{}}
        definition={definition}
        fileStem="consultation-1a2b3c4d"
      />
    </MantineProvider>,
  );
}

describe('a question’s results', () => {
  it('charts the answers largest first, with count and share, and a withheld one as fewer than k', () => {
    renderCard();
    const chart = screen.getByRole('img', { name: /^Bar chart of the answers to q1/ });
    const rows = Array.from(chart.querySelectorAll('g[data-row]'));
    expect(rows.map((g) => g.getAttribute('data-row'))).toEqual(['sea', 'road', 'air', 'post']);
    expect(rows.map((g) => g.querySelector('text:last-of-type')?.textContent)).toEqual([
      '14 (70 %)',
      '6 (30 %)',
      '0 (0 %)',
      'fewer than 5',
    ]);
    // Two bars: nobody chose air freight and post is withheld — neither is drawn.
    expect(chart.querySelectorAll('[data-bar]')).toHaveLength(2);

    // The table says the same in the same order, for screen readers.
    const table = screen.getByRole('table', { name: 'Answers to q1' });
    const headers = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Sea freight', 'Road', 'Air freight', 'Post']);
    expect(within(table).getByText('withheld (fewer than 5 respondents)')).toBeInTheDocument();
  });

  it('keeps a scale in order and names its ends', () => {
    const scale = {
      ...shipping,
      code: 'q2',
      kind: 'scale',
      prompt: { en: 'How hard are border procedures?' },
      options: ['1', '2', '3'].map((id, i) => ({ id, label: {}, ...shown(3 - i, (3 - i) / 6) })),
    } satisfies QuestionResult;
    renderCard(scale, {
      code: 'q2',
      kind: 'scale',
      prompt: scale.prompt,
      min: 1,
      max: 3,
      min_label: { en: 'Very difficult' },
      max_label: { en: 'Very easy' },
    });
    const chart = screen.getByRole('img', { name: /^Bar chart of the answers to q2/ });
    const labels = Array.from(chart.querySelectorAll('g[data-row] text:first-of-type')).map((t) => t.textContent);
    expect(labels).toEqual(['1 = Very difficult', '2', '3 = Very easy']);
    expect(screen.getByRole('rowheader', { name: '3 = Very easy' })).toBeInTheDocument();
  });

  it('draws no chart when every count is withheld', () => {
    renderCard({ ...shipping, options: shipping.options.map((o) => ({ ...o, ...withheld })) });
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download chart' })).not.toBeInTheDocument();
  });

  it('offers the chart as PNG and SVG, and saves the SVG named after the question', async () => {
    const user = userEvent.setup();
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:chart'), configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderCard();

    await user.click(screen.getByRole('button', { name: 'Download chart' }));
    expect(screen.getByRole('menuitem', { name: 'PNG image' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'SVG image' }));
    expect(saved).toEqual(['consultation-1a2b3c4d-q1-how-do-you-ship-most-of-your-exports.svg']);
  });
});
