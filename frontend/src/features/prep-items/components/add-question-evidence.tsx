// Links a consultation question's result: the user picks a consultation they may read, then one of its
// questions, and says why it matters.
import { Alert, Button, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useAddEvidence } from '../api/evidence';
import { consultationChoicesQueryOptions, consultationQuestionsQueryOptions } from '../api/evidence-choices';
import { promptText } from '../lib/prompt-text';

const NOTE_MAX = 2000;

export function AddQuestionEvidence({ itemId, onAdded }: { itemId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddEvidence(itemId);
  const [consultationId, setConsultationId] = useState('');
  const [question, setQuestion] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const consultations = useQuery(consultationChoicesQueryOptions());
  const consultation = useQuery({ ...consultationQuestionsQueryOptions(consultationId), enabled: consultationId !== '' });
  const questions = consultation.data?.questions ?? [];

  async function submit() {
    setError(null);
    if (!consultationId || !question) return setError(t('prep.evidence.question'));
    if (note.trim() === '') return setError(t('prep.evidence.noteRequired'));
    try {
      await add.mutateAsync({
        target_kind: 'consultation_question',
        target_id: consultationId,
        question_code: question,
        note: note.trim(),
      });
      setQuestion('');
      setNote('');
      onAdded();
    } catch (failure) {
      setError(
        problemMessage(problemFrom(failure), {
          target_id: t('prep.evidence.consultation'),
          question_code: t('prep.evidence.question'),
          note: t('prep.evidence.note'),
        }),
      );
    }
  }

  return (
    <Paper withBorder p="md" miw={280} component="section" aria-labelledby="add-question-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-question-heading">
          {t('prep.evidence.addQuestion')}
        </Title>
        {error ? (
          <Alert color="red" variant="light" role="alert" title={t('prep.evidence.addFailed')}>
            {error}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('prep.evidence.consultation')}
          value={consultationId}
          onChange={(event) => {
            setConsultationId(event.currentTarget.value);
            setQuestion('');
          }}
          data={[
            { value: '', label: t('prep.form.choose') },
            ...(consultations.data?.items ?? []).map((c) => ({ value: c.id, label: c.title })),
          ]}
        />
        <NativeSelect
          label={t('prep.evidence.question')}
          value={question}
          onChange={(event) => setQuestion(event.currentTarget.value)}
          disabled={consultationId === ''}
          data={[
            { value: '', label: t('prep.form.choose') },
            ...questions.map((q) => ({ value: q.code, label: promptText(q.prompt, i18n.language) || q.code })),
          ]}
        />
        <Textarea
          label={t('prep.evidence.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={NOTE_MAX}
          withAsterisk
        />
        <Button onClick={() => void submit()} loading={add.isPending}>
          {t('prep.evidence.add')}
        </Button>
      </Stack>
    </Paper>
  );
}
