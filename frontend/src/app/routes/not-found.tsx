// A client route that does not exist.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <Text mb="sm">{t('notFound.body')}</Text>
      <Anchor component={Link} to={paths.home}>
        {t('notFound.home')}
      </Anchor>
    </>
  );
}
