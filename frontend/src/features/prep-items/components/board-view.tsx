// One ministerial's tracker: the filters (kept in the URL), "New prep item" for those who may create one,
// and the board under the filters.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useUrlFilters } from '@/lib/use-url-filters';

import { boardQueryOptions } from '../api/get-board';
import { boardTotal } from '../lib/board';
import { boardParams } from '../lib/prep-filters';

import { BoardFiltersBar } from './board-filters';
import { CreatePrepItemForm } from './create-prep-item-form';
import { PrepBoard } from './prep-board';

/** Delegation members and admins create prep items; analysts support them but own none. */
export function canCreatePrepItems(role: string): boolean {
  return role === 'delegate' || role === 'focal_point' || role === 'admin';
}

export function BoardView({ ministerial, role }: { ministerial: string; role: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, changeFilters] = useUrlFilters(boardParams);
  const board = useQuery(boardQueryOptions(ministerial, filters));
  const [creating, setCreating] = useState(false);

  let body;
  if (board.isPending) body = <PageLoader />;
  else if (board.isError) body = <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  else {
    const total = boardTotal(board.data.columns);
    body = (
      <Stack gap="xs" aria-busy={board.isFetching}>
        <Text size="sm" data-testid="board-total">
          {total === 0 && boardParams.isFiltered(filters)
            ? t('prep.board.emptyFiltered')
            : t('prep.board.total', { count: total })}
        </Text>
        <PrepBoard board={board.data} />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <BoardFiltersBar filters={filters} onChange={changeFilters} />
        {canCreatePrepItems(role) ? <Button onClick={() => setCreating(true)}>{t('prep.form.open')}</Button> : null}
      </Group>
      {body}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('prep.form.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('prep.form.close') }}
      >
        {creating ? (
          <CreatePrepItemForm
            ministerial={ministerial}
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              void navigate(paths.prepItem(created.id));
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
