// DELETE /api/v1/me/mfa: turns the caller's second factor off, with the password and a code.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type DisableSecondFactorInput = ApiRequestBody<'/api/v1/me/mfa', 'delete'>;

export function disableSecondFactor(body: DisableSecondFactorInput) {
  return unwrap(api.DELETE('/api/v1/me/mfa', { body }));
}

export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableSecondFactor,
    // What the user may do changes with it (an admin loses the admin rights): reload everything.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
