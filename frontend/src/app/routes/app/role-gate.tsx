// A route some roles cannot use: for them, a page that says so ("Not available for your role", and which
// role it needs) instead of a page whose every request the API would refuse.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { mayUse, navItems, type AreaKey } from '@/components/layouts/nav-items';
import { NotAvailable } from '@/components/ui/not-available';
import { useSignedInUser } from '@/lib/auth/use-user';
import { roleLabel } from '@/lib/labels';

export function RoleGate({ area, children }: { area: AreaKey; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const item = navItems.find((candidate) => candidate.key === area);
  if (!item?.roles || mayUse(item, user.role)) return children;
  const roles = item.roles.map((role) => roleLabel(t, role)).join(t('app.or'));
  return <NotAvailable area={t(`nav.${area}`)} reason={t('app.notAvailable', { roles })} />;
}
