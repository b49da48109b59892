// The workflow steps the server says the user may take (`steps_open`), each a button opening a small
// form: a note always; accepting asks for the committed due date, declining for the reason. Refusals
// (403, 409, 422) show above the form, field errors next to their field.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { WorkflowSteps } from '@/components/ui/workflow-steps';
import { applyProblemToForm } from '@/lib/form-errors';

import { useStepBriefing, type BriefingStepInput } from '../api/write-briefing';
import { briefingStatusLabel, briefingStepLabel, inWorkflowOrder } from '../lib/briefing-values';

const NOTE_MAX = 2000;
const fields = ['note', 'due_date', 'reason'] as const;
type Values = { note: string; due_date: string; reason: string };
type Step = BriefingStepInput['to'];

function StepForm({ id, to, onDone, onCancel }: { id: string; to: Step; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useStepBriefing(id);
  const [formError, setFormError] = useState<string | null>(null);
  const accepting = to === 'accepted';
  const declining = to === 'declined';
  const schema = useMemo(
    () =>
      z.object({
        note: z.string().check(z.maxLength(NOTE_MAX)),
        due_date: accepting
          ? z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, t('briefing.workflow.errors.dueDate')))
          : z.string(),
        reason: declining
          ? z.string().check(z.trim(), z.minLength(1, t('briefing.workflow.errors.reason')), z.maxLength(NOTE_MAX))
          : z.string(),
      }),
    [t, accepting, declining],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { note: '', due_date: '', reason: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const note = values.note.trim();
    try {
      await mutation.mutateAsync({
        to,
        ...(note ? { note } : {}),
        ...(accepting ? { due_date: values.due_date } : {}),
        ...(declining ? { reason: values.reason.trim() } : {}),
      });
      onDone();
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          note: t('briefing.workflow.note'),
          due_date: t('briefing.fields.dueDate'),
          reason: t('briefing.workflow.reason'),
          to: t('briefing.fields.status'),
        }),
      );
    }
  });

  const status = briefingStatusLabel(t, to);
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={submit} noValidate aria-labelledby="briefing-step-form-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="briefing-step-form-heading">
            {t('briefing.workflow.formTitle', { status })}
          </Title>
          {formError ? (
            <Alert color="red" variant="light" role="alert" title={t('briefing.workflow.failed')}>
              {formError}
            </Alert>
          ) : null}
          {accepting ? (
            <TextInput
              type="date"
              label={t('briefing.fields.dueDate')}
              description={t('briefing.workflow.dueDateHelp')}
              withAsterisk
              error={errors.due_date?.message}
              data-autofocus
              {...register('due_date')}
            />
          ) : null}
          {declining ? (
            <Textarea
              label={t('briefing.workflow.reason')}
              withAsterisk
              autosize
              minRows={2}
              maxLength={NOTE_MAX}
              error={errors.reason?.message}
              data-autofocus
              {...register('reason')}
            />
          ) : null}
          <Textarea
            label={t('briefing.workflow.note')}
            autosize
            minRows={2}
            maxLength={NOTE_MAX}
            error={errors.note?.message}
            {...register('note')}
          />
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('briefing.workflow.confirm', { status })}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('briefing.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function BriefingWorkflow({ id, stepsOpen }: { id: string; stepsOpen: readonly Step[] }) {
  const { t } = useTranslation();
  return (
    <WorkflowSteps
      next={inWorkflowOrder(stepsOpen)}
      none={t('briefing.workflow.none')}
      label={(to) => briefingStepLabel(t, to)}
      refusing={(to) => to === 'declined'}
      doneMessage={(to) => t('briefing.workflow.done', { status: briefingStatusLabel(t, to) })}
      form={(to, props) => <StepForm id={id} to={to} {...props} />}
    />
  );
}
