import type { QuestionResult } from '../../lib/results-values';

import { barRows, barValueText, chartFileName, optionLabel, scaleEnds, type QuestionDefinition } from './bar-rows';

const cell = (count: number | null, extra: { withheld?: boolean; below_k?: boolean } = {}) => ({
  count,
  withheld: extra.withheld ?? count == null,
  below_k: extra.below_k ?? false,
});

function question(kind: QuestionResult['kind'], options: [string, number | null, boolean?][]): QuestionResult {
  const answered = options.reduce((sum, [, count]) => sum + (count ?? 0), 0);
  return {
    code: 'q1',
    kind,
    prompt: { en: 'Q' },
    answered: cell(answered),
    skipped: cell(0),
    options: options.map(([id, count, belowK]) => ({
      id,
      // A scale's values come without labels; the chart writes the value.
      label: kind === 'scale' ? ({} as Record<string, string>) : { en: id.toUpperCase() },
      ...cell(count, { below_k: belowK ?? false }),
      share: count == null ? null : count / answered,
    })),
  };
}

const words = {
  count: (n: number) => new Intl.NumberFormat('en').format(n),
  percent: (share: number) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(share * 100)} %`,
  fewerThan: 'fewer than 5',
  belowK: 'below 5',
};

describe('the rows of a results chart', () => {
  it('puts the most chosen answer first, ties in questionnaire order, withheld ones last', () => {
    const rows = barRows(
      question('single_choice', [
        ['road', 3],
        ['sea', null],
        ['air', 12],
        ['rail', 3],
        ['post', 0],
      ]),
      'en',
    );
    expect(rows.map((r) => r.id)).toEqual(['air', 'road', 'rail', 'post', 'sea']);
    expect(rows.map((r) => r.label)).toEqual(['AIR', 'ROAD', 'RAIL', 'POST', 'SEA']);
  });

  it('keeps a withheld answer as a row without a count, never as 0', () => {
    const rows = barRows(question('multi_choice', [['a', 9], ['b', null]]), 'en');
    expect(rows[1]).toMatchObject({ id: 'b', count: null, share: null, withheld: true });
    expect(rows.map((r) => barValueText(r, words))).toEqual(['9 (100 %)', 'fewer than 5']);
  });

  it('keeps a scale in its order and names its ends', () => {
    const definition = {
      code: 'q1',
      kind: 'scale',
      prompt: { en: 'How hard?' },
      min: 1,
      max: 5,
      min_label: { en: 'Very difficult', bn: 'খুব কঠিন' },
      max_label: { en: 'Very easy' },
    } satisfies QuestionDefinition;
    const scale = question('scale', [
      ['1', 2],
      ['2', 9],
      ['3', 0],
      ['4', 7],
      ['5', 1],
    ]);
    const rows = barRows(scale, 'en', scaleEnds(definition, 'en'));
    expect(rows.map((r) => r.label)).toEqual(['1 = Very difficult', '2', '3', '4', '5 = Very easy']);
    // In another language, the ends in it where translated, else in English.
    expect(barRows(scale, 'bn', scaleEnds(definition, 'bn')).map((r) => r.label)).toEqual([
      '1 = খুব কঠিন',
      '2',
      '3',
      '4',
      '5 = Very easy',
    ]);
  });

  it('has no end labels for a scale without them or another kind of question', () => {
    expect(scaleEnds(undefined, 'en').size).toBe(0);
    expect(scaleEnds({ code: 'q', kind: 'scale', prompt: {}, min: 0, max: 10 }, 'en').size).toBe(0);
    expect(
      scaleEnds({ code: 'q', kind: 'number', prompt: {}, min: 0, max: 10, min_label: { en: 'None' } }, 'en').size,
    ).toBe(0);
    expect(optionLabel({ id: 'x', label: {} }, 'en')).toBe('x');
  });

  it('labels a bar with its count and share, and flags a count below k', () => {
    const rows = barRows(question('single_choice', [['a', 1234], ['b', 3, true], ['c', 0]]), 'en');
    expect(rows.map((r) => barValueText(r, words))).toEqual(['1,234 (99.8 %)', '3 (0.2 %), below 5', '0 (0 %)']);
    expect(rows.slice(0, 1).map((r) => barValueText({ ...r, share: null }, words))).toEqual(['1,234']);
  });

  it('names a chart file after the question, in any script', () => {
    expect(chartFileName('consultation-1a2b3c4d', 'q1', 'How do you ship most of your exports?', 'png')).toBe(
      'consultation-1a2b3c4d-q1-how-do-you-ship-most-of-your-exports.png',
    );
    expect(chartFileName('c', 'q2', 'সীমান্তের প্রক্রিয়াগুলো?', 'svg')).toBe('c-q2-সীমান্তের-প্রক্রিয়াগুলো.svg');
    expect(chartFileName('c', 'q3', '', 'svg')).toBe('c-q3.svg');
    expect(chartFileName('c', 'q4', 'x'.repeat(100), 'png')).toBe(`c-q4-${'x'.repeat(60)}.png`);
  });
});
