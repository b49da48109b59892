// What a question's bar chart shows, before any drawing: one row per option in the order a briefing
// reads best — the most chosen first, or for a scale its own order with its end labels ("1 = Easy") —
// and the text beside each bar. A withheld count stays a row of its own, said to be fewer than k,
// never drawn as a bar of 0.
import type { ApiResponse } from '@/api/types';

import { pickText, type QuestionResult } from '../../lib/results-values';

type Questionnaire = ApiResponse<'/api/v1/consultations/{id}'>['questions'];
export type QuestionDefinition = Questionnaire[number];

export type BarRow = {
  id: string;
  label: string;
  /** `null` when withheld. */
  count: number | null;
  share: number | null;
  withheld: boolean;
  /** Shown only to admins: a count below k. */
  belowK: boolean;
};

/** A scale's end labels, by value: the results carry the values, the questionnaire the words. */
export type ScaleEnds = Map<string, string>;

/** The end labels of a scale question in `lang` (empty for anything else or a scale without them). */
export function scaleEnds(definition: QuestionDefinition | undefined, lang: string): ScaleEnds {
  const ends: ScaleEnds = new Map();
  if (definition?.kind !== 'scale') return ends;
  const add = (value: number | null | undefined, texts: Record<string, string> | null | undefined) => {
    const label = pickText(texts, lang);
    if (value != null && label) ends.set(String(value), label);
  };
  add(definition.min, definition.min_label);
  add(definition.max, definition.max_label);
  return ends;
}

/** An option's label; a scale value with an end label reads "1 = Easy". */
export function optionLabel(
  option: { id: string; label: Record<string, string> },
  lang: string,
  ends: ScaleEnds = new Map(),
): string {
  const label = pickText(option.label, lang) || option.id;
  const end = ends.get(option.id);
  return end ? `${label} = ${end}` : label;
}

/**
 * The chart's rows. Choices: by count, largest first, ties in questionnaire order, withheld ones last
 * (their size is unknown, so placing them among the others would claim one). Scales: in scale order.
 */
export function barRows(question: QuestionResult, lang: string, ends: ScaleEnds = new Map()): BarRow[] {
  const rows = question.options.map((o) => {
    const shown = !o.withheld && o.count != null;
    return {
      id: o.id,
      label: optionLabel(o, lang, ends),
      count: shown ? (o.count ?? 0) : null,
      share: shown ? (o.share ?? null) : null,
      withheld: !shown,
      belowK: shown && o.below_k,
    };
  });
  if (question.kind === 'scale') return rows;
  // Array.prototype.sort is stable, so equal counts keep the questionnaire's order.
  return rows.sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
}

export type ValueWords = {
  count: (n: number) => string;
  percent: (share: number) => string;
  fewerThan: string;
  belowK: string;
};

/** The text beside a bar: "12 (34 %)", "fewer than 5" when withheld, flagged when below k (admins). */
export function barValueText(row: BarRow, words: ValueWords): string {
  if (row.withheld || row.count == null) return words.fewerThan;
  const share = row.share == null ? '' : ` (${words.percent(row.share)})`;
  const flag = row.belowK ? `, ${words.belowK}` : '';
  return `${words.count(row.count)}${share}${flag}`;
}

/** A file name for a question's chart: its code and the start of its prompt, in any script. */
export function chartFileName(stem: string, code: string, prompt: string, extension: 'png' | 'svg'): string {
  const words = prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return [stem, code, words].filter(Boolean).join('-') + `.${extension}`;
}
