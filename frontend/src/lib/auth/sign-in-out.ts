// Signing in and out: the token requests plus what the session and the query cache must do around them.
import type { QueryClient } from '@tanstack/react-query';

import { session } from '@/lib/api-client';
import type { TokenPair } from '@/lib/auth/session';

import { completeMfaSignIn } from './api/complete-mfa-sign-in';
import { meQueryKey } from './api/get-me';
import { login, type LoginInput } from './api/login';
import { logout } from './api/logout';

/** Signed in, or the password was right and the account's second factor is asked for next. */
export type SignInResult = { kind: 'signed-in' } | { kind: 'second-factor'; mfaToken: string };

function start(queryClient: QueryClient, pair: TokenPair) {
  // Whatever an earlier user left in the cache must not be shown to this one.
  queryClient.clear();
  session.setTokens(pair);
}

export async function signIn(queryClient: QueryClient, input: LoginInput): Promise<SignInResult> {
  const answer = await login(input);
  if ('mfa_token' in answer) return { kind: 'second-factor', mfaToken: answer.mfa_token };
  start(queryClient, answer);
  return { kind: 'signed-in' };
}

/** The second step of a sign-in: the challenge from `signIn` and a TOTP or recovery code. */
export async function signInWithCode(queryClient: QueryClient, mfaToken: string, code: string) {
  start(queryClient, await completeMfaSignIn({ mfa_token: mfaToken, code }));
}

/**
 * Replaces the session with one that passed the second factor (after enrolling), keeping the cache but
 * reloading who the user is, since what they may do changes with it.
 */
export async function upgradeSession(queryClient: QueryClient, pair: TokenPair) {
  session.setTokens(pair);
  await queryClient.invalidateQueries();
  await queryClient.refetchQueries({ queryKey: meQueryKey });
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
