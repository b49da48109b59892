// Puts a problem's field errors next to the matching react-hook-form fields and returns what is left
// for the form to show above itself: the problem's detail (or title) and any unmatched field errors.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import { problemFrom, problemMessage, splitFieldErrors } from './problem';

export function applyProblemToForm<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string {
  const problem = problemFrom(error);
  const { fields: byField, other } = splitFieldErrors(problem, fields);
  let first = true;
  for (const field of fields) {
    const message = byField[field];
    if (message !== undefined) {
      setError(field, { type: 'server', message }, { shouldFocus: first });
      first = false;
    }
  }
  const otherMessages = other.map((e) => `${e.field}: ${e.message}`);
  return [problemMessage(problem), ...otherMessages].join(' ');
}
