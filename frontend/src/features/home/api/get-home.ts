// GET /api/v1/home: what needs the caller today, in one request.
import { queryOptions } from '@tanstack/react-query';

import type { ApiResponse } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { homeKey } from './keys';

export type Home = ApiResponse<'/api/v1/home'>;

export const homeQueryOptions = () =>
  queryOptions({ queryKey: homeKey, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/home', { signal })) });
