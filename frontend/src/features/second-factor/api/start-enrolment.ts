// POST /api/v1/me/mfa/enrolment: a new secret and its otpauth:// URI, pending until verified.
import { useMutation } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export function startEnrolment() {
  return unwrap(api.POST('/api/v1/me/mfa/enrolment'));
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: startEnrolment });
}
