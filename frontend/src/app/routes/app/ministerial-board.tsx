// /ministerial/:code: the tracker for one ministerial conference — the choice of conference, then the
// board with its filters and "New prep item", and a link to the same conference's items as a list.
import { Anchor, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { ministerialsQueryOptions } from '@/features/prep-items/api/get-ministerials';
import { BoardView } from '@/features/prep-items/components/board-view';
import { ministerialFromPath } from '@/features/prep-items/lib/prep-filters';
import { prepListParams } from '@/features/prep-items/lib/prep-list-filters';
import { useSignedInUser } from '@/lib/auth/use-user';

export function MinisterialBoardRoute() {
  const { t } = useTranslation();
  const { code: raw } = useParams();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const ministerials = useQuery(ministerialsQueryOptions());
  const code = ministerialFromPath(raw);
  const known = ministerials.data?.items.find((m) => m.code === code);

  if (!code || (ministerials.isSuccess && !known)) {
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={t('prep.board.notFound')}>{t('prep.board.notFound')}</PageTitle>
        <Anchor component={Link} to={paths.ministerial}>
          {t('nav.ministerial')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageTitle documentTitle={`${code} — ${t('prep.board.documentTitle')}`}>
          {t('prep.board.title', { ministerial: code })}
        </PageTitle>
        <NativeSelect
          label={t('prep.board.chooseMinisterial')}
          value={code}
          onChange={(event) => void navigate(paths.ministerialBoard(event.currentTarget.value))}
          data={(ministerials.data?.items ?? [{ code, name: code }]).map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` }))}
        />
      </Group>
      <Text c="dimmed">{known ? `${known.name}. ${t('prep.board.intro')}` : t('prep.board.intro')}</Text>
      <Anchor component={Link} to={`${paths.prepItems}?${prepListParams.serialize({ ministerial: code }).toString()}`}>
        {t('prep.list.boardLink')}
      </Anchor>
      <BoardView ministerial={code} role={user.role} />
    </Stack>
  );
}
