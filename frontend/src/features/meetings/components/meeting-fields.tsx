// The fields a meeting is scheduled and changed with, shared by the create and edit forms so both
// check and show them alike: the schema (the edit form's values; creating leaves `description` empty
// and does not send it) and the inputs, with the description shown only where it can be changed.
import { Group, MultiSelect, NativeSelect, Select, TextInput, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { visibilities } from '@/lib/domain-values';

import type { MeetingEditValues } from '../lib/meeting-patch';

export const meetingKinds = ['forum_meeting', 'technical_exchange', 'capital_dialogue'] as const;

/** The IANA zones the browser knows, Geneva first. */
export function zoneChoices(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? ['Europe/Zurich', 'Asia/Dhaka', 'Asia/Kathmandu'];
  return ['Europe/Zurich', ...all.filter((z) => z !== 'Europe/Zurich')];
}

export function meetingSchema(t: TFunction) {
  const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));
  return z.object({
    kind: z.enum(meetingKinds),
    title: required(t('meetings.form.errors.title')),
    description: z.string(),
    starts_at: required(t('meetings.form.errors.starts')),
    ends_at: required(t('meetings.form.errors.ends')),
    time_zone: required(t('meetings.form.errors.zone')),
    place: z.string(),
    online_url: z.string(),
    visibility: z.enum(visibilities),
    invited_delegation_ids: z.array(z.string()),
  });
}

type Props = {
  register: UseFormRegister<MeetingEditValues>;
  control: Control<MeetingEditValues>;
  errors: FieldErrors<MeetingEditValues>;
  /** The delegations that may be invited (every one but the organiser's), as select options. */
  others: { value: string; label: string }[];
  withDescription?: boolean;
};

export function MeetingFields({ register, control, errors, others, withDescription = false }: Props) {
  const { t } = useTranslation();
  const zones = useMemo(() => zoneChoices(), []);
  return (
    <>
      <NativeSelect
        label={t('meetings.form.kind')}
        data={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
        {...register('kind')}
      />
      <TextInput label={t('meetings.form.titleField')} error={errors.title?.message} withAsterisk {...register('title')} />
      {withDescription ? (
        <Textarea label={t('meetings.edit.description')} autosize minRows={2} error={errors.description?.message} {...register('description')} />
      ) : null}
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label={t('meetings.form.starts')} error={errors.starts_at?.message} withAsterisk {...register('starts_at')} />
        <TextInput type="datetime-local" label={t('meetings.form.ends')} error={errors.ends_at?.message} withAsterisk {...register('ends_at')} />
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
    </>
  );
}
