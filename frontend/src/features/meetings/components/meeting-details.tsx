// One meeting: its times in Geneva, the organiser's zone and each taking-part delegation's capital
// (each line names its zone and offset), the caller's answer with the buttons to give it, the agenda,
// the invitations with their answers, the minutes, the action items and the `.ics` download. The
// organiser (`can_edit`) also edits and cancels it, writes the minutes and records action items.
import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/ui/query-error';
import { api } from '@/lib/api-client';
import { useSignedInUser } from '@/lib/auth/use-user';
import { formatPlainDate } from '@/lib/format-date';

import { meetingActionItemsQueryOptions, useMarkDone } from '../api/action-items';
import { useRsvp, type RsvpAnswer } from '../api/rsvp';
import { formatLocalTimes, offsetGap } from '../lib/meeting-times';
import type { Meeting } from '../lib/meeting-types';

import { ActionItemForm } from './action-item-form';
import { CancelMeeting } from './cancel-meeting';
import { EditMeetingForm } from './edit-meeting-form';
import { MinutesPanel } from './minutes-panel';

const answers: readonly RsvpAnswer[] = ['yes', 'tentative', 'no'];

async function downloadIcs(id: string) {
  const res = await api.GET('/api/v1/meetings/{id}/ics', { params: { path: { id } }, parseAs: 'text' });
  if (!res.response.ok || typeof res.data !== 'string') return;
  const url = URL.createObjectURL(new Blob([res.data], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `meeting-${id}.ics`;
  a.click();
  URL.revokeObjectURL(url);
}

export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const rsvp = useRsvp(meeting.id);
  const actions = useQuery(meetingActionItemsQueryOptions(meeting.id));
  const markDone = useMarkDone();
  const user = useSignedInUser();
  const [editing, setEditing] = useState(false);
  const geneva = meeting.times.find((z) => z.role === 'geneva');
  const cancelled = meeting.status === 'cancelled';
  const organiser = meeting.can_edit && !cancelled;

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{t(`meetings.kind.${meeting.kind}`)}</Badge>
        <Badge color={meeting.status === 'cancelled' ? 'red' : 'blue'} variant="light" data-testid="meeting-status">
          {t(`meetings.status.${meeting.status}`)}
        </Badge>
        <Text c="dimmed">
          {t('meetings.organisedBy', { name: `${meeting.owner.name} (${meeting.owner.code})` })}
        </Text>
      </Group>
      {cancelled ? (
        <Alert color="red" variant="light" data-testid="meeting-cancelled">
          {t('meetings.cancel.done')}
        </Alert>
      ) : null}
      {organiser && !editing ? (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('meetings.edit.open')}
          </Button>
          <CancelMeeting id={meeting.id} version={meeting.version} title={meeting.title} />
        </Group>
      ) : null}
      {organiser && editing ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('meetings.edit.heading')}
          </Title>
          {/* Keyed by version: after a reload the form starts again from the newer meeting. */}
          <EditMeetingForm key={meeting.version} meeting={meeting} onDone={() => setEditing(false)} />
        </Card>
      ) : null}
      {meeting.description ? <Text>{meeting.description}</Text> : null}

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('meetings.times')}
        </Title>
        <List spacing="xs" data-testid="meeting-times">
          {meeting.times.map((z) => (
            <List.Item key={`${z.role}-${z.delegation?.id ?? ''}-${z.time_zone}`} data-zone={z.time_zone}>
              <Text span fw={600}>
                {z.role === 'capital' && z.delegation
                  ? t('meetings.zone.capital', { name: z.delegation.name })
                  : t(`meetings.zone.${z.role}`)}
                :{' '}
              </Text>
              {formatLocalTimes(z)}
              {geneva && z.role === 'capital' ? (
                <Text span c="dimmed">
                  {' '}
                  {t('meetings.gap', { gap: offsetGap(geneva.utc_offset, z.utc_offset) })}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        <Text mt="xs">
          {[meeting.place, meeting.online_url].filter(Boolean).join(' · ')}
        </Text>
        <Group mt="sm">
          <Button variant="default" onClick={() => void downloadIcs(meeting.id)}>
            {t('meetings.download')}
          </Button>
        </Group>
      </Card>

      {meeting.my_rsvp ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('meetings.yourAnswer')}
          </Title>
          <Text mb="sm" data-testid="my-rsvp">
            {t(`meetings.rsvp.${meeting.my_rsvp}`)}
          </Text>
          <Group>
            {answers.map((a) => (
              <Button
                key={a}
                variant={meeting.my_rsvp === a ? 'filled' : 'default'}
                disabled={meeting.status === 'cancelled'}
                loading={rsvp.isPending && rsvp.variables === a}
                onClick={() => rsvp.mutate(a)}
              >
                {t(`meetings.answer.${a}`)}
              </Button>
            ))}
          </Group>
          {rsvp.isError ? <QueryError error={rsvp.error} /> : null}
        </Card>
      ) : null}

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('meetings.agenda')}
        </Title>
        {meeting.agenda.length === 0 ? (
          <Text c="dimmed">{t('meetings.noAgenda')}</Text>
        ) : (
          <List type="ordered">
            {meeting.agenda.map((a) => (
              <List.Item key={a.position}>
                {a.title}
                {a.topic_code ? ` (${a.topic_code})` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('meetings.invitations')}
        </Title>
        <Table>
          <Table.Tbody>
            {meeting.invitations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.delegation ? `${i.delegation.name} (${i.delegation.code})` : (i.user?.name ?? '')}</Table.Td>
                <Table.Td>{t(`meetings.rsvp.${i.response}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('meetings.minutes')}
        </Title>
        <MinutesPanel
          meetingId={meeting.id}
          canEdit={organiser}
          meetingVisibility={meeting.visibility}
          meetingVersion={meeting.version}
        />
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('meetings.actionItems')}
        </Title>
        {actions.isError ? <QueryError error={actions.error} onRetry={() => void actions.refetch()} /> : null}
        {actions.isPending ? <Text c="dimmed">{t('meetings.loadingActionItems')}</Text> : null}
        {actions.data && actions.data.items.length > 0 ? (
          <Table data-testid="meeting-action-items">
            <Table.Tbody>
              {actions.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.owner.name}</Table.Td>
                  <Table.Td>{formatPlainDate(a.due_on)}</Table.Td>
                  <Table.Td>{t(`meetings.actionStatus.${a.status}`)}</Table.Td>
                  <Table.Td>
                    {/* The owner marks theirs done; the organiser any (the API's rule). */}
                    {a.status === 'open' && (a.owner.id === user.id || meeting.can_edit) ? (
                      <Button size="xs" variant="default" onClick={() => markDone.mutate({ id: a.id, version: a.version })}>
                        {t('meetings.markDone')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : actions.isSuccess ? (
          <Text c="dimmed">{t('meetings.noActionItems')}</Text>
        ) : null}
        {organiser ? (
          <Stack gap="xs" mt="md">
            <Title order={3} size="h5">
              {t('meetings.actionForm.heading')}
            </Title>
            <ActionItemForm meeting={meeting} />
          </Stack>
        ) : null}
      </Card>
    </Stack>
  );
}
