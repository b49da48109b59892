// Recording an action item from the minutes: what, who (chosen by name from the people taking part —
// the API accepts no one else), by when, and optionally the record it is about (this meeting, or a prep
// item on its agenda, so no id is ever typed). Retry-safe: the Idempotency-Key is fixed per submission.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateActionItem } from '../api/action-items';
import { participantsQueryOptions } from '../api/participants';
import type { Meeting } from '../lib/meeting-types';

type Values = { title: string; owner_user_id: string; due_on: string; link: string };
const fields = ['title', 'owner_user_id', 'due_on', 'link'] as const;

/** The records an item may link to, as `kind:id` choices. */
export function linkChoices(meeting: Pick<Meeting, 'id' | 'agenda'>, t: TFunction) {
  const choices = [
    { value: '', label: t('meetings.actionForm.noLink') },
    { value: `meeting:${meeting.id}`, label: t('meetings.actionForm.thisMeeting') },
  ];
  for (const a of meeting.agenda) {
    if (a.prep_item_id) choices.push({ value: `prep_item:${a.prep_item_id}`, label: t('meetings.actionForm.prepItem', { title: a.title }) });
  }
  return choices;
}

export function ActionItemForm({ meeting, onCreated }: { meeting: Pick<Meeting, 'id' | 'agenda'>; onCreated?: () => void }) {
  const { t } = useTranslation();
  const people = useQuery(participantsQueryOptions(meeting.id));
  const mutation = useCreateActionItem(meeting.id);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const schema = useMemo(() => {
    const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));
    return z.object({
      title: required(t('meetings.actionForm.errors.title')),
      owner_user_id: required(t('meetings.actionForm.errors.owner')),
      due_on: required(t('meetings.actionForm.errors.due')),
      link: z.string(),
    });
  }, [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { title: '', owner_user_id: '', due_on: '', link: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const [kind, id] = values.link ? values.link.split(':') : [];
    const body = {
      title: values.title.trim(),
      owner_user_id: values.owner_user_id,
      due_on: values.due_on,
      linked_kind: (kind as 'meeting' | 'prep_item' | undefined) ?? null,
      linked_id: id ?? null,
    };
    try {
      const item = await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      reset();
      setCreated(t('meetings.actionForm.created', { title: item.title, name: item.owner.name }));
      onCreated?.();
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          title: t('meetings.actionForm.title'),
          owner_user_id: t('meetings.actionForm.owner'),
          due_on: t('meetings.actionForm.due'),
          linked_kind: t('meetings.actionForm.link'),
          linked_id: t('meetings.actionForm.link'),
        }),
      );
    }
  });

  const owners = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.delegation ? `${p.name} — ${p.delegation.name} (${p.delegation.code})` : p.name,
  }));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('meetings.actionForm.heading')}>
      <Stack gap="sm">
        <div role="status" aria-live="polite">
          {created ? (
            <Alert color="teal" variant="light">
              {created}
            </Alert>
          ) : null}
        </div>
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('meetings.actionForm.failed')}>
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t('meetings.actionForm.title')} withAsterisk error={errors.title?.message} {...register('title')} />
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="owner_user_id"
            render={({ field }) => (
              <Select
                label={t('meetings.actionForm.owner')}
                description={t('meetings.actionForm.ownerHelp')}
                placeholder={people.isPending ? t('meetings.actionForm.loadingPeople') : undefined}
                data={owners}
                searchable
                withAsterisk
                nothingFoundMessage={t('meetings.actionForm.noOne')}
                error={errors.owner_user_id?.message ?? (people.isError ? t('meetings.actionForm.peopleFailed') : undefined)}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
              />
            )}
          />
          <TextInput type="date" label={t('meetings.actionForm.due')} withAsterisk error={errors.due_on?.message} {...register('due_on')} />
        </Group>
        <NativeSelect label={t('meetings.actionForm.link')} data={linkChoices(meeting, t)} error={errors.link?.message} {...register('link')} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.actionForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
