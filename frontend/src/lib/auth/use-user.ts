// The signed-in user (GET /api/v1/me), shared by the layout, the pages and the role checks.
import { useSuspenseQuery } from '@tanstack/react-query';

import { meQueryOptions } from './api/get-me';

export type { Me } from './api/get-me';

/** For components rendered under the signed-in layout, which loads the user before anything else. */
export function useSignedInUser() {
  return useSuspenseQuery(meQueryOptions()).data;
}
