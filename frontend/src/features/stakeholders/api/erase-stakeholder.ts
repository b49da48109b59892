// POST /api/v1/stakeholders/{id}/erasure: removes the stakeholder's personal data, keeps its answers.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { stakeholdersQueryKey } from './get-stakeholders';

export function eraseStakeholder(id: string) {
  return unwrap(api.POST('/api/v1/stakeholders/{id}/erasure', { params: { path: { id } } }));
}

export function useEraseStakeholder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => eraseStakeholder(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stakeholdersQueryKey }),
  });
}
