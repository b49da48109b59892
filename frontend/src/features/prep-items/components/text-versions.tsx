// The text's versions (number, author, time, length) with a look at any one, and the word-level diff
// of any two.
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { textQueryOptions } from '../api/get-text';
import { textDiffQueryOptions } from '../api/get-text-diff';
import { textsQueryOptions } from '../api/get-texts';

import { TextDiffView } from './text-diff-view';

function VersionBody({ itemId, number }: { itemId: string; number: number }) {
  const version = useQuery(textQueryOptions(itemId, number));
  if (version.isPending) return <PageLoader />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  return (
    <Paper withBorder p="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}>
      {version.data.body}
    </Paper>
  );
}

function Diff({ itemId, from, to }: { itemId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const diff = useQuery(textDiffQueryOptions(itemId, from, to));
  if (diff.isPending) return <PageLoader />;
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  return (
    <section aria-label={t('prep.text.diff.title')}>
      <TextDiffView ops={diff.data.ops} />
    </section>
  );
}

export function TextVersions({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const versions = useQuery(textsQueryOptions(itemId));
  const [shown, setShown] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);

  if (versions.isPending) return <PageLoader />;
  if (versions.isError) return <QueryError error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = versions.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('prep.text.noVersion')}</Text>;

  const numbers = items.map((v) => String(v.number));
  const from = pair.from || numbers.at(-2) || numbers[0] || '';
  const to = pair.to || numbers.at(-1) || '';
  const choices = items.map((v) => ({ value: String(v.number), label: t('prep.text.version', { number: v.number }) }));

  return (
    <Stack gap="md">
      <div style={{ overflowX: 'auto' }}>
        <Table captionSide="top" data-testid="text-versions">
          <Table.Caption style={{ textAlign: 'start' }}>{t('prep.text.versionsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('prep.text.number')}</Table.Th>
              <Table.Th scope="col">{t('prep.text.author')}</Table.Th>
              <Table.Th scope="col">{t('prep.text.at')}</Table.Th>
              <Table.Th scope="col">{t('prep.text.length')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('prep.text.show')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.number}>
                <Table.Td>{v.number}</Table.Td>
                <Table.Td>{v.author_name ?? '—'}</Table.Td>
                <Table.Td>{formatInstant(v.created_at)}</Table.Td>
                <Table.Td>{v.length}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-pressed={shown === v.number}
                    onClick={() => setShown(shown === v.number ? null : v.number)}
                  >
                    {t('prep.text.show')} {t('prep.text.version', { number: v.number })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {shown !== null ? <VersionBody itemId={itemId} number={shown} /> : null}
      {items.length > 1 ? (
        <Stack gap="sm">
          <Title order={4} size="h5">
            {t('prep.text.diff.title')}
          </Title>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('prep.text.diff.from')}
              data={choices}
              value={from}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPair((current) => ({ ...current, from: value }));
              }}
            />
            <NativeSelect
              label={t('prep.text.diff.to')}
              data={choices}
              value={to}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPair((current) => ({ ...current, to: value }));
              }}
            />
            <Button variant="outline" onClick={() => setCompared({ from: Number(from), to: Number(to) })} disabled={from === to}>
              {t('prep.text.diff.compare')}
            </Button>
          </Group>
          {from === to ? (
            <Text size="sm" c="dimmed">
              {t('prep.text.diff.same')}
            </Text>
          ) : null}
          {compared && compared.from !== compared.to ? <Diff itemId={itemId} from={compared.from} to={compared.to} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
