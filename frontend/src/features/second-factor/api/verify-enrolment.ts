// POST /api/v1/me/mfa/verification: a current code activates the factor; the answer carries the
// recovery codes (shown once) and a token pair for a session that passed the second factor.
import { useMutation } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type VerifyEnrolmentInput = ApiRequestBody<'/api/v1/me/mfa/verification'>;

export function verifyEnrolment(body: VerifyEnrolmentInput) {
  return unwrap(api.POST('/api/v1/me/mfa/verification', { body }));
}

export function useVerifyEnrolment() {
  return useMutation({ mutationFn: verifyEnrolment });
}
