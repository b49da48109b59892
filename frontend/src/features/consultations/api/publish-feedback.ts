// PUT /api/v1/consultations/{id}/feedback with If-Match: publishes (or replaces) the "you said, we did"
// note of a closed consultation. 409 while it is a draft or open; 412 when someone else saved first.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { ifMatch } from '../lib/consultation-values';

import { consultationQueryKey } from './get-consultation';
import { consultationsQueryKey } from './get-consultations';

export type FeedbackTexts = ApiRequestBody<'/api/v1/consultations/{id}/feedback', 'put'>['texts'];

export function publishFeedback(id: string, version: number, texts: FeedbackTexts) {
  return unwrap(
    api.PUT('/api/v1/consultations/{id}/feedback', {
      params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
      body: { texts },
    }),
  );
}

export function usePublishFeedback(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, texts }: { version: number; texts: FeedbackTexts }) => publishFeedback(id, version, texts),
    onSuccess: (updated) => {
      queryClient.setQueryData(consultationQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: [...consultationsQueryKey, 'list'] });
    },
  });
}
