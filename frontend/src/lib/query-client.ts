// TanStack Query defaults: no retries for what the client sent wrong, a short retry for the rest.
import { QueryClient } from '@tanstack/react-query';

import { ApiError } from '@/lib/problem';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) {
            return false;
          }
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
