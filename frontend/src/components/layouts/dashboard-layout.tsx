// The signed-in frame: skip link, header (who is signed in, security settings, sign out), main
// navigation — only the areas the user's role can use, with the areas a later release builds as text
// marked "coming", not as links to an empty page — and the page.
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { signOut } from '@/lib/auth/sign-in-out';
import { useSignedInUser } from '@/lib/auth/use-user';
import { roleLabel } from '@/lib/labels';

import { isActivePath, navItemsFor } from './nav-items';
// issue 10: notifications
import { NotificationBell } from './notification-bell';

export function DashboardLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  async function handleSignOut() {
    setSigningOut(true);
    await signOut(queryClient);
    navigate(paths.signIn, { replace: true });
  }

  const role = roleLabel(t, user.role);
  const who = user.delegation ? `${role} · ${user.delegation.name}` : role;

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.toggleNavigation')}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Text component={Link} to={paths.home} fw={700} size="lg" c="blue.9" td="none">
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              <Stack gap={0} align="flex-end" visibleFrom="xs" data-testid="current-user">
                <Text size="sm" fw={600}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {who}
                </Text>
              </Stack>
              {/* issue 10: notifications */}
              <NotificationBell />
              <Button component={Link} to={paths.security} variant="subtle" size="sm">
                {t('secondFactor.link')}
              </Button>
              <Button variant="outline" size="sm" onClick={handleSignOut} loading={signingOut}>
                {t('app.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-navigation" component="nav" aria-label={t('app.mainNavigation')}>
          <ScrollArea type="auto">
            {navItemsFor(user.role).map((item) => {
              if (item.coming) {
                return (
                  <Group key={item.key} gap="xs" px="sm" py={8} wrap="nowrap" data-testid="nav-coming">
                    <Text size="sm" c="dimmed">
                      {t(`nav.${item.key}`)}
                    </Text>
                    <Badge size="xs" variant="outline" color="gray">
                      {t('app.coming')}
                    </Badge>
                  </Group>
                );
              }
              const active = isActivePath(pathname, item.to);
              return (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.to}
                  label={t(`nav.${item.key}`)}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={closeNav}
                />
              );
            })}
          </ScrollArea>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1} ref={mainRef} style={{ outline: 'none' }}>
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
