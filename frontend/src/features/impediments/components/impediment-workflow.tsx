// The workflow steps the user may take from the current status, each a button that opens a small form
// for the note (and, to raise it, the WTO body and date). Refusals (403, 409, 422) show above the form.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { WorkflowSteps } from '@/components/ui/workflow-steps';
import { applyProblemToForm } from '@/lib/form-errors';

import { useStepImpediment } from '../api/step-impediment';
import { impedimentFieldLabels } from '../lib/impediment-field-labels';
import { allowedNextSteps, type Impediment, type ImpedimentStatus, type WorkflowActor } from '../lib/impediment-values';

const fields = ['note', 'raised_body', 'raised_on'] as const;
type Values = { note: string; raised_body: string; raised_on: string };

function StepForm({
  impediment,
  to,
  onDone,
  onCancel,
}: {
  impediment: Impediment;
  to: ImpedimentStatus;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useStepImpediment(impediment.id);
  const [formError, setFormError] = useState<string | null>(null);
  const raising = to === 'raised';

  const schema = useMemo(
    () =>
      z.object({
        note: z.string().check(z.trim(), z.minLength(1, t('impediments.workflow.errors.note'))),
        raised_body: raising
          ? z.string().check(z.trim(), z.minLength(1, t('impediments.workflow.errors.raisedBody')))
          : z.string(),
        raised_on: raising
          ? z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, t('impediments.workflow.errors.raisedOn')))
          : z.string(),
      }),
    [t, raising],
  );

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { note: '', raised_body: '', raised_on: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await mutation.mutateAsync({
        to,
        note: values.note.trim(),
        ...(raising ? { raised_body: values.raised_body.trim(), raised_on: values.raised_on } : {}),
      });
      onDone();
    } catch (error) {
      setFormError(applyProblemToForm(error, fields, setError, impedimentFieldLabels(t)));
    }
  });

  const heading = t('impediments.workflow.formTitle', { status: t(`impediments.status.${to}`) });
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={submit} noValidate aria-labelledby="step-form-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="step-form-heading">
            {heading}
          </Title>
          {formError ? (
            <Alert color="red" variant="light" role="alert" title={t('impediments.workflow.failed')}>
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label={t('impediments.workflow.note')}
            description={t('impediments.workflow.noteHelp')}
            error={errors.note?.message}
            autosize
            minRows={2}
            withAsterisk
            data-autofocus
            {...register('note')}
          />
          {raising ? (
            <Group grow align="flex-start">
              <TextInput
                label={t('impediments.workflow.raisedBody')}
                description={t('impediments.workflow.raisedBodyHelp')}
                error={errors.raised_body?.message}
                withAsterisk
                {...register('raised_body')}
              />
              <TextInput
                type="date"
                label={t('impediments.workflow.raisedOn')}
                error={errors.raised_on?.message}
                withAsterisk
                {...register('raised_on')}
              />
            </Group>
          ) : null}
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('impediments.workflow.confirm', { status: t(`impediments.status.${to}`) })}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('impediments.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ImpedimentWorkflow({ impediment, actor }: { impediment: Impediment; actor: WorkflowActor }) {
  const { t } = useTranslation();
  return (
    <WorkflowSteps
      next={allowedNextSteps(impediment.status, actor, impediment.delegation_id)}
      none={t('impediments.workflow.none')}
      label={(to) => t(`impediments.workflow.to.${to}`)}
      refusing={(to) => to === 'dismissed'}
      doneMessage={(to) => t('impediments.workflow.done', { status: t(`impediments.status.${to}`) })}
      form={(to, props) => <StepForm impediment={impediment} to={to} {...props} />}
    />
  );
}
