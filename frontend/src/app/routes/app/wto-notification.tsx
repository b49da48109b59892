// /wto-notifications/:id: one notification and the impediments it matches (where a match alert leads).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { wtoNotificationQueryOptions } from '@/features/wto-notifications/api/get-wto-notifications';
import { WtoNotificationDetails } from '@/features/wto-notifications/components/wto-notification-details';

export function WtoNotificationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const one = useQuery(wtoNotificationQueryOptions(id));
  const title = one.data ? `${one.data.symbol} — ${one.data.title}` : t('wto.list.title');
  return (
    <>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <WtoNotificationDetails id={id} />
    </>
  );
}
