// The client for requests made without a session (sign in, token refresh, sign out). It must not go
// through the authenticated fetch, or a refresh would wait on itself.
import createClient from 'openapi-fetch';

import type { paths } from '@/api/schema';

import { baseUrl } from './base-url';

export const publicClient = createClient<paths>({ baseUrl });
