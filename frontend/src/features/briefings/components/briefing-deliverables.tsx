// The documents delivered for a request (only those the user may read), each linking to the document in
// the library. While the work is open the assigned analyst uploads a file right here (the main way), or
// attaches a document already in the library, found by its title.
import { Alert, Anchor, Button, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { formatInstant } from '@/lib/format-date';
import { problemFrom } from '@/lib/problem';

import { briefingQueryKey } from '../api/keys';
import { briefingKindLabel } from '../lib/briefing-values';

import { DeliverFileForm, type DeliverFor } from './deliver-file-form';

/** Attaching a document already in the library, picked by its title (the server checks who reads it). */
function AttachExisting({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['documents', 'attach-search', search],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents', { params: { query: { q: search, limit: 20, sort: '-updated_at' } }, signal })),
    enabled: search.trim().length >= 2,
  });
  const attach = useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.POST('/api/v1/briefing-requests/{id}/deliverables', {
          params: { path: { id } },
          body: { document_id: documentId },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData([...briefingQueryKey(id), 'deliverables'], data),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!documentId) {
      setError(t('briefing.deliverables.existing.none'));
      return;
    }
    attach.mutate(documentId, {
      onSuccess: () => setDocumentId(null),
      onError: (e) => {
        const problem = problemFrom(e);
        setError(problem.errors[0]?.message ?? problem.detail ?? problem.title);
      },
    });
  }

  const options = (found.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('briefing.deliverables.existing.heading')}>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('briefing.deliverables.existing.search')}
          description={t('briefing.deliverables.existing.hint')}
          data={options}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={documentId}
          onChange={setDocumentId}
          filter={({ options: o }) => o}
          nothingFoundMessage={search.trim().length >= 2 && found.isSuccess ? t('briefing.deliverables.existing.none') : undefined}
          error={error ?? undefined}
          w={420}
        />
        <Button type="submit" variant="default" loading={attach.isPending}>
          {t('briefing.deliverables.attach')}
        </Button>
      </Group>
      {attach.isSuccess ? (
        <Alert color="teal" variant="light" role="status" mt="xs">
          {t('briefing.deliverables.attached')}
        </Alert>
      ) : null}
    </form>
  );
}

export function BriefingDeliverables({ request, canAttach }: { request: DeliverFor; canAttach: boolean }) {
  const { t } = useTranslation();
  const id = request.id;
  const list = useQuery({
    queryKey: [...briefingQueryKey(id), 'deliverables'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/briefing-requests/{id}/deliverables', { params: { path: { id } }, signal })),
  });

  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm">
      {list.isPending ? <Text c="dimmed">{t('app.loading')}</Text> : null}
      {list.isError ? <Text c="red">{t('briefing.deliverables.failed')}</Text> : null}
      {items.length === 0 && list.isSuccess ? <Text c="dimmed">{t('briefing.deliverables.empty')}</Text> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0 }} data-testid="briefing-deliverables">
        {items.map((d) => (
          <li key={d.document_id}>
            <Anchor component={Link} to={paths.document(d.document_id)} fw={600}>
              {d.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {briefingKindLabel(t, d.kind)} · {formatInstant(d.created_at)}
            </Text>
          </li>
        ))}
      </Stack>
      {canAttach ? (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('briefing.deliverables.upload.heading')}
          </Title>
          <DeliverFileForm request={request} />
          <Divider />
          <Title order={3} size="h5">
            {t('briefing.deliverables.existing.heading')}
          </Title>
          <AttachExisting id={id} />
        </Stack>
      ) : null}
    </Stack>
  );
}
