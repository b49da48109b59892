// The areas of the dashboard (DESIGN §7), in navigation order.
import { paths } from '@/config/paths';

export const navItems = [
  { to: paths.home, key: 'home' },
  { to: paths.topics, key: 'topics' },
  { to: paths.consultations, key: 'consultations' },
  { to: paths.impediments, key: 'impediments' },
  { to: paths.stakeholders, key: 'stakeholders' },
  { to: paths.briefings, key: 'briefings' },
  { to: paths.meetings, key: 'meetings' },
  { to: paths.ministerial, key: 'ministerial' },
  { to: paths.alignment, key: 'alignment' },
  { to: paths.imports, key: 'imports' },
  { to: paths.admin, key: 'admin' },
] as const;

export function isActivePath(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return pathname === to || pathname.startsWith(`${to}/`);
}
