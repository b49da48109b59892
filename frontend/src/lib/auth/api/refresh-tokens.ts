// POST /api/v1/auth/refresh: exchanges (and spends) a refresh token for a new token pair.
import { publicClient } from '@/lib/api/public-client';
import { unwrap } from '@/lib/api/unwrap';

export function refreshTokens(refreshToken: string) {
  return unwrap(publicClient.POST('/api/v1/auth/refresh', { body: { refresh_token: refreshToken } }));
}
