// Adds the topic to the user's delegation watch-list with a note, a priority and a visibility.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { priorities, visibilities, type Priority, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateWatchItem } from '../api/create-watch-item';
const NOTE_MAX = 4000;
const fields = ['note', 'priority', 'visibility'] as const;

type Values = { note: string; priority: Priority; visibility: Visibility };

type CreateWatchItemFormProps = { topicId: string; delegationName: string };

export function CreateWatchItemForm({ topicId, delegationName }: CreateWatchItemFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateWatchItem();
  // A resubmission after a lost response cannot duplicate the entry; after a save, the next entry is
  // a new one even when its fields are the same.
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const schema = useMemo(
    () =>
      z.object({
        note: z.string().check(z.trim(), z.maxLength(NOTE_MAX, t('watch.form.noteTooLong', { max: NOTE_MAX }))),
        priority: z.enum(priorities),
        visibility: z.enum(visibilities),
      }),
    [t],
  );

  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { note: '', priority: 'medium', visibility: 'delegation' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const body = { topic_id: topicId, ...values };
      await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      reset();
      setSaved(true);
    } catch (error) {
      const labels = {
        note: t('watch.form.note'),
        priority: t('watch.form.priority'),
        visibility: t('watch.form.visibility'),
      };
      setFormError(applyProblemToForm(error, fields, setError, labels));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-watch-heading">
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h4" id="add-watch-heading">
          {t('watch.form.title', { delegation: delegationName })}
        </Title>
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('watch.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <div role="status">
          {saved ? (
            <Alert color="teal" variant="light">
              {t('watch.form.saved')}
            </Alert>
          ) : null}
        </div>
        <Textarea
          label={t('watch.form.note')}
          description={t('watch.form.noteHelp')}
          autosize
          minRows={3}
          error={errors.note?.message}
          {...register('note')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('watch.form.priority')}
            error={errors.priority?.message}
            data={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            {...register('priority')}
          />
          <NativeSelect
            label={t('watch.form.visibility')}
            description={t('watch.form.visibilityHelp')}
            error={errors.visibility?.message}
            data={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}.label`) }))}
            {...register('visibility')}
          />
        </Group>
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('watch.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
