// The library's full-text search: a search box, then the best matches with their snippets. Each snippet
// part is rendered as text — the matched words in <mark> — never as HTML, so a document's own markup
// cannot run in the page.
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';

import { searchDocumentsQueryOptions } from '../api/search-documents';
import { documentKindLabel } from '../lib/document-labels';
import type { SnippetPart } from '../lib/document-types';

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <Text size="sm" c="dimmed" data-testid="search-snippet">
      {parts.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </Text>
  );
}

export function SearchResults() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const query = useInfiniteQuery(searchDocumentsQueryOptions(q));
  const hits = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <Stack gap="md">
      <form role="search" aria-label={t('documents.search.label')} onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('documents.search.label')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1 }}
            maxLength={200}
          />
          <Button type="submit">{t('documents.search.submit')}</Button>
        </Group>
      </form>
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {q && query.isSuccess && (
        <Text data-testid="search-count" aria-live="polite">
          {t('documents.search.count', { count: total ?? hits.length })}
        </Text>
      )}
      {hits.map((hit) => (
        <Card key={hit.document.id} withBorder padding="md">
          <Title order={3} size="h4">
            <Anchor component={Link} to={paths.document(hit.document.id)}>
              {hit.document.title}
            </Anchor>
          </Title>
          <Text size="xs" c="dimmed">
            {documentKindLabel(t, hit.document.kind)} ·{' '}
            {hit.document.owner ? hit.document.owner.name : t('documents.platformWide')} ·{' '}
            {t('documents.versionN', { number: hit.version_number })}
          </Text>
          <Snippet parts={hit.snippet} />
        </Card>
      ))}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('documents.search.more')}
        </Button>
      )}
    </Stack>
  );
}
