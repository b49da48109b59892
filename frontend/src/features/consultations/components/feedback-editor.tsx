// "You said, we did": once the consultation is closed, its owners write what came of the answers, per
// language of the consultation (English needed: it is what a respondent without a note in their language
// reads), and publish it; the public link then shows it instead of the "closed" screen. Publishing again
// replaces it. Before the close, the panel says when a note can be written; readers who may not change the
// consultation see the published note only.
import { Alert, Badge, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatInstant } from '@/lib/format-date';
import { problemFrom, problemMessage } from '@/lib/problem';

import { usePublishFeedback, type FeedbackTexts } from '../api/publish-feedback';
import { rightToLeftLanguages, type Consultation } from '../lib/consultation-values';

import { languageLabel } from './consultation-labels';
import { errorsByField } from './language-texts';

/** The longest note per language, as the server allows. */
export const FEEDBACK_MAX = 3000;

type FeedbackEditorProps = { consultation: Consultation; writable: boolean; onReload: () => void };

export function FeedbackEditor({ consultation, writable, onReload }: FeedbackEditorProps) {
  const { t } = useTranslation();
  const mutation = usePublishFeedback(consultation.id);
  const [texts, setTexts] = useState<FeedbackTexts>(() => consultation.feedback ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok?: boolean; conflict?: boolean } | null>(null);
  const closed = consultation.status === 'closed' || consultation.status === 'archived';
  const published = consultation.feedback_at
    ? t('consultations.feedback.published', { when: formatInstant(consultation.feedback_at) })
    : null;

  if (!writable && !consultation.feedback) return null;

  function label(field: string): string {
    return t('consultations.feedback.label', { language: languageLabel(t, field.split('.')[1] ?? '') });
  }

  async function publish() {
    setMessage(null);
    setErrors({});
    const trimmed = Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
    try {
      await mutation.mutateAsync({ version: consultation.version, texts: trimmed });
      setMessage({ text: t('consultations.feedback.done'), ok: true });
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

  const body = !writable ? (
    <Stack gap="xs">
      {Object.entries(consultation.feedback ?? {}).map(([lang, text]) => (
        <Paper key={lang} withBorder p="md">
          <Badge variant="light" mb="xs">
            {languageLabel(t, lang)}
          </Badge>
          <Text style={{ whiteSpace: 'pre-line' }} lang={lang}>
            {text}
          </Text>
        </Paper>
      ))}
    </Stack>
  ) : !closed ? (
    <Text c="dimmed">{t('consultations.feedback.notYet')}</Text>
  ) : (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('consultations.feedback.intro')}
      </Text>
      {consultation.languages.map((lang) => {
        const value = texts[lang] ?? '';
        return (
          <Textarea
            key={lang}
            label={label(`texts.${lang}`)}
            description={lang === 'en' ? t('consultations.feedback.englishNeeded') : undefined}
            withAsterisk={lang === 'en'}
            value={value}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setTexts((current) => ({ ...current, [lang]: next }));
              setMessage(null);
            }}
            error={errors[`texts.${lang}`]}
            autosize
            minRows={3}
            maxLength={FEEDBACK_MAX}
            lang={lang}
            dir={rightToLeftLanguages.includes(lang) ? 'rtl' : 'ltr'}
          />
        );
      })}
      <Button w="fit-content" loading={mutation.isPending} onClick={() => void publish()}>
        {consultation.feedback ? t('consultations.feedback.update') : t('consultations.feedback.publish')}
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
  );

  return (
    <section aria-labelledby="feedback-heading">
      <Title order={2} size="h3" id="feedback-heading" mb="xs">
        {t('consultations.feedback.title')}
      </Title>
      {published ? (
        <Text size="sm" mb="xs">
          {published}
        </Text>
      ) : null}
      {body}
    </section>
  );
}
