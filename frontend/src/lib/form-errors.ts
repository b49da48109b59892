// Puts a problem's field errors next to the matching react-hook-form fields, worded for people (see
// lib/problem.ts), and returns what the form shows above itself: a summary naming the marked fields
// by their labels, then what is wrong with fields the form does not show; for any other problem
// (403, 409, network…), its translated message.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import i18n from './i18n';
import { fieldErrorSentences, fieldLabel, problemFrom, problemMessage, splitFieldErrors } from './problem';
import type { FieldLabels } from './problem';

export type { FieldLabels } from './problem';

/**
 * `labels` names the form's fields as its inputs label them (and, where known, API fields it does not
 * show); without them the messages say "This field" and the summary only counts.
 */
export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  labels?: FieldLabels,
): string {
  const problem = problemFrom(error);
  if (problem.errors.length === 0) return problemMessage(problem);
  const { fields: byField, other } = splitFieldErrors(problem, fields, labels);
  const marked: Path<T>[] = [];
  for (const field of fields) {
    const message = byField[field];
    if (message !== undefined) {
      setError(field, { type: 'server', message }, { shouldFocus: marked.length === 0 });
      marked.push(field);
    }
  }
  const parts: string[] = [];
  if (marked.length > 0) {
    const names = marked.map((field) => fieldLabel(field, labels));
    // Two API fields behind one input (a form may map both to it) count, and are named, once.
    const unique = [...new Set(names)];
    parts.push(
      unique.every((name) => name !== undefined)
        ? i18n.t('problems.fieldsNeedAttention', { count: unique.length, fields: unique.join(', ') })
        : i18n.t('problems.fieldsMarked', { count: marked.length }),
    );
  }
  parts.push(...fieldErrorSentences(other, labels));
  return parts.join(' ');
}
