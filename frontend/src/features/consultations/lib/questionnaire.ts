// The questionnaire builder's model: questions as the API holds them plus a local key each (so React
// keeps an input's state while questions move), the edits the builder makes, the translations a
// language still lacks, and where a server error such as `questions[2].options[1].label.bn` belongs.
import { randomId } from '@/lib/random-id';

import type { Question, QuestionKind, QuestionOption, Translations } from './consultation-values';

export type DraftOption = QuestionOption & { key: string };
export type DraftQuestion = Omit<Question, 'options'> & { key: string; options: DraftOption[] };

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const DEFAULT_TEXT_MAX = 2000;
export const MAX_OPTIONS = 30;

const isChoice = (kind: QuestionKind) => kind === 'single_choice' || kind === 'multi_choice';

export function toDraft(questions: readonly Question[]): DraftQuestion[] {
  return questions.map((q) => ({
    ...q,
    key: randomId(),
    options: (q.options ?? []).map((o) => ({ ...o, key: randomId() })),
  }));
}

/** The questions as the API takes them: local keys dropped, fields of other kinds left out. */
export function fromDraft(drafts: readonly DraftQuestion[]): Question[] {
  return drafts.map(({ key: _key, options, ...q }) => {
    const question: Question = {
      code: q.code,
      kind: q.kind,
      required: q.required ?? false,
      prompt: q.prompt,
      topic_id: q.topic_id ?? null,
    };
    if (isChoice(q.kind)) question.options = options.map(({ key: _optionKey, ...o }) => o);
    if (q.kind === 'scale') {
      Object.assign(question, {
        min: q.min,
        max: q.max,
        min_label: q.min_label ?? null,
        max_label: q.max_label ?? null,
      });
    }
    if (q.kind === 'number') Object.assign(question, { min: q.min ?? null, max: q.max ?? null });
    if (q.kind === 'text') question.max_length = q.max_length ?? DEFAULT_TEXT_MAX;
    return question;
  });
}

