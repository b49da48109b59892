// POST /api/v1/auth/mfa: answers the sign-in challenge with a TOTP or recovery code for the token pair.
import type { ApiRequestBody } from '@/api/types';
import { publicClient } from '@/lib/api/public-client';
import { unwrap } from '@/lib/api/unwrap';

export type SecondFactorInput = ApiRequestBody<'/api/v1/auth/mfa'>;

export function completeMfaSignIn(body: SecondFactorInput) {
  return unwrap(publicClient.POST('/api/v1/auth/mfa', { body }));
}
