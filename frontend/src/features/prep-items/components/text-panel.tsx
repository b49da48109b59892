// The text of a proposal or declaration: the editor (Markdown in a textarea) starting from the current
// version, saved as a new version with the number it started from, so a version someone else saved
// meanwhile is never overwritten: that save is refused (412) and the editor keeps the user's text,
// saying so. Those who may not change it read it rendered as Markdown. Below, the versions and a
// word-level comparison of any two.
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Markdown } from '@/components/ui/markdown';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { problemFrom, problemMessage } from '@/lib/problem';

import { textQueryOptions } from '../api/get-text';
import { prepItemQueryKey } from '../api/keys';
import { useSaveText } from '../api/save-text';
import { saveFailure } from '../lib/text-save';

import { TextVersions } from './text-versions';

const TEXT_MAX = 100_000;

function Editor({ itemId, current, initial, canEdit }: { itemId: string; current: number; initial: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveText(itemId);
  const [text, setText] = useState(initial);
  // The version the text in the editor started from: what the save sends as If-Match.
  const [basedOn, setBasedOn] = useState(current);
  const [message, setMessage] = useState<{ kind: 'saved' | 'conflict' | 'error'; text: string } | null>(null);

  async function submit() {
    if (text.trim() === '') {
      setMessage({ kind: 'error', text: t('prep.text.empty') });
      return;
    }
    setMessage(null);
    try {
      const saved = await save.mutateAsync({ body: text, basedOn });
      setBasedOn(saved.number);
      setMessage({ kind: 'saved', text: t('prep.text.saved', { number: saved.number }) });
    } catch (error) {
      const failure = saveFailure(error);
      setMessage(
        failure.kind === 'conflict'
          ? { kind: 'conflict', text: t('prep.text.conflict') }
          : { kind: 'error', text: problemMessage(problemFrom(error)) },
      );
    }
  }

  // Reloading fetches the newer version's number and list; the editor keeps the user's text, now based
  // on the newest version, so the next save is deliberate.
  async function reload() {
    await queryClient.invalidateQueries({ queryKey: prepItemQueryKey(itemId) });
    const item = queryClient.getQueryData<{ text_number?: number | null }>(prepItemQueryKey(itemId));
    setBasedOn(item?.text_number ?? basedOn);
    setMessage(null);
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
        <Alert color="orange" variant="light" role="alert" data-testid="text-conflict">
          <Stack gap="xs">
            <Text size="sm">{message.text}</Text>
            <Group>
              <Button size="xs" variant="outline" onClick={() => void reload()}>
                {t('prep.text.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {message?.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert" title={t('prep.text.failed')}>
          {message.text}
        </Alert>
      ) : null}
      {canEdit ? (
        <Textarea
          label={t('prep.text.editor')}
          description={t('prep.text.help')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={8}
          maxRows={30}
          maxLength={TEXT_MAX}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ) : (
        // Those who may not change the text read it rendered, with the same Markdown component as
        // minutes and document bodies (never raw HTML).
        <Card withBorder data-testid="text-rendered">
          {text.trim() ? <Markdown>{text}</Markdown> : <Text c="dimmed">{t('prep.text.noVersion')}</Text>}
        </Card>
      )}
      {canEdit ? (
        <Group>
          <Button onClick={() => void submit()} loading={save.isPending}>
            {t('prep.text.save')}
          </Button>
          <Text size="sm" c="dimmed">
            {basedOn > 0 ? t('prep.text.current', { number: basedOn }) : t('prep.text.noVersion')}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}

export function TextPanel({ itemId, textNumber, canEdit }: { itemId: string; textNumber: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const latest = useQuery({ ...textQueryOptions(itemId, textNumber), enabled: textNumber > 0 });

  let editor;
  if (textNumber > 0 && latest.isPending) editor = <PageLoader />;
  else if (textNumber > 0 && latest.isError) editor = <QueryError error={latest.error} onRetry={() => void latest.refetch()} />;
  // Keyed by item: the editor's state starts once, from the version current when the page opened.
  else editor = <Editor key={itemId} itemId={itemId} current={textNumber} initial={latest.data?.body ?? ''} canEdit={canEdit} />;

  return (
    <Stack gap="lg">
      {editor}
      <section aria-labelledby="text-versions-heading">
        <Title order={3} size="h4" id="text-versions-heading" mb="xs">
          {t('prep.text.versions')}
        </Title>
        <TextVersions itemId={itemId} />
      </section>
    </Stack>
  );
}
