// The documents delivered for a request (only those the user may read), each linking to the document in
// the library; the assigned analyst attaches one by its id while the work is open (the library's own
// pages upload and find documents).
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { formatInstant } from '@/lib/format-date';
import { problemFrom } from '@/lib/problem';

import { briefingQueryKey } from '../api/keys';
import { briefingKindLabel } from '../lib/briefing-values';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The library's page of a document (built by the documents slice). */
export const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function BriefingDeliverables({ id, canAttach }: { id: string; canAttach: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = [...briefingQueryKey(id), 'deliverables'];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/briefing-requests/{id}/deliverables', { params: { path: { id } }, signal })),
  });
  const attach = useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.POST('/api/v1/briefing-requests/{id}/deliverables', {
          params: { path: { id } },
          body: { document_id: documentId },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const value = documentId.trim();
    if (!UUID.test(value)) {
      setError(t('briefing.deliverables.errors.id'));
      return;
    }
    attach.mutate(value, {
      onSuccess: () => setDocumentId(''),
      onError: (e) => {
        const problem = problemFrom(e);
        setError(problem.errors[0]?.message ?? problem.detail ?? problem.title);
      },
    });
  }

  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm">
      {list.isError ? <Text c="red">{t('briefing.deliverables.failed')}</Text> : null}
      {items.length === 0 && list.isSuccess ? <Text c="dimmed">{t('briefing.deliverables.empty')}</Text> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0 }} data-testid="briefing-deliverables">
        {items.map((d) => (
          <li key={d.document_id}>
            <Anchor href={documentPath(d.document_id)} fw={600}>
              {d.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {briefingKindLabel(t, d.kind)} · {formatInstant(d.created_at)}
            </Text>
          </li>
        ))}
      </Stack>
      {canAttach ? (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('briefing.deliverables.documentId')}
              description={t('briefing.deliverables.documentIdHelp')}
              value={documentId}
              onChange={(e) => setDocumentId(e.currentTarget.value)}
              error={error ?? undefined}
              w={420}
            />
            <Button type="submit" loading={attach.isPending}>
              {t('briefing.deliverables.attach')}
            </Button>
          </Group>
        </form>
      ) : null}
      {attach.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          {t('briefing.deliverables.attached')}
        </Alert>
      ) : null}
    </Stack>
  );
}
