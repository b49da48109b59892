// What the page says before the questions: who asks, how long it takes and what happens to the answers.
import { english, type MessageKey, type Translate } from './messages';

/** Seconds a respondent spends on one question, on average: short choices and the odd text answer. */
const SECONDS_PER_QUESTION = 30;

/** The estimate in whole minutes, rounded up, never less than one. */
export function estimatedMinutes(questionCount: number): number {
  return Math.max(1, Math.ceil((questionCount * SECONDS_PER_QUESTION) / 60));
}

/** Who asks: the owning delegation. */
export type Asker = { asked_by?: string | null; asked_by_country?: string | null };

/**
 * The asking delegation's name in the page's words: its country as the dictionary names it (every country of
 * the region is there), else the delegation's own (English) name.
 */
export function askerName(t: Translate, asker: Asker): string | undefined {
  const key = `country.${asker.asked_by_country ?? ''}`;
  if (key in english.messages) return t(key as MessageKey);
  return asker.asked_by ?? undefined;
}

/** The three sentences of the page's introduction, in the page's words. */
export function aboutSentences(t: Translate, asker: Asker, questionCount: number): string[] {
  const minutes = estimatedMinutes(questionCount);
  const who = askerName(t, asker);
  return [
    who ? t('about.askedBy', { who }) : t('about.askedBySecretariat'),
    minutes === 1 ? t('about.timeOne') : t('about.time', { minutes }),
    t('about.answers'),
  ];
}
