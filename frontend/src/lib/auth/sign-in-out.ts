// Signing in and out: the token requests plus what the session and the query cache must do around them.
import type { QueryClient } from '@tanstack/react-query';

import { session } from '@/lib/api-client';

import { login, type LoginInput } from './api/login';
import { logout } from './api/logout';

export async function signIn(queryClient: QueryClient, input: LoginInput) {
  const pair = await login(input);
  // Whatever an earlier user left in the cache must not be shown to this one.
  queryClient.clear();
  session.setTokens(pair);
}

/** Revokes the refresh token on the server when it can, and always forgets the session locally. */
export async function signOut(queryClient: QueryClient) {
  const refreshToken = session.getRefreshToken();
  try {
    if (refreshToken !== null) await logout(refreshToken);
  } catch {
    // The server may be unreachable; the local session ends anyway and the token expires on its own.
  } finally {
    session.clear();
    queryClient.clear();
  }
}
