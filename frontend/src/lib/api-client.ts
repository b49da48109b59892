// The app-wide session and the authenticated API client every feature's requests go through.
import createClient from 'openapi-fetch';

import type { paths } from '@/api/schema';
import { baseUrl } from '@/lib/api/base-url';
import { refreshTokens } from '@/lib/auth/api/refresh-tokens';
import { createAuthFetch } from '@/lib/auth/auth-fetch';
import { createSession, type KeyValueStorage } from '@/lib/auth/session';

// Reading `sessionStorage` throws where the browser blocks storage; the session then lasts until reload.
function tabStorage(): KeyValueStorage {
  try {
    if (typeof sessionStorage !== 'undefined') return sessionStorage;
  } catch {
    // fall through to the in-memory stand-in
  }
  const memory = new Map<string, string>();
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  };
}

const storage = tabStorage();

export const session = createSession({ storage, refresh: refreshTokens });

export const api = createClient<paths>({ baseUrl, fetch: createAuthFetch(session) });
