// The header's bell: the caller's unread notifications, polled every minute, linking to the list. It
// lives with the layout (shared code may not import a feature), so it makes its one call itself; the
// notifications feature invalidates the same key when something is marked read.
import { ActionIcon, Indicator, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

/** How often the bell asks: notifications arrive within a minute without a push channel. */
export const UNREAD_POLL_MS = 60_000;

export const unreadCountQuery = {
  queryKey: ['notifications', 'unread-count'] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) =>
    unwrap(api.GET('/api/v1/me/notifications/unread-count', { signal })),
  refetchInterval: UNREAD_POLL_MS,
};

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const query = useQuery(unreadCountQuery);
  const unread = query.data?.unread ?? 0;
  const label = t('notifications.bell', { count: unread });

  return (
    <>
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
        <ActionIcon
          component={Link}
          to={paths.notifications}
          variant="subtle"
          size="lg"
          aria-label={label}
          data-testid="notification-bell"
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      {/* Announced politely when the count changes, without moving focus. */}
      <VisuallyHidden aria-live="polite" data-testid="notification-bell-live">
        {query.data ? label : ''}
      </VisuallyHidden>
    </>
  );
}
