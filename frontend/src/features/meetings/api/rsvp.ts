// PUT /api/v1/meetings/{id}/rsvp: the caller's answer (for itself, or its invited delegation).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingsQueryKey } from './keys';

export type RsvpAnswer = 'yes' | 'no' | 'tentative';

export function useRsvp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (response: RsvpAnswer) =>
      unwrap(api.PUT('/api/v1/meetings/{id}/rsvp', { params: { path: { id } }, body: { response } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}
