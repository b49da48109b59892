// The areas of the dashboard (DESIGN §7), in navigation order, with who may use each: the navigation
// offers a user only the areas their role can use, and lists the areas a later release builds as
// "coming" text rather than links to an empty page. The server still decides every request.
import { paths } from '@/config/paths';
import type { Role } from '@/lib/domain-values';
import type en from '@/locales/en/translation.json';

/** An area's key, which names it in the navigation (`nav.<key>`). */
export type AreaKey = keyof (typeof en)['nav'];

export type NavItem = {
  to: string;
  key: AreaKey;
  /** The roles that may use the area; every role when absent. */
  roles?: readonly Role[];
  /** Built by a later release: shown, not linked. */
  coming?: boolean;
};

/** Who prepares a ministerial: delegation members, the analysts supporting them and admins. */
const preparers: readonly Role[] = ['delegate', 'focal_point', 'analyst', 'admin'];
// issue 11: import-ui
/** Who may import something: a delegation's members and admins its records, analysts (and admins) the
 * WTO's notifications. The form offers each only its kinds (features/imports `importKindsFor`). */
const importers: readonly Role[] = ['delegate', 'focal_point', 'analyst', 'admin'];

export const navItems: readonly NavItem[] = [
  { to: paths.home, key: 'home' },
  { to: paths.topics, key: 'topics' },
  { to: paths.consultations, key: 'consultations' },
  { to: paths.impediments, key: 'impediments' },
  { to: paths.stakeholders, key: 'stakeholders' },
  // issue 10: meetings — every role: anyone may be invited to one.
  { to: paths.meetings, key: 'meetings' },
  // issue 10: briefings — delegations ask, analysts answer, admins oversee; stakeholders have none.
  { to: paths.briefings, key: 'briefings', roles: preparers },
  // issue 10: documents — every signed-in role reads the library (each what its visibility allows).
  { to: paths.library, key: 'library' },
  { to: paths.ministerial, key: 'ministerial', roles: preparers },
  { to: paths.alignment, key: 'alignment', roles: preparers },
  // issue 11: import-ui — files go in as the records they hold, so whoever may create some kind of them
  // (`Operation::ImportRecords`, `Operation::ImportWtoNotifications`); webhooks for every role but
  // stakeholders (`Operation::ManageWebhooks`).
  { to: paths.imports, key: 'imports', roles: importers },
  { to: paths.webhooks, key: 'webhooks', roles: ['delegate', 'focal_point', 'analyst', 'admin'] },
  // issue 11: WTO notifications — those who follow a market's new measures; the page itself (where a
  // match alert leads) opens for every signed-in role, as the API does.
  { to: paths.wtoNotifications, key: 'wtoNotifications', roles: preparers },
  { to: paths.admin, key: 'admin', roles: ['admin'] },
  // issue 10: notifications
  { to: paths.notifications, key: 'notifications' },
  { to: paths.emailOutbox, key: 'emailOutbox', roles: ['admin'] },
];

/** Whether `role` may use the area. */
export function mayUse(item: Pick<NavItem, 'roles'>, role: string): boolean {
  return !item.roles || item.roles.some((r) => r === role);
}

/** The areas the navigation shows to `role`: those it may use, built or coming. */
export function navItemsFor(role: string): readonly NavItem[] {
  return navItems.filter((item) => mayUse(item, role));
}

export function isActivePath(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
