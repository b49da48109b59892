// The account's security settings: the second factor (two-step sign-in).
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { SecuritySettings } from '@/features/second-factor/components/security-settings';

export function SecurityRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('secondFactor.pageTitle')}>{t('secondFactor.pageTitle')}</PageTitle>
      <SecuritySettings />
    </>
  );
}
