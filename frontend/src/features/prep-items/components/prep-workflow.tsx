// The workflow steps the server says the user may take (`steps_open`), each a button opening a small form
// for an optional note — and, to record the outcome, what was decided, when and where. Refusals (403,
// 409, 422) show above the form.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { WorkflowSteps } from '@/components/ui/workflow-steps';
import { applyProblemToForm } from '@/lib/form-errors';

import { useStepPrepItem, type PrepStepInput } from '../api/step-prep-item';
import { prepStatusLabel, stepActionLabel } from '../lib/prep-labels';
import { inWorkflowOrder } from '../lib/prep-values';

const NOTE_MAX = 2000;
const OUTCOME_MAX = 4000;
const OUTCOME_BODY_MAX = 200;

const fields = ['note', 'outcome.text', 'outcome.date', 'outcome.body'] as const;
type Values = { note: string; outcome: { text: string; date: string; body: string } };

type Step = PrepStepInput['to'];

function StepForm({ itemId, to, onDone, onCancel }: { itemId: string; to: Step; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useStepPrepItem(itemId);
  const [formError, setFormError] = useState<string | null>(null);
  const recording = to === 'outcome_recorded';
  const status = prepStatusLabel(t, to);

  const schema = useMemo(() => {
    const required = (message: string, max: number) =>
      recording ? z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max)) : z.string();
    return z.object({
      note: z.string().check(z.maxLength(NOTE_MAX)),
      outcome: z.object({
        text: required(t('prep.workflow.errors.outcomeText'), OUTCOME_MAX),
        date: recording
          ? z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, t('prep.workflow.errors.outcomeDate')))
          : z.string(),
        body: required(t('prep.workflow.errors.outcomeBody'), OUTCOME_BODY_MAX),
      }),
    });
  }, [t, recording]);

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { note: '', outcome: { text: '', date: '', body: '' } },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const note = values.note.trim();
    try {
      await mutation.mutateAsync({
        to,
        ...(note ? { note } : {}),
        ...(recording
          ? { outcome: { text: values.outcome.text.trim(), date: values.outcome.date, body: values.outcome.body.trim() } }
          : {}),
      });
      onDone();
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          note: t('prep.workflow.note'),
          'outcome.text': t('prep.workflow.outcomeText'),
          'outcome.date': t('prep.workflow.outcomeDate'),
          'outcome.body': t('prep.workflow.outcomeBody'),
          to: t('prep.item.status'),
        }),
      );
    }
  });

  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={submit} noValidate aria-labelledby="prep-step-form-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="prep-step-form-heading">
            {t('prep.workflow.formTitle', { status })}
          </Title>
          {formError ? (
            <Alert color="red" variant="light" role="alert" title={t('prep.workflow.failed')}>
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label={t('prep.workflow.note')}
            description={t('prep.workflow.noteHelp')}
            error={errors.note?.message}
            autosize
            minRows={2}
            maxLength={NOTE_MAX}
            data-autofocus
            {...register('note')}
          />
          {recording ? (
            <>
              <Textarea
                label={t('prep.workflow.outcomeText')}
                description={t('prep.workflow.outcomeTextHelp')}
                error={errors.outcome?.text?.message}
                autosize
                minRows={2}
                maxLength={OUTCOME_MAX}
                withAsterisk
                {...register('outcome.text')}
              />
              <Group grow align="flex-start">
                <TextInput
                  type="date"
                  label={t('prep.workflow.outcomeDate')}
                  error={errors.outcome?.date?.message}
                  withAsterisk
                  {...register('outcome.date')}
                />
                <TextInput
                  label={t('prep.workflow.outcomeBody')}
                  description={t('prep.workflow.outcomeBodyHelp')}
                  error={errors.outcome?.body?.message}
                  maxLength={OUTCOME_BODY_MAX}
                  withAsterisk
                  {...register('outcome.body')}
                />
              </Group>
            </>
          ) : null}
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('prep.workflow.confirm', { status })}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('prep.workflow.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function PrepWorkflow({ itemId, stepsOpen }: { itemId: string; stepsOpen: readonly Step[] }) {
  const { t } = useTranslation();
  return (
    <WorkflowSteps
      next={inWorkflowOrder(stepsOpen.map((status) => ({ status }))).map(({ status }) => status)}
      none={t('prep.workflow.none')}
      label={(to) => stepActionLabel(t, to)}
      refusing={(to) => to === 'withdrawn'}
      doneMessage={(to) => t('prep.workflow.done', { status: prepStatusLabel(t, to) })}
      form={(to, props) => <StepForm itemId={itemId} to={to} {...props} />}
    />
  );
}
