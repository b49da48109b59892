// Scheduling a meeting: kind, title, the start and end as wall-clock times in the organiser's zone
// (picked from the IANA list, Geneva by default), a place and/or link, who may see it and which
// delegations are invited. The server checks the times in the zone (a time the clocks skip, an end
// before the start) and the invitees; its field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { useSignedInUser } from '@/lib/auth/use-user';
import { applyProblemToForm } from '@/lib/form-errors';
import { delegationsQueryOptions } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateMeeting } from '../api/create-meeting';
import type { MeetingEditValues } from '../lib/meeting-patch';

import { MeetingFields, meetingSchema } from './meeting-fields';

const fields = ['kind', 'title', 'starts_at', 'ends_at', 'time_zone', 'place', 'online_url', 'visibility', 'invited_delegation_ids'] as const;

export function CreateMeetingForm({ onCreated }: { onCreated: (created: { id: string }) => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const mutation = useCreateMeeting();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const delegations = useQuery(delegationsQueryOptions());
  const schema = useMemo(() => meetingSchema(t), [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MeetingEditValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'forum_meeting',
      title: '',
      description: '',
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
        <MeetingFields register={register} control={control} errors={errors} others={others} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
