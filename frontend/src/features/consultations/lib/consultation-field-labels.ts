// A consultation's API fields named as the forms and the questionnaire builder label them, so a server
// refusal reads "Option 2 (Bengali) still needs a translation", not `questions[0].options[1].label.bn`
// (lib/problem.ts words the errors; this only names the fields).
import type { TFunction } from 'i18next';

import { oneOf } from '@/lib/domain-values';
import type { FieldLabels } from '@/lib/form-errors';
import { fieldErrorMessage, fieldLabel, type FieldError } from '@/lib/problem';

import { consultationLanguages } from './consultation-values';

/** A language's plain name ("Bengali"), for labels such as "Question (Bengali)". */
export function languageName(t: TFunction, code: string): string {
  const lang = oneOf(consultationLanguages, code);
  return lang ? t(`consultations.languageNames.${lang}`) : code;
}

/**
 * The label of a field inside question `questions[i]`, relative to its card ("Code", "Option 2",
 * "Question (Bengali)"); the bare question is "Question n". Undefined for any other field.
 */
export function questionFieldLabel(t: TFunction, field: string): string | undefined {
  const match = /^questions\[(\d+)\](.*)$/.exec(field);
  if (!match) return undefined;
  const n = Number(match[1]) + 1;
  const rest = match[2] ?? '';
  // A translatable text ends in its language (`.prompt.bn`); `.options[0].id` does not, although
  // `id` is also a language code.
  const text = /^(\.prompt|\.options\[(\d+)\]\.label|\.min_label|\.max_label)(?:\.([a-z]{2,3}))?$/.exec(rest);
  if (text) {
    const language = languageName(t, text[3] ?? 'en');
    if (text[1] === '.prompt') return t('consultations.translations.prompt', { language });
    if (text[1] === '.min_label') return t('consultations.translations.minLabel', { language });
    if (text[1] === '.max_label') return t('consultations.translations.maxLabel', { language });
    return t('consultations.translations.option', { n: Number(text[2]) + 1, language });
  }
  const option = /^\.options\[(\d+)\]/.exec(rest);
  if (option) return t('consultations.builder.optionN', { n: Number(option[1]) + 1 });
  const parts: Record<string, string> = {
    '': t('consultations.builder.questionShort', { n }),
    '.code': t('consultations.builder.code'),
    '.kind': t('consultations.builder.kind'),
    '.topic_id': t('consultations.builder.topic'),
    '.required': t('consultations.builder.required'),
    '.options': t('consultations.builder.options'),
    '.min': t('consultations.builder.scaleMin'),
    '.max': t('consultations.builder.scaleMax'),
    '.max_length': t('consultations.builder.maxLength'),
  };
  return parts[rest];
}

/** The labels of a consultation's own fields (the create form, the status buttons, the builder). */
export function consultationFieldLabels(t: TFunction): FieldLabels {
  const owner = t('consultations.form.owner');
  const labels: Record<string, string> = {
    title: t('consultations.form.titleField'),
    description: t('consultations.form.description'),
    delegation_id: owner,
    regional: owner,
    visibility: t('consultations.form.visibility'),
    languages: t('consultations.form.languages'),
    topic_ids: t('consultations.form.topics'),
    opens_at: t('consultations.form.opensAt'),
    closes_at: t('consultations.form.closesAt'),
    status: t('consultations.lifecycle.title'),
    questions: t('consultations.builder.title'),
  };
  return (field) => questionFieldLabel(t, field) ?? labels[field];
}

/** Field errors with their messages worded for people, for the builder to put on its inputs. */
export function wordedErrors(t: TFunction, errors: readonly FieldError[]): FieldError[] {
  const labels = consultationFieldLabels(t);
  return errors.map((e) => ({
    ...e,
    message: fieldErrorMessage(e.code, fieldLabel(e.field, labels) ?? t('problems.thisField')),
  }));
}
