// The answers as the form holds them, the checks the server makes on them (so most mistakes are shown
// before sending), and the request body built from them. The server stays the judge: its 422 errors
// are mapped onto the same fields by `field-errors.ts`.
import type { AnswerValue, Profile, PublicQuestion, SubmitResponseBody } from './api-types';
import type { WomenLedChoice } from './profile-values';

/** What an input holds: a choice id, the chosen ids, a scale value, or typed text (numbers too). */
export type Draft = string | string[] | number | undefined;
export type Drafts = Record<string, Draft>;

export type ProfileDraft = { country: string; sector: string; size_class: string; women_led: '' | WomenLedChoice };
export const emptyProfile: ProfileDraft = { country: '', sector: '', size_class: '', women_led: '' };

/** The server's answer error codes, plus the client's own for input that is not a number. */
export type AnswerErrorCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_option'
  | 'duplicate_option'
  | 'out_of_range'
  | 'not_integer'
  | 'too_long'
  | 'unknown_question'
  | 'not_number';

export type AnswerError = { code: AnswerErrorCode; message?: string };

/** Default of the server when a text question gives no `max_length`. */
export const DEFAULT_TEXT_MAX = 2000;

// Digits of the region's scripts (Bengali, Devanagari, Thai, Myanmar, …), so '১২' reads as 12.
const zeroes = [0x660, 0x6f0, 0x966, 0x9e6, 0xbe6, 0xde6, 0xe50, 0xed0, 0x1040, 0x17e0, 0xff10];

function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = zeroes.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** A typed number: digits of any of the region's scripts, a decimal point or comma; else NaN. */
export function parseNumber(text: string): number {
  const normalised = asciiDigits(text.trim()).replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** Characters as the server counts them (Unicode scalar values, not UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}

function isBlank(draft: Draft): boolean {
  if (draft === undefined) return true;
  if (typeof draft === 'string') return draft.trim() === '';
  if (Array.isArray(draft)) return draft.length === 0;
  return false;
}

type Checked = { value: AnswerValue } | { error: AnswerError } | { skip: true };

function checkAnswer(question: PublicQuestion, draft: Draft): Checked {
  if (isBlank(draft)) return question.required ? { error: { code: 'required' } } : { skip: true };
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  switch (question.kind) {
    case 'single_choice':
      if (typeof draft !== 'string') return { error: { code: 'invalid_type' } };
      return optionIds.has(draft) ? { value: draft } : { error: { code: 'invalid_option' } };
    case 'multi_choice': {
      if (!Array.isArray(draft)) return { error: { code: 'invalid_type' } };
      if (new Set(draft).size !== draft.length) return { error: { code: 'duplicate_option' } };
      if (draft.some((id) => !optionIds.has(id))) return { error: { code: 'invalid_option' } };
      // Send the choices in the questionnaire's order, whatever order they were ticked in.
      return { value: (question.options ?? []).map((o) => o.id).filter((id) => draft.includes(id)) };
    }
    case 'scale': {
      const value = typeof draft === 'number' ? draft : parseNumber(String(draft));
      if (!Number.isFinite(value)) return { error: { code: 'invalid_type' } };
      if (!Number.isInteger(value)) return { error: { code: 'not_integer' } };
      if (!inRange(value, question)) return { error: { code: 'out_of_range' } };
      return { value };
    }
    case 'number': {
      const value = typeof draft === 'number' ? draft : parseNumber(String(draft));
      if (!Number.isFinite(value)) return { error: { code: 'not_number' } };
      if (!inRange(value, question)) return { error: { code: 'out_of_range' } };
      return { value };
    }
    case 'text': {
      if (typeof draft !== 'string') return { error: { code: 'invalid_type' } };
      const text = draft.trim();
      const max = question.max_length ?? DEFAULT_TEXT_MAX;
      return charCount(text) > max ? { error: { code: 'too_long' } } : { value: text };
    }
    default:
      // A kind this page does not know (a newer server): leave it to the server to judge.
      return typeof draft === 'string' || typeof draft === 'number' || Array.isArray(draft)
        ? { value: draft }
        : { skip: true };
  }
}

function inRange(value: number, question: PublicQuestion): boolean {
  if (question.min != null && value < question.min) return false;
  if (question.max != null && value > question.max) return false;
  return true;
}

export type CheckedAnswers = { answers: Record<string, AnswerValue>; errors: Record<string, AnswerError> };

/** Checks every answer as the server will; `errors` is keyed by question code, in questionnaire order. */
export function checkAnswers(questions: readonly PublicQuestion[], drafts: Drafts): CheckedAnswers {
  const answers: Record<string, AnswerValue> = {};
  const errors: Record<string, AnswerError> = {};
  for (const question of questions) {
    const checked = checkAnswer(question, drafts[question.code]);
    if ('value' in checked) answers[question.code] = checked.value;
    else if ('error' in checked) errors[question.code] = checked.error;
  }
  return { answers, errors };
}

/** The profile as the API takes it; unanswered fields (and "prefer not to say") are left out. */
export function profileBody(draft: ProfileDraft): Profile | undefined {
  const profile: Profile = {};
  if (draft.country) profile.country = draft.country;
  // The selects offer only the API's values; the server checks them again.
  if (draft.sector) profile.sector = draft.sector as NonNullable<Profile['sector']>;
  if (draft.size_class) profile.size_class = draft.size_class as NonNullable<Profile['size_class']>;
  if (draft.women_led === 'yes') profile.women_led = true;
  if (draft.women_led === 'no') profile.women_led = false;
  return Object.keys(profile).length > 0 ? profile : undefined;
}

/**
 * A random UUID (version 4) naming one filled form, so that a retry after a lost connection is
 * recorded once. `crypto.randomUUID` needs a secure context; `getRandomValues` works everywhere.
 */
export function newSubmissionId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function requestBody(
  lang: string,
  answers: Record<string, AnswerValue>,
  profile: ProfileDraft,
  submissionId?: string,
): SubmitResponseBody {
  // `lang` is one of the consultation's languages, as the form was served in.
  const body: SubmitResponseBody = { lang: lang as SubmitResponseBody['lang'], answers };
  if (submissionId) body.submission_id = submissionId;
  const given = profileBody(profile);
  if (given) body.profile = given;
  return body;
}