/** The first `<prefix><n>` not taken by `taken`. */
export function freeCode(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n += 1) {
    const candidate = `${prefix}${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

function newOption(taken: readonly string[]): DraftOption {
  return { key: randomId(), id: freeCode('option_', taken), label: { en: '' } };
}

/** A new question of `kind` with a free code and the fields its kind needs. */
export function newQuestion(kind: QuestionKind, existing: readonly DraftQuestion[]): DraftQuestion {
  const base: DraftQuestion = {
    key: randomId(),
    code: freeCode(
      'q',
      existing.map((q) => q.code),
    ),
    kind,
    required: false,
    prompt: { en: '' },
    options: [],
  };
  return withKind(base, kind);
}

/** The question turned into `kind`: choices get two options if they had none, a scale 1–5, text 2000. */
export function withKind(question: DraftQuestion, kind: QuestionKind): DraftQuestion {
  const next: DraftQuestion = { ...question, kind };
  if (isChoice(kind)) {
    const options = [...next.options];
    while (options.length < 2) options.push(newOption(options.map((o) => o.id)));
    next.options = options;
  }
  if (kind === 'scale') {
    next.min = Number.isInteger(next.min) ? next.min : 1;
    next.max = Number.isInteger(next.max) ? next.max : 5;
  }
  if (kind === 'text') next.max_length = next.max_length ?? DEFAULT_TEXT_MAX;
  return next;
}

export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export function addOption(question: DraftQuestion): DraftQuestion {
  if (question.options.length >= MAX_OPTIONS) return question;
  return { ...question, options: [...question.options, newOption(question.options.map((o) => o.id))] };
}

export function setTranslation(texts: Translations | null | undefined, lang: string, text: string): Translations {
  return { ...(texts ?? {}), [lang]: text };
}

/** A text to translate: where it is in the questionnaire (as the server names it) and its English. */
export type TranslatableText = { field: string; english: string; text: string };

/** Every prompt, option label and end label of the questionnaire in `lang`, in order. */
export function translatableTexts(questions: readonly DraftQuestion[], lang: string): TranslatableText[] {
  const texts: TranslatableText[] = [];
  const push = (field: string, values: Translations | null | undefined) =>
    texts.push({ field: `${field}.${lang}`, english: values?.en ?? '', text: values?.[lang] ?? '' });
  questions.forEach((q, i) => {
    push(`questions[${i}].prompt`, q.prompt);
    if (isChoice(q.kind)) q.options.forEach((o, j) => push(`questions[${i}].options[${j}].label`, o.label));
    if (q.kind === 'scale') {
      // End labels are optional; once one is given in English it is needed in every language.
      if (q.min_label?.en) push(`questions[${i}].min_label`, q.min_label);
      if (q.max_label?.en) push(`questions[${i}].max_label`, q.max_label);
    }
  });
  return texts;
}

/** The server's field names of the texts still empty in `lang` (what opening would refuse). */
export function missingTranslations(questions: readonly DraftQuestion[], lang: string): string[] {
  return translatableTexts(questions, lang)
    .filter((t) => t.text.trim() === '')
    .map((t) => t.field);
}

/** Field errors keyed by the server's field name (`questions[2].options[1].label.bn`), messages joined. */
export type BuilderErrors = Record<string, string>;

/**
 * Splits a problem's field errors into those the builder shows at an input (any field under
 * `questions[…]`) and the rest. A field naming a whole question or option list (`questions[2]`,
 * `questions[2].options`) is shown on that question's card.
 */
export function builderErrorsFrom<E extends { field: string; message: string }>(
  errors: readonly E[],
): {
  fields: BuilderErrors;
  other: E[];
} {
  const fields: BuilderErrors = {};
  const other: E[] = [];
  for (const error of errors) {
    if (/^questions\[\d+\]/.test(error.field)) {
      // The messages are whole sentences (lib/problem.ts), so they follow one another.
      fields[error.field] = fields[error.field] ? `${fields[error.field]} ${error.message}` : error.message;
    } else {
      other.push(error);
    }
  }
  return { fields, other };
}

/** The fields (under `questions[index]`) that the questions tab has an input for, by kind. */
export function inputFieldsOf(question: DraftQuestion, index: number): string[] {
  const fields = ['.code', '.kind', '.topic_id', '.required', '.prompt', '.prompt.en'];
  if (isChoice(question.kind)) {
    fields.push('.options');
    question.options.forEach((_, j) =>
      fields.push(`.options[${j}].id`, `.options[${j}].label`, `.options[${j}].label.en`),
    );
  }
  if (question.kind === 'scale')
    fields.push('.min', '.max', '.min_label', '.min_label.en', '.max_label', '.max_label.en');
  if (question.kind === 'number') fields.push('.min', '.max');
  if (question.kind === 'text') fields.push('.max_length');
  return fields.map((field) => `questions[${index}]${field}`);
}

/**
 * The errors of question `index` that name none of its inputs on the questions tab (`inputFields`) and
 * no translation (`….bn`, shown on the translations tab): its card lists them. The messages name their
 * field themselves (lib/consultation-field-labels.ts), so the API's path is not shown.
 */
export function questionLevelErrors(
  errors: BuilderErrors,
  index: number,
  inputFields: readonly string[],
  translationLanguages: readonly string[],
): string[] {
  const prefix = `questions[${index}]`;
  return Object.entries(errors)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`))
    .filter(([field]) => !inputFields.includes(field))
    .filter(([field]) => !translationLanguages.some((lang) => field.endsWith(`.${lang}`)))
    .map(([, message]) => message);
}

/** How many errors name a translation into `lang`. */
export function translationErrorCount(errors: BuilderErrors, lang: string): number {
  return Object.keys(errors).filter((field) => field.endsWith(`.${lang}`)).length;
}
