// POST /api/v1/me/notifications/{id}/read and /read-all. Both refresh the list, the bell and the home page.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { homeKey, notificationsKey } from './keys';

export function markRead(id: string) {
  return unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
}

export function markAllRead() {
  return unwrap(api.POST('/api/v1/me/notifications/read-all'));
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: notificationsKey }),
      queryClient.invalidateQueries({ queryKey: homeKey }),
    ]);
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: markRead, onSuccess: refresh });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: markAllRead, onSuccess: refresh });
}
