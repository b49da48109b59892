// The areas of the dashboard that later releases build (DESIGN §7): a plain page, no fake data.
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

import { navItems } from '@/components/layouts/nav-items';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export function NotBuiltRoute() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const item = navItems.find((candidate) => candidate.to === pathname);
  return <NotBuiltYet title={item ? t(`nav.${item.key}`) : t('notFound.title')} />;
}
