// POST /api/v1/auth/logout: revokes the refresh token's whole family on the server.
import { publicClient } from '@/lib/api/public-client';
import { unwrap } from '@/lib/api/unwrap';

export function logout(refreshToken: string) {
  return unwrap(publicClient.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } }));
}
