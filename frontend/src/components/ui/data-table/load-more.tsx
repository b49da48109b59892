// The foot of a paged list: the error of a next page that failed (with a retry) and the Load more
// button, busy while the next page loads.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { QueryError } from '../query-error';

import type { PagedQuery } from './paged-query';

export function LoadMore({ query, size }: { query: PagedQuery; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <>
      {query.isFetchNextPageError ? (
        <QueryError error={query.error} title={t('list.loadMoreFailed')} onRetry={() => void query.fetchNextPage()} />
      ) : null}
      {query.hasNextPage ? (
        <Group>
          <Button
            variant="outline"
            size={size}
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            aria-busy={query.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
