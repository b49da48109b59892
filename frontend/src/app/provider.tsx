// App-wide providers: Mantine (theme), TanStack Query, and clearing cached data when a session ends.
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { session } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';

import { cssVariablesResolver, theme } from './theme';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // A session can end without the user signing out (the refresh token was refused): drop whatever the
  // previous user's requests cached, so nothing of theirs is shown to the next one.
  useEffect(
    () =>
      session.subscribe(() => {
        if (!session.isSignedIn()) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
