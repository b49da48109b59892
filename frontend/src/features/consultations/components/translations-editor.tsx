// The translation view: for one language of the consultation, an input for every prompt, option label
// and end label beside its English, with the missing ones marked. Opening needs none missing. Each input
// is labelled with its own language ("Question (Bengali)"), as the server's errors name it too.
import { Badge, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { questionFieldLabel } from '../lib/consultation-field-labels';
import { rightToLeftLanguages, type Translations } from '../lib/consultation-values';
import { setTranslation, type BuilderErrors, type DraftQuestion } from '../lib/questionnaire';

import { languageLabel } from './consultation-labels';

type TranslationsEditorProps = {
  lang: string;
  questions: DraftQuestion[];
  errors: BuilderErrors;
  onChange: (index: number, question: DraftQuestion) => void;
};

type Row = {
  field: string;
  texts: Translations | null | undefined;
  set: (texts: Translations) => DraftQuestion;
};

function rowsOf(q: DraftQuestion, i: number): Row[] {
  const at = `questions[${i}]`;
  const rows: Row[] = [
    {
      field: `${at}.prompt`,
      texts: q.prompt,
      set: (prompt) => ({ ...q, prompt }),
    },
  ];
  if (q.kind === 'single_choice' || q.kind === 'multi_choice') {
    q.options.forEach((o, j) =>
      rows.push({
        field: `${at}.options[${j}].label`,
        texts: o.label,
        set: (label) => ({ ...q, options: q.options.map((x) => (x.key === o.key ? { ...x, label } : x)) }),
      }),
    );
  }
  if (q.kind === 'scale') {
    if (q.min_label?.en) {
      rows.push({
        field: `${at}.min_label`,
        texts: q.min_label,
        set: (min_label) => ({ ...q, min_label }),
      });
    }
    if (q.max_label?.en) {
      rows.push({
        field: `${at}.max_label`,
        texts: q.max_label,
        set: (max_label) => ({ ...q, max_label }),
      });
    }
  }
  return rows;
}

export function TranslationsEditor({ lang, questions, errors, onChange }: TranslationsEditorProps) {
  const { t } = useTranslation();
  const dir = rightToLeftLanguages.includes(lang) ? 'rtl' : 'ltr';
  if (questions.length === 0) return <Text c="dimmed">{t('consultations.builder.empty')}</Text>;

  return (
    <Stack gap="md">
      {questions.map((q, i) => (
        <Paper key={q.key} withBorder p="md" component="section" aria-labelledby={`tr-${lang}-${q.key}`}>
          <Title order={3} size="h5" id={`tr-${lang}-${q.key}`} mb="xs">
            {t('consultations.builder.questionN', { n: i + 1, code: q.code })}
          </Title>
          <Stack gap="xs">
            {rowsOf(q, i).map((row) => {
              const value = row.texts?.[lang] ?? '';
              const missing = value.trim() === '';
              const field = `${row.field}.${lang}`;
              const error = errors[field];
              return (
                <TextInput
                  key={row.field}
                  label={
                    <>
                      {questionFieldLabel(t, field)}{' '}
                      {missing ? (
                        <Badge color="yellow" variant="filled" autoContrast size="sm" component="span">
                          {t('consultations.translations.missing')}
                        </Badge>
                      ) : null}
                    </>
                  }
                  description={`${languageLabel(t, 'en')}: ${row.texts?.en || t('consultations.translations.noEnglish')}`}
                  value={value}
                  onChange={(e) => onChange(i, row.set(setTranslation(row.texts, lang, e.currentTarget.value)))}
                  error={error}
                  lang={lang}
                  dir={dir}
                  data-missing={missing || undefined}
                  styles={
                    missing && !error
                      ? {
                          input: {
                            borderColor: 'var(--mantine-color-orange-9)',
                            background: 'var(--mantine-color-yellow-0)',
                          },
                        }
                      : undefined
                  }
                />
              );
            })}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
