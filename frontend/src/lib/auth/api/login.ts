// POST /api/v1/auth/login: exchanges e-mail and password for a token pair, or — for an account with a
// second factor — for a challenge to answer with a code at /auth/mfa.
import type { ApiRequestBody, ApiResponse } from '@/api/types';
import { publicClient } from '@/lib/api/public-client';
import { unwrap } from '@/lib/api/unwrap';

export type LoginInput = ApiRequestBody<'/api/v1/auth/login'>;
export type LoginAnswer = ApiResponse<'/api/v1/auth/login', 'post'>;

export function login(body: LoginInput) {
  return unwrap(publicClient.POST('/api/v1/auth/login', { body }));
}
