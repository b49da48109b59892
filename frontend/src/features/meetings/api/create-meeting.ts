// POST /api/v1/meetings: schedules a meeting of the caller's delegation (admins: any).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingsQueryKey } from './keys';

export type CreateMeetingInput = ApiRequestBody<'/api/v1/meetings'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot schedule the meeting twice. */
export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateMeetingInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/meetings', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
  });
}
