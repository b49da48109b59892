// POST /api/v1/auth/login: exchanges e-mail and password for a token pair.
import type { ApiRequestBody } from '@/api/types';
import { publicClient } from '@/lib/api/public-client';
import { unwrap } from '@/lib/api/unwrap';

export type LoginInput = ApiRequestBody<'/api/v1/auth/login'>;

export function login(body: LoginInput) {
  return unwrap(publicClient.POST('/api/v1/auth/login', { body }));
}
