// POST /api/v1/consultations/{id}/status with If-Match: opens, closes, reopens or archives. Opening is
// refused (422, per field) while a language is incomplete or the questionnaire is empty.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { ifMatch, type ConsultationStatus } from '../lib/consultation-values';

import { consultationQueryKey } from './get-consultation';
import { consultationsQueryKey } from './get-consultations';

export function setConsultationStatus(id: string, version: number, status: ConsultationStatus) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/status', {
      params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
      body: { status },
    }),
  );
}

export function useSetConsultationStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, status }: { version: number; status: ConsultationStatus }) =>
      setConsultationStatus(id, version, status),
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: [...consultationsQueryKey, 'list'] });
    },
  });
}
