// The session's tokens. The access token lives in memory only; the refresh token lives in
// sessionStorage so a reload of the same tab stays signed in (see frontend/README.md for why not
// localStorage). Refreshes happen shortly before the access token expires and once after a 401, and
// concurrent callers share one in-flight refresh: the server rotates refresh tokens and treats a reused
// one as theft, so two parallel refreshes with the same token would sign the user out.
import { ApiError } from '@/lib/problem';

export type TokenPair = {
  access_token: string;
  expires_in: number;
  refresh_token: string;
};

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SessionOptions = {
  storage: KeyValueStorage;
  /** Exchanges a refresh token for a new pair; rejects with an ApiError when the server refuses. */
  refresh: (refreshToken: string) => Promise<TokenPair>;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => () => void;
};

export const REFRESH_TOKEN_KEY = 'gmc.refresh_token';
/** Refresh this long before expiry at most (and 20% of the lifetime at least, for short tokens). */
const MAX_LEAD_MS = 60_000;

const defaultTimer = (callback: () => void, ms: number) => {
  const id = setTimeout(callback, ms);
  return () => clearTimeout(id);
};

export type Session = ReturnType<typeof createSession>;

export function createSession(options: SessionOptions) {
  const { storage, refresh: exchange } = options;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? defaultTimer;

  let access: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string | null> | null = null;
  let cancelTimer: (() => void) | null = null;
  const listeners = new Set<() => void>();

  const notify = () => listeners.forEach((listener) => listener());

  function readRefreshToken(): string | null {
    try {
      return storage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  function setTokens(pair: TokenPair) {
    const lifetimeMs = Math.max(0, pair.expires_in * 1000);
    access = { token: pair.access_token, expiresAt: now() + lifetimeMs };
    storage.setItem(REFRESH_TOKEN_KEY, pair.refresh_token);
    cancelTimer?.();
    const lead = Math.min(MAX_LEAD_MS, lifetimeMs * 0.2);
    cancelTimer = setTimer(() => {
      // A failed background refresh is retried by the next request that needs a token.
      refresh().catch(() => undefined);
    }, lifetimeMs - lead);
    notify();
  }

  function clear() {
    const had = access !== null || readRefreshToken() !== null;
    access = null;
    cancelTimer?.();
    cancelTimer = null;
    try {
      storage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // Storage can be unavailable (privacy modes); there is then nothing to remove.
    }
    if (had) notify();
  }

  /**
   * Gets a new access token. `staleToken` is the token a request was refused with: when another caller
   * has refreshed since, the current token is returned without spending the refresh token again.
   * Resolves to null when the session has ended (no refresh token, or the server refused it); rejects
   * when the server could not be reached, keeping the session for a later try.
   */
  function refresh(staleToken?: string): Promise<string | null> {
    if (inFlight) return inFlight;
    if (staleToken !== undefined && access !== null && access.token !== staleToken) {
      return Promise.resolve(access.token);
    }
    const refreshToken = readRefreshToken();
    if (refreshToken === null) return Promise.resolve(null);
    inFlight = exchange(refreshToken)
      .then(
        (pair) => {
          setTokens(pair);
          return pair.access_token;
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) {
            clear();
            return null;
          }
          throw error;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  /** A usable access token, refreshing first when it is missing (after a reload) or about to expire. */
  async function getAccessToken(): Promise<string | null> {
    if (access !== null && access.expiresAt - now() > 5_000) return access.token;
    return refresh();
  }

  return {
    setTokens,
    clear,
    refresh,
    getAccessToken,
    getRefreshToken: readRefreshToken,
    isSignedIn: () => access !== null || readRefreshToken() !== null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
