// POST /api/v1/me/calendar-feed (create or rotate: the URL is shown once) and DELETE (revoke).
import { useMutation } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export function useCreateCalendarFeed() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/calendar-feed', {})) });
}

export function useRevokeCalendarFeed() {
  return useMutation({
    mutationFn: async () => {
      const res = await api.DELETE('/api/v1/me/calendar-feed', {});
      // Nothing to revoke is what the user asked for.
      if (!res.response.ok && res.response.status !== 404) throw new Error(String(res.response.status));
      return null;
    },
  });
}
