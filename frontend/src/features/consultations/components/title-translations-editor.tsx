// The consultation's title and description in its other languages, beside the English: respondents read
// them on the public page in their language, and whatever is left empty shows in English. Saved with
// If-Match in any status (a wording may be corrected while the consultation runs); a 412 asks for a
// reload, and the server's 422 errors land on the inputs they name.
import { Alert, Button, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useUpdateConsultation } from '../api/update-consultation';
import { rightToLeftLanguages, type Consultation } from '../lib/consultation-values';

import { languageLabel } from './consultation-labels';
import { errorsByField } from './language-texts';

type TitleTexts = Consultation['translations'];

type TitleTranslationsEditorProps = { consultation: Consultation; onReload: () => void };

export function TitleTranslationsEditor({ consultation, onReload }: TitleTranslationsEditorProps) {
  const { t } = useTranslation();
  const mutation = useUpdateConsultation(consultation.id);
  const [values, setValues] = useState<TitleTexts>(() => consultation.translations);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok?: boolean; conflict?: boolean } | null>(null);
  const others = consultation.languages.filter((l) => l !== 'en');

  function set(lang: string, part: 'title' | 'description', text: string) {
    setValues((current) => ({ ...current, [lang]: { ...current[lang], [part]: text } }));
    setErrors((current) => ({ ...current, [`translations.${lang}.${part}`]: '', [`translations.${lang}`]: '' }));
    setMessage(null);
  }

  function label(field: string): string {
    const [, lang = '', part] = field.split('.');
    const language = languageLabel(t, lang);
    return part === 'description'
      ? t('consultations.titleTranslations.descriptionLabel', { language })
      : t('consultations.titleTranslations.titleLabel', { language });
  }

  async function save() {
    setMessage(null);
    setErrors({});
    try {
      await mutation.mutateAsync({ version: consultation.version, body: { translations: values } });
      setMessage({ text: t('consultations.titleTranslations.saved'), ok: true });
    } catch (error) {
      const problem = problemFrom(error);
      if (problem.status === 412) {
        setMessage({ text: t('consultations.builder.conflict'), conflict: true });
        return;
      }
      setErrors(errorsByField(problem.errors, label));
      setMessage({ text: problemMessage(problem) });
    }
  }

  if (others.length === 0) return null;
  return (
    <section aria-labelledby="title-translations-heading">
      <Title order={2} size="h3" id="title-translations-heading" mb="xs">
        {t('consultations.titleTranslations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('consultations.titleTranslations.intro')}
      </Text>
      <Stack gap="md">
        {others.map((lang) => {
          const dir = rightToLeftLanguages.includes(lang) ? 'rtl' : 'ltr';
          const language = languageLabel(t, lang);
          const text = values[lang] ?? {};
          return (
            <Paper key={lang} withBorder p="md">
              <Stack gap="xs">
                <TextInput
                  label={t('consultations.titleTranslations.titleLabel', { language })}
                  description={t('consultations.titleTranslations.english', { text: consultation.title })}
                  value={text.title ?? ''}
                  onChange={(e) => set(lang, 'title', e.currentTarget.value)}
                  error={errors[`translations.${lang}.title`] || errors[`translations.${lang}`] || undefined}
                  maxLength={200}
                  lang={lang}
                  dir={dir}
                />
                <Textarea
                  label={t('consultations.titleTranslations.descriptionLabel', { language })}
                  description={t('consultations.titleTranslations.english', {
                    text: consultation.description || '—',
                  })}
                  value={text.description ?? ''}
                  onChange={(e) => set(lang, 'description', e.currentTarget.value)}
                  error={errors[`translations.${lang}.description`] || undefined}
                  autosize
                  minRows={2}
                  maxLength={4000}
                  lang={lang}
                  dir={dir}
                />
              </Stack>
            </Paper>
          );
        })}
        <Button w="fit-content" loading={mutation.isPending} onClick={() => void save()}>
          {t('consultations.titleTranslations.save')}
        </Button>
        <div role="status">
          {message ? (
            <Alert color={message.ok ? 'teal' : 'red'} variant="light">
              <Text size="sm">{message.text}</Text>
              {message.conflict ? (
                <Button mt="xs" size="xs" variant="outline" color="red" onClick={onReload}>
                  {t('consultations.builder.reload')}
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </div>
      </Stack>
    </section>
  );
}
