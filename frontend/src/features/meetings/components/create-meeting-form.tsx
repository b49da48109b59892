// Scheduling a meeting: kind, title, the start and end as wall-clock times in the organiser's zone
// (picked from the IANA list, Geneva by default), a place and/or link, who may see it and which
// delegations are invited. The server checks the times in the zone (a time the clocks skip, an end
// before the start) and the invitees; its field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, MultiSelect, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { useSignedInUser } from '@/lib/auth/use-user';
import { visibilities, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { delegationsQueryOptions } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateMeeting } from '../api/create-meeting';

const kinds = ['forum_meeting', 'technical_exchange', 'capital_dialogue'] as const;
const fields = ['kind', 'title', 'starts_at', 'ends_at', 'time_zone', 'place', 'online_url', 'visibility', 'invited_delegation_ids'] as const;

type Values = {
  kind: (typeof kinds)[number];
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  place: string;
  online_url: string;
  visibility: Visibility;
  invited_delegation_ids: string[];
};

/** The IANA zones the browser knows, Geneva first. */
export function zoneChoices(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? ['Europe/Zurich', 'Asia/Dhaka', 'Asia/Kathmandu'];
  return ['Europe/Zurich', ...all.filter((z) => z !== 'Europe/Zurich')];
}

export function CreateMeetingForm({ onCreated }: { onCreated: (created: { id: string }) => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const mutation = useCreateMeeting();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const delegations = useQuery(delegationsQueryOptions());
  const zones = useMemo(() => zoneChoices(), []);
  const schema = useMemo(() => {
    const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));
    return z.object({
      kind: z.enum(kinds),
      title: required(t('meetings.form.errors.title')),
      starts_at: required(t('meetings.form.errors.starts')),
      ends_at: required(t('meetings.form.errors.ends')),
      time_zone: required(t('meetings.form.errors.zone')),
      place: z.string(),
      online_url: z.string(),
      visibility: z.enum(visibilities),
      invited_delegation_ids: z.array(z.string()),
    });
  }, [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'forum_meeting',
      title: '',
      starts_at: '',
      ends_at: '',
      time_zone: 'Europe/Zurich',
      place: '',
      online_url: '',
      visibility: 'delegation',
      invited_delegation_ids: [],
    },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      starts_at: values.starts_at,
      ends_at: values.ends_at,
      time_zone: values.time_zone,
      place: values.place.trim() || null,
      online_url: values.online_url.trim() || null,
      visibility: values.visibility,
      invited_delegation_ids: values.invited_delegation_ids,
    };
    try {
      const created = await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      onCreated(created);
    } catch (error) {
      setFormError(applyProblemToForm(error, fields, setError));
    }
  });
  const others = (delegations.data?.items ?? [])
    .filter((d) => d.id !== user.delegation?.id)
    .map((d) => ({ value: d.id, label: `${d.name} (${d.country_code})` }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.form.title')}>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('meetings.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('meetings.form.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
          {...register('kind')}
        />
        <TextInput label={t('meetings.form.titleField')} error={errors.title?.message} withAsterisk {...register('title')} />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('meetings.form.starts')}
            error={errors.starts_at?.message}
            withAsterisk
            {...register('starts_at')}
          />
          <TextInput
            type="datetime-local"
            label={t('meetings.form.ends')}
            error={errors.ends_at?.message}
            withAsterisk
            {...register('ends_at')}
          />
          <Controller
            control={control}
            name="time_zone"
            render={({ field }) => (
              <Select
                label={t('meetings.form.zone')}
                description={t('meetings.form.zoneHelp')}
                data={zones}
                searchable
                error={errors.time_zone?.message}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
              />
            )}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('meetings.form.place')} error={errors.place?.message} {...register('place')} />
          <TextInput label={t('meetings.form.link')} error={errors.online_url?.message} {...register('online_url')} />
        </Group>
        <NativeSelect
          label={t('meetings.form.visibility')}
          data={visibilities.map((v) => ({ value: v, label: t(`meetings.form.visibilities.${v}`) }))}
          {...register('visibility')}
        />
        <Controller
          control={control}
          name="invited_delegation_ids"
          render={({ field }) => (
            <MultiSelect
              label={t('meetings.form.invite')}
              data={others}
              searchable
              error={errors.invited_delegation_ids?.message}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
