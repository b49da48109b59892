// The lifecycle buttons the status allows (Open, Close, Reopen, Archive), sent with If-Match. The
// server's refusals are shown: a 412 asks for a reload, and opening with an incomplete questionnaire
// puts each problem on the builder's inputs.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fieldErrorSentences, problemFrom, problemMessage } from '@/lib/problem';

import { useSetConsultationStatus } from '../api/set-consultation-status';
import { consultationFieldLabels, wordedErrors } from '../lib/consultation-field-labels';
import { nextStatuses, type Consultation, type ConsultationStatus } from '../lib/consultation-values';
import { builderErrorsFrom, type BuilderErrors } from '../lib/questionnaire';

import { consultationStatusLabel } from './consultation-labels';

type ConsultationLifecycleProps = {
  consultation: Consultation;
  onQuestionErrors: (errors: BuilderErrors) => void;
  onReload: () => void;
};

function actionKey(from: string, to: ConsultationStatus) {
  if (to === 'open') return from === 'closed' ? 'reopen' : 'open';
  return to === 'closed' ? 'close' : 'archive';
}

export function ConsultationLifecycle({ consultation, onQuestionErrors, onReload }: ConsultationLifecycleProps) {
  const { t } = useTranslation();
  const mutation = useSetConsultationStatus(consultation.id);
  const [confirming, setConfirming] = useState<ConsultationStatus | null>(null);
  const [result, setResult] = useState<{ text: string; ok?: boolean; conflict?: boolean } | null>(null);
  const next = nextStatuses(consultation.status);

  async function go(to: ConsultationStatus) {
    setConfirming(null);
    setResult(null);
    onQuestionErrors({});
    try {
      const updated = await mutation.mutateAsync({ version: consultation.version, status: to });
      setResult({
        text: t('consultations.lifecycle.done', { status: consultationStatusLabel(t, updated.status) }),
        ok: true,
      });
    } catch (error) {
      const problem = problemFrom(error);
      if (problem.status === 412) {
        setResult({ text: t('consultations.lifecycle.conflict'), conflict: true });
        return;
      }
      const { fields, other } = builderErrorsFrom(wordedErrors(t, problem.errors));
      onQuestionErrors(fields);
      const count = Object.keys(fields).length;
      const parts =
        problem.errors.length === 0
          ? [problemMessage(problem)]
          : fieldErrorSentences(other, consultationFieldLabels(t));
      if (count > 0) parts.push(t('consultations.lifecycle.seeQuestionnaire', { count }));
      setResult({ text: parts.join(' ') });
    }
  }

  return (
    <Stack gap="sm">
      {next.length === 0 ? (
        <Text c="dimmed">{t('consultations.lifecycle.none')}</Text>
      ) : (
        <Group gap="sm">
          {next.map((to) => {
            const key = actionKey(consultation.status, to);
            return (
              <Button
                key={to}
                variant={to === 'archived' ? 'outline' : 'filled'}
                color={to === 'archived' ? 'red' : undefined}
                loading={mutation.isPending && mutation.variables?.status === to}
                onClick={() => (to === 'archived' ? setConfirming(to) : void go(to))}
              >
                {t(`consultations.lifecycle.${key}`)}
              </Button>
            );
          })}
        </Group>
      )}
      {confirming ? (
        <Alert color="red" variant="light" title={t('consultations.lifecycle.confirmArchiveTitle')}>
          <Text size="sm">{t('consultations.lifecycle.confirmArchive')}</Text>
          <Group mt="xs">
            <Button size="xs" color="red" onClick={() => void go(confirming)}>
              {t('consultations.lifecycle.archive')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
              {t('consultations.form.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <div role="status">
        {result ? (
          <Alert color={result.ok ? 'teal' : 'red'} variant="light">
            <Text size="sm">{result.text}</Text>
            {result.conflict ? (
              <Button mt="xs" size="xs" variant="outline" color="red" onClick={onReload}>
                {t('consultations.builder.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
