// The fetch the authenticated API client uses: adds the bearer token and, on a 401, refreshes once and
// retries once. A second 401 is returned as it is, so a refused token never loops.
import type { Session } from './session';

export function createAuthFetch(
  session: Pick<Session, 'getAccessToken' | 'refresh'>,
  baseFetch: (request: Request) => Promise<Response> = (request) => fetch(request),
) {
  return async function authFetch(request: Request): Promise<Response> {
    // The body of a sent request is spent; keep a copy for the retry.
    const retry = request.clone();
    const token = await session.getAccessToken();
    if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
    const response = await baseFetch(request);
    if (response.status !== 401 || token === null) return response;

    const fresh = await session.refresh(token);
    if (fresh === null) return response;
    retry.headers.set('Authorization', `Bearer ${fresh}`);
    return baseFetch(retry);
  };
}
