// What a page the user's role cannot use shows instead of an error: says so, plainly.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from './page-title';

export function NotAvailable({ area, reason }: { area: string; reason: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={area}>{area}</PageTitle>
      <Alert color="gray" variant="light" title={t('app.notAvailableTitle')} data-testid="not-available">
        {reason}
      </Alert>
    </>
  );
}
