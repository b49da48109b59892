// One document: what it is, who owns it, its current Markdown text (rendered by the shared Markdown
// component, which never renders HTML from a document), its versions with downloads, and —
// for those who may change it — the upload of a new version.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { Markdown } from '@/components/ui/markdown';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { downloadVersion } from '../api/download-version';
import { documentQueryOptions, documentVersionsQueryOptions } from '../api/get-document';
import { documentKindLabel } from '../lib/document-labels';
import { formatBytes } from '../lib/snippet';

import { UploadVersionForm } from './upload-version-form';

export function DocumentDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const doc = useQuery(documentQueryOptions(id));
  const versions = useQuery(documentVersionsQueryOptions(id));
  if (doc.isPending) return <PageLoader />;
  if (doc.isError) return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  const d = doc.data;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{documentKindLabel(t, d.kind)}</Badge>
        <Badge variant="outline">{t(`visibility.${d.visibility}.label`, { defaultValue: d.visibility })}</Badge>
        <Text size="sm" c="dimmed">
          {d.owner ? `${d.owner.name} (${d.owner.code})` : t('documents.platformWide')}
        </Text>
      </Group>
      {d.summary && <Text>{d.summary}</Text>}
      {d.body_markdown && (
        <Card withBorder>
          <Markdown testId="document-body">{d.body_markdown}</Markdown>
        </Card>
      )}
      <section aria-labelledby="versions-title">
        <Title order={2} size="h3" id="versions-title" mb="sm">
          {t('documents.versions.title')}
        </Title>
        {versions.isError && <QueryError error={versions.error} onRetry={() => void versions.refetch()} />}
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.versions.number')}</Table.Th>
                <Table.Th>{t('documents.versions.file')}</Table.Th>
                <Table.Th>{t('documents.versions.added')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(versions.data?.items ?? []).map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Td>{v.number}</Table.Td>
                  <Table.Td>
                    {v.file_name ? `${v.file_name} (${formatBytes(v.byte_size)})` : t('documents.versions.textOnly')}
                    {v.extraction_warning && (
                      <Text size="xs" c="orange">
                        {t('documents.versions.noText')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatInstant(v.created_at)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() =>
                        void downloadVersion(id, v.number, v.file_name ?? `${d.title}-v${v.number}.md`)
                      }
                    >
                      {t('documents.versions.download')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {d.can_edit && (
        <section aria-labelledby="upload-title">
          <Title order={2} size="h3" id="upload-title" mb="sm">
            {t('documents.upload.title')}
          </Title>
          <UploadVersionForm documentId={id} />
        </section>
      )}
    </Stack>
  );
}
