// A meeting's minutes: rendered as Markdown for everyone who may read them; for the organiser, an editor
// (Markdown in a textarea, a rendered preview, who may read them, save). The API keeps minutes as one
// text replaced on each save (the audit log keeps what was replaced), guarded by the meeting's version:
// the editor sends the version it started from, so a save over someone else's newer text is refused
// (412) and shown as "changed by someone else"; reloading shows their text and moves the editor to the
// new version, keeping what was typed. Whatever fails, the text typed stays in the editor.
import { Alert, Button, Group, NativeSelect, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Markdown } from '@/components/ui/markdown';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { visibilities, type Visibility } from '@/lib/domain-values';
import { formatInstant } from '@/lib/format-date';
import { problemFrom, problemMessage } from '@/lib/problem';

import { meetingQueryOptions } from '../api/get-meeting';
import { minutesQueryKey, minutesQueryOptions, useSaveMinutes } from '../api/minutes';

const MINUTES_MAX = 100_000;

type Saved = { body: string; visibility: Visibility } | null;

function Editor({
  meetingId,
  saved,
  fallback,
  version,
}: {
  meetingId: string;
  saved: Saved;
  fallback: Visibility;
  version: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveMinutes(meetingId);
  // The meeting's version this text was written from; it moves only with our own save or a reload.
  const [base, setBase] = useState(version);
  const [text, setText] = useState(saved?.body ?? '');
  const [visibility, setVisibility] = useState<Visibility>(saved?.visibility ?? fallback);
  const [message, setMessage] = useState<{ kind: 'saved' | 'conflict' | 'error'; text: string } | null>(null);

  async function submit() {
    if (text.trim() === '') {
      setMessage({ kind: 'error', text: t('meetings.minutesEditor.empty') });
      return;
    }
    setMessage(null);
    try {
      const result = await save.mutateAsync({ body: text, visibility, version: base });
      setBase(result.meeting_version);
      setMessage({ kind: 'saved', text: t('meetings.minutesEditor.saved') });
    } catch (error) {
      const problem = problemFrom(error);
      setMessage(
        problem.status === 412 || problem.status === 428
          ? { kind: 'conflict', text: t('meetings.minutesEditor.conflict') }
          : { kind: 'error', text: problemMessage(problem) },
      );
    }
  }

  return (
    <Stack gap="sm">
      <div role="status" aria-live="polite">
        {message?.kind === 'saved' ? (
          <Alert color="teal" variant="light">
            {message.text}
          </Alert>
        ) : null}
      </div>
      {message?.kind === 'conflict' ? (
        <Alert color="orange" variant="light" role="alert" data-testid="minutes-conflict">
          <Stack gap="xs">
            <Text size="sm">{message.text}</Text>
            <Group>
              <Button
                size="xs"
                variant="outline"
                onClick={() => {
                  setMessage(null);
                  void queryClient.invalidateQueries({ queryKey: minutesQueryKey(meetingId) });
                  void queryClient
                    .fetchQuery({ ...meetingQueryOptions(meetingId), staleTime: 0 })
                    .then((m) => setBase(m.version));
                }}
              >
                {t('meetings.minutesEditor.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {message?.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert" title={t('meetings.minutesEditor.failed')}>
          {message.text}
        </Alert>
      ) : null}
      <Tabs defaultValue="write" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">{t('meetings.minutesEditor.write')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('meetings.minutesEditor.preview')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            label={t('meetings.minutesEditor.label')}
            description={t('meetings.minutesEditor.help')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={30}
            maxLength={MINUTES_MAX}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs" data-testid="minutes-preview">
          {text.trim() ? <Markdown>{text}</Markdown> : <Text c="dimmed">{t('meetings.minutesEditor.nothing')}</Text>}
        </Tabs.Panel>
      </Tabs>
      <Group align="flex-end">
        <NativeSelect
          label={t('meetings.minutesEditor.visibility')}
          data={visibilities.map((v) => ({ value: v, label: t(`meetings.form.visibilities.${v}`) }))}
          value={visibility}
          onChange={(event) => setVisibility(event.currentTarget.value as Visibility)}
        />
        <Button onClick={() => void submit()} loading={save.isPending}>
          {t('meetings.minutesEditor.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function MinutesPanel({
  meetingId,
  canEdit,
  meetingVisibility,
  meetingVersion,
}: {
  meetingId: string;
  canEdit: boolean;
  meetingVisibility: Visibility;
  /** The meeting's version as the page has it: where an editor starts when there are no minutes yet. */
  meetingVersion: number;
}) {
  const { t } = useTranslation();
  const minutes = useQuery(minutesQueryOptions(meetingId));
  const [editing, setEditing] = useState(false);
  if (minutes.isPending) return <PageLoader />;
  if (minutes.isError) return <QueryError error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const data = minutes.data;
  return (
    <Stack gap="sm">
      {data ? (
        <>
          <Markdown testId="minutes-body">{data.body}</Markdown>
          <Text size="xs" c="dimmed">
            {t('meetings.minutesEditor.by', {
              name: data.updated_by_name ?? '—',
              when: formatInstant(data.updated_at),
              visibility: t(`meetings.form.visibilities.${data.visibility}`),
            })}
          </Text>
        </>
      ) : (
        <Text c="dimmed">{t('meetings.noMinutes')}</Text>
      )}
      {canEdit && !editing ? (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {data ? t('meetings.minutesEditor.edit') : t('meetings.minutesEditor.start')}
          </Button>
        </Group>
      ) : null}
      {canEdit && editing ? (
        <Editor
          meetingId={meetingId}
          saved={data ? { body: data.body, visibility: data.visibility } : null}
          fallback={meetingVisibility}
          version={data?.meeting_version ?? meetingVersion}
        />
      ) : null}
    </Stack>
  );
}
