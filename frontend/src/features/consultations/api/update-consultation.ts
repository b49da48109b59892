// PATCH /api/v1/consultations/{id} with If-Match: changes a consultation (the questionnaire only while
// it is a draft). A 412 means someone else saved first; the page asks the user to reload.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { ifMatch } from '../lib/consultation-values';

import { consultationQueryKey } from './get-consultation';
import { consultationsQueryKey } from './get-consultations';

export type UpdateConsultationInput = ApiRequestBody<'/api/v1/consultations/{id}', 'patch'>;

export function updateConsultation(id: string, version: number, body: UpdateConsultationInput) {
  return unwrap(
    api.PATCH('/api/v1/consultations/{id}', {
      params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
      body,
    }),
  );
}

export function useUpdateConsultation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: UpdateConsultationInput }) =>
      updateConsultation(id, version, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: [...consultationsQueryKey, 'list'] });
    },
  });
}
