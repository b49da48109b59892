// The structural checks the server makes on a questionnaire when it is saved, made first here so
// mistakes show at once and next to their inputs, under the same field names the server uses. Empty
// texts are not checked: a draft may be incomplete, and the translations tab shows what is missing.
import { CODE_PATTERN, MAX_OPTIONS, type BuilderErrors, type DraftQuestion } from './questionnaire';

export type CheckCode =
  'code' | 'codeTaken' | 'optionId' | 'optionIdTaken' | 'optionCount' | 'scaleBounds' | 'numberBounds' | 'maxLength';

export function checkQuestionnaire(questions: readonly DraftQuestion[]): Record<string, CheckCode> {
  const problems: Record<string, CheckCode> = {};
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (!CODE_PATTERN.test(q.code)) problems[`${at}.code`] = 'code';
    else if (seen.has(q.code)) problems[`${at}.code`] = 'codeTaken';
    seen.add(q.code);

    if (q.kind === 'single_choice' || q.kind === 'multi_choice') {
      if (q.options.length < 2 || q.options.length > MAX_OPTIONS) problems[`${at}.options`] = 'optionCount';
      const ids = new Set<string>();
      q.options.forEach((o, j) => {
        if (!CODE_PATTERN.test(o.id)) problems[`${at}.options[${j}].id`] = 'optionId';
        else if (ids.has(o.id)) problems[`${at}.options[${j}].id`] = 'optionIdTaken';
        ids.add(o.id);
      });
    }
    if (q.kind === 'scale') {
      const { min, max } = q;
      const valid =
        Number.isInteger(min) &&
        Number.isInteger(max) &&
        (min ?? -1) >= 0 &&
        (max ?? 11) <= 10 &&
        (min ?? 0) < (max ?? 0);
      if (!valid) problems[`${at}.max`] = 'scaleBounds';
    }
    if (q.kind === 'number' && q.min != null && q.max != null && q.min >= q.max) problems[`${at}.max`] = 'numberBounds';
    if (q.kind === 'text') {
      const max = q.max_length ?? 2000;
      if (!Number.isInteger(max) || max < 1 || max > 5000) problems[`${at}.max_length`] = 'maxLength';
    }
  });
  return problems;
}

/** The checks' problems worded, in the builder's error shape. */
export function wordChecks(problems: Record<string, CheckCode>, word: (code: CheckCode) => string): BuilderErrors {
  return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, word(code)]));
}
