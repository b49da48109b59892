// The page's one h1, which also sets the document title so each page is named in tabs and history.
import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type PageTitleProps = { children: ReactNode; documentTitle: string };

export function PageTitle({ children, documentTitle }: PageTitleProps) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${documentTitle} · ${appName}`;
  }, [documentTitle, appName]);
  return (
    <Title order={1} mb="md">
      {children}
    </Title>
  );
}
