// Where each error is shown: the server's 422 `errors[].field` (`answers.<code>`, `profile.<field>`)
// and the client's own checks both land next to their field, in one shape, with one message each.
import type { AnswerError, AnswerErrorCode } from './answers';
import type { ProblemFieldError, PublicQuestion } from './api-types';
import type { Translate } from './messages';

export const profileFields = ['country', 'sector', 'size_class', 'women_led'] as const;
export type ProfileField = (typeof profileFields)[number];

export type FieldErrors = {
  answers: Record<string, AnswerError>;
  profile: Partial<Record<ProfileField, string>>;
  /** Errors naming no field of this form (shown above the submit button). */
  other: ProblemFieldError[];
};

export const noFieldErrors: FieldErrors = { answers: {}, profile: {}, other: [] };

const answerCodes: readonly AnswerErrorCode[] = [
  'required',
  'invalid_type',
  'invalid_option',
  'duplicate_option',
  'out_of_range',
  'not_integer',
  'too_long',
  'unknown_question',
  'not_number',
];

function knownCode(code: string): AnswerErrorCode | undefined {
  return answerCodes.find((candidate) => candidate === code);
}

/** Spreads a 422 problem's field errors over the form's questions and profile fields. */
export function mapProblemErrors(
  errors: readonly ProblemFieldError[],
  questions: readonly PublicQuestion[],
): FieldErrors {
  const codes = new Set(questions.map((q) => q.code));
  const mapped: FieldErrors = { answers: {}, profile: {}, other: [] };
  for (const error of errors) {
    const [scope, name, ...rest] = error.field.split('.');
    if (scope === 'answers' && name !== undefined && rest.length === 0 && codes.has(name)) {
      // The first error of a field is the one to fix first; the server reports one per answer anyway.
      mapped.answers[name] ??= { code: knownCode(error.code) ?? 'invalid_type', message: error.message };
      continue;
    }
    const field = profileFields.find((candidate) => candidate === name);
    if (scope === 'profile' && field !== undefined && rest.length === 0) {
      mapped.profile[field] ??= error.message;
      continue;
    }
    mapped.other.push(error);
  }
  return mapped;
}

/** The id of a field's first input (what gets focus) and of its error message (for aria-describedby). */
export const answerInputId = (code: string) => `q-${code}`;
export const answerErrorId = (code: string) => `q-${code}-error`;
export const profileInputId = (field: ProfileField) => `profile-${field}`;
export const profileErrorId = (field: ProfileField) => `profile-${field}-error`;

/** The sentence to show under a question for an error, in the page's language. */
export function answerErrorMessage(t: Translate, error: AnswerError, question: PublicQuestion): string {
  const { min, max } = question;
  switch (error.code) {
    case 'out_of_range':
      if (min != null && max != null) return t('error.out_of_range', { min, max });
      if (min != null) return t('error.below_min', { min });
      if (max != null) return t('error.above_max', { max });
      return error.message ?? t('error.invalid_type');
    case 'too_long':
      return t('error.too_long', { max: question.max_length ?? 2000 });
    default:
      return t(`error.${error.code}`);
  }
}
