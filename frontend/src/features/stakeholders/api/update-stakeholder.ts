// PATCH /api/v1/stakeholders/{id}: changes a stakeholder, guarded by its version (If-Match).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { stakeholdersQueryKey } from './get-stakeholders';

export type UpdateStakeholderInput = ApiRequestBody<'/api/v1/stakeholders/{id}', 'patch'>;

export function updateStakeholder(id: string, version: number, body: UpdateStakeholderInput) {
  return unwrap(
    api.PATCH('/api/v1/stakeholders/{id}', {
      params: { path: { id }, header: { 'If-Match': `"${String(version)}"` } },
      body,
    }),
  );
}

export function useUpdateStakeholder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateStakeholderInput }) =>
      updateStakeholder(id, version, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stakeholdersQueryKey }),
  });
}
