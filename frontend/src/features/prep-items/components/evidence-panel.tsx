// The evidence a prep item rests on: each link with what it points at (an impediment's title, status,
// severity, reporting country and partner; a consultation's title and the question's prompt) and the
// note on why it matters, removable by those who may edit the item; below, the two ways to add one.
// Only the links whose target the user may read are listed — the server leaves the rest out unseen.
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';
import { problemFrom, problemMessage } from '@/lib/problem';
import { useNames } from '@/lib/reference';

import { evidenceQueryOptions, useRemoveEvidence } from '../api/evidence';
import { targetFacts } from '../lib/evidence-target';
import { evidenceKindLabel } from '../lib/prep-labels';

import { AddImpedimentEvidence } from './add-impediment-evidence';
import { AddQuestionEvidence } from './add-question-evidence';

type Props = { itemId: string; canEdit: boolean; topics: readonly { id: string; code: string; title: string }[] };

export function EvidencePanel({ itemId, canEdit, topics }: Props) {
  const { t } = useTranslation();
  const evidence = useQuery(evidenceQueryOptions(itemId));
  const remove = useRemoveEvidence(itemId);
  const names = useNames(['country', 'partner']);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function removeLink(linkId: string) {
    setStatus(null);
    try {
      await remove.mutateAsync(linkId);
      setStatus({ ok: true, text: t('prep.evidence.removed') });
    } catch (error) {
      setStatus({ ok: false, text: problemMessage(problemFrom(error)) });
    }
  }

  let list;
  if (evidence.isPending) list = <PageLoader />;
  else if (evidence.isError) list = <QueryError error={evidence.error} onRetry={() => void evidence.refetch()} />;
  else if (evidence.data.items.length === 0) list = <Text c="dimmed">{t('prep.evidence.empty')}</Text>;
  else
    list = (
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="evidence-list">
        {evidence.data.items.map((link) => {
          const impediment = link.target_kind === 'impediment';
          const target = link.target;
          return (
            <Paper key={link.id} withBorder p="sm" component="li" data-kind={link.target_kind}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="xs" c="dimmed" tt="uppercase">
                    {evidenceKindLabel(t, link.target_kind)}
                  </Text>
                  {impediment ? (
                    <Anchor component={Link} to={paths.impediment(link.target_id)} fw={600}>
                      {target.title}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={paths.consultationResults(link.target_id)} fw={600}>
                      {target.title}
                    </Anchor>
                  )}
                  {target.question_prompt ? <Text size="sm">{target.question_prompt}</Text> : null}
                  {impediment ? (
                    <Text size="sm" c="dimmed">
                      {targetFacts(t, target, names).join(' · ')}
                    </Text>
                  ) : null}
                  <Text size="sm">
                    <Text span fw={600}>
                      {t('prep.evidence.note')}:
                    </Text>{' '}
                    {link.note}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {link.created_by_name
                      ? t('prep.evidence.by', { name: link.created_by_name, at: formatInstant(link.created_at) })
                      : formatInstant(link.created_at)}
                  </Text>
                </Stack>
                {canEdit ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void removeLink(link.id)}
                    aria-label={t('prep.evidence.removeLabel', { title: target.title })}
                  >
                    {t('prep.evidence.remove')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('prep.evidence.help')}
      </Text>
      <div role="status" aria-live="polite">
        {status ? (
          <Alert color={status.ok ? 'teal' : 'red'} variant="light">
            {status.text}
          </Alert>
        ) : null}
      </div>
      {list}
      {canEdit ? (
        <Group align="flex-start" grow wrap="wrap">
          <AddImpedimentEvidence itemId={itemId} topics={topics} onAdded={() => setStatus({ ok: true, text: t('prep.evidence.added') })} />
          <AddQuestionEvidence itemId={itemId} onAdded={() => setStatus({ ok: true, text: t('prep.evidence.added') })} />
        </Group>
      ) : null}
    </Stack>
  );
}
