// Changing a meeting (organiser only): the same fields as scheduling it, starting from the meeting as
// it is, sent as a patch of what changed with the version the form started from. A change someone else
// made meanwhile answers 412: the form keeps what was typed and offers to reload. A new time or place
// raises the sequence (calendars replace the entry) and tells the invitees — the server's doing.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { applyProblemToForm } from '@/lib/form-errors';
import { problemFrom } from '@/lib/problem';
import { delegationsQueryOptions } from '@/lib/reference';

import { meetingQueryKey } from '../api/keys';
import { useUpdateMeeting } from '../api/update-meeting';
import { editValues, meetingPatch, type MeetingEditValues } from '../lib/meeting-patch';
import type { Meeting } from '../lib/meeting-types';

import { MeetingFields, meetingSchema } from './meeting-fields';

const fields = ['kind', 'title', 'description', 'starts_at', 'ends_at', 'time_zone', 'place', 'online_url', 'visibility', 'invited_delegation_ids'] as const;

export function EditMeetingForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useUpdateMeeting(meeting.id);
  const delegations = useQuery(delegationsQueryOptions());
  // The version and values the form started from: what the patch is computed against and sent as If-Match.
  const [start] = useState(() => ({ version: meeting.version, values: editValues(meeting) }));
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const schema = useMemo(() => meetingSchema(t), [t]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MeetingEditValues>({ resolver: zodResolver(schema), defaultValues: start.values });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setConflict(false);
    const body = meetingPatch(start.values, values);
    if (Object.keys(body).length === 0) {
      setFormError(t('meetings.edit.nothing'));
      return;
    }
    try {
      await mutation.mutateAsync({ body, version: start.version });
      onDone();
    } catch (error) {
      const status = problemFrom(error).status;
      if (status === 412 || status === 428) setConflict(true);
      else setFormError(applyProblemToForm(error, fields, setError));
    }
  });

  const others = (delegations.data?.items ?? [])
    .filter((d) => d.id !== meeting.owner.id)
    .map((d) => ({ value: d.id, label: `${d.name} (${d.country_code})` }));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('meetings.edit.heading')}>
      <Stack gap="sm">
        {conflict ? (
          <Alert color="orange" variant="light" role="alert" data-testid="meeting-conflict">
            <Stack gap="xs">
              {t('meetings.edit.conflict')}
              <Group>
                <Button size="xs" variant="outline" onClick={() => void queryClient.invalidateQueries({ queryKey: meetingQueryKey(meeting.id) })}>
                  {t('meetings.edit.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('meetings.edit.failed')}>
            {formError}
          </Alert>
        ) : null}
        <MeetingFields register={register} control={control} errors={errors} others={others} withDescription />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.edit.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('meetings.edit.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
