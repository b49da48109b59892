// Whether this tab holds a session, as React state that follows sign-in, refresh failure and sign-out.
import { useSyncExternalStore } from 'react';

import { session } from '@/lib/api-client';

export function useIsSignedIn(): boolean {
  return useSyncExternalStore(session.subscribe, session.isSignedIn, () => false);
}
