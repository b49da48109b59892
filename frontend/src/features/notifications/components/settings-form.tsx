// Per kind of notification: in the app on or off, by e-mail on or off.
import { Alert, Button, Checkbox, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { problemFrom, problemMessage } from '@/lib/problem';

import { settingsQueryOptions, usePutSettings, type SettingsBody } from '../api/settings';

type Item = SettingsBody['items'][number];

export function SettingsForm() {
  const { t } = useTranslation();
  const query = useQuery(settingsQueryOptions());
  const mutation = usePutSettings();
  // The user's changes over what the server holds, by kind, until saved.
  const [edits, setEdits] = useState<Partial<Record<Item['kind'], Item>>>({});
  const [saved, setSaved] = useState(false);
  const items = (query.data?.items ?? []).map((item) => edits[item.kind] ?? item);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;

  const toggle = (kind: Item['kind'], key: 'in_app' | 'email', on: boolean) => {
    setSaved(false);
    const current = items.find((item) => item.kind === kind);
    if (current) setEdits((all) => ({ ...all, [kind]: { ...current, [key]: on } }));
  };

  return (
    <Stack gap="sm" maw={720} component="section" aria-labelledby="settings-heading">
      <Title order={2} size="h3" id="settings-heading">
        {t('notifications.following.settingsTitle')}
      </Title>
      <div role="status">{saved ? <Alert color="teal">{t('notifications.following.saved')}</Alert> : null}</div>
      {mutation.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(problemFrom(mutation.error))}
        </Alert>
      ) : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.columns.kind')}</Table.Th>
            <Table.Th>{t('notifications.following.inApp')}</Table.Th>
            <Table.Th>{t('notifications.following.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const label = t(`notifications.kind.${item.kind}`);
            return (
              <Table.Tr key={item.kind}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${label}: ${t('notifications.following.inApp')}`}
                    checked={item.in_app}
                    onChange={(e) => toggle(item.kind, 'in_app', e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${label}: ${t('notifications.following.email')}`}
                    checked={item.email}
                    onChange={(e) => toggle(item.kind, 'email', e.currentTarget.checked)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <div>
        <Button
          loading={mutation.isPending}
          onClick={() => mutation.mutate({ items }, { onSuccess: () => setSaved(true) })}
        >
          {t('notifications.following.saveSettings')}
        </Button>
      </div>
    </Stack>
  );
}
