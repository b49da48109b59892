// Query keys of the caller's notifications: marking read invalidates the list, the count and the home page.
export const notificationsKey = ['notifications'] as const;
/** The header bell (`components/layouts/notification-bell.tsx`) uses the same literal. */
export const unreadCountKey = ['notifications', 'unread-count'] as const;
export const followsKey = ['me', 'follows'] as const;
export const notificationSettingsKey = ['me', 'notification-settings'] as const;
export const outboxKey = ['admin', 'email-outbox'] as const;
/** The home page's key (`features/home` uses the same literal; features may not import each other). */
export const homeKey = ['home'] as const;
