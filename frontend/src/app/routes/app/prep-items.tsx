// /prep-items: every prep item the caller may read, across ministerials, as a sortable, counted,
// exportable list — the board's companion for finding and sharing a slice of the preparation.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { PrepItemsList } from '@/features/prep-items/components/prep-items-list';

export function PrepItemsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('prep.list.title')}>{t('prep.list.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('prep.list.intro')}
      </Text>
      <PrepItemsList />
    </>
  );
}
