// The page of an area of the dashboard that a later release delivers: says so, and shows no fake data.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from './page-title';

export function NotBuiltYet({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <Text>{t('app.notBuilt')}</Text>
    </>
  );
}
