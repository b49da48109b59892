// Reading results: the text of a translated label in the user's language, and how a count reads —
// withheld counts are said to be withheld, never shown as 0.
import type { ApiResponse } from '@/api/types';

export type Results = ApiResponse<'/api/v1/consultations/{id}/results'>;
export type QuestionResult = Results['questions'][number];
export type OptionResult = QuestionResult['options'][number];
export type Cell = Results['respondents'];
export type Crosstab = ApiResponse<'/api/v1/consultations/{id}/crosstab'>;

/** The South and Southeast Asian countries a respondent may name (ISO alpha-3). */
export const respondentCountries = [
  'AFG',
  'BGD',
  'BRN',
  'BTN',
  'IND',
  'IDN',
  'KHM',
  'LAO',
  'LKA',
  'MDV',
  'MMR',
  'MYS',
  'NPL',
  'PAK',
  'PHL',
  'SGP',
  'THA',
  'TLS',
  'VNM',
] as const;

export const isicSections = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

/** A label in `lang`, else English, else any language it has. */
export function pickText(texts: Record<string, string> | null | undefined, lang: string): string {
  if (!texts) return '';
  return texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? '';
}

export type CountView = { kind: 'count'; count: number; belowK: boolean } | { kind: 'withheld' };

/** A count as the page shows it: a number (flagged when below k, which only admins see) or withheld. */
export function countView(cell: { count?: number | null; withheld: boolean; below_k?: boolean }): CountView {
  if (cell.withheld || cell.count == null) return { kind: 'withheld' };
  return { kind: 'count', count: cell.count, belowK: cell.below_k ?? false };
}
