// DELETE /api/v1/users/{id}/mfa (admin): removes a user's second factor (a lost phone); audited.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export function resetSecondFactor(id: string) {
  return unwrap(api.DELETE('/api/v1/users/{id}/mfa', { params: { path: { id } } }));
}

export function useResetSecondFactor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetSecondFactor(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
