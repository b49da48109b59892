import { createAuthFetch } from './auth-fetch';

const url = 'http://localhost/api/v1/watch-items';

function fakeSession(tokens: { current: string | null; next: string | null }) {
  return {
    getAccessToken: vi.fn(async () => tokens.current),
    refresh: vi.fn(async () => {
      tokens.current = tokens.next;
      return tokens.next;
    }),
  };
}

describe('the authenticated fetch', () => {
  it('sends the access token as a bearer token', async () => {
    const session = fakeSession({ current: 'a1', next: 'a2' });
    const base = vi.fn(async (_request: Request) => new Response('{}', { status: 200 }));
    await createAuthFetch(session, base)(new Request(url));
    expect(base.mock.calls[0]?.[0].headers.get('Authorization')).toBe('Bearer a1');
  });

  it('refreshes once on a 401 and retries with the new token and the same body', async () => {
    const session = fakeSession({ current: 'a1', next: 'a2' });
    const base = vi
      .fn<(request: Request) => Promise<Response>>()
      .mockResolvedValueOnce(new Response('', { status: 401 }))
      .mockResolvedValueOnce(new Response('{}', { status: 201 }));
    const request = new Request(url, { method: 'POST', body: JSON.stringify({ note: 'n' }) });
    const response = await createAuthFetch(session, async (r) => {
      await r.clone().text();
      return base(r);
    })(request);
    expect(response.status).toBe(201);
    expect(session.refresh).toHaveBeenCalledWith('a1');
    const retried = base.mock.calls[1]?.[0];
    expect(retried?.headers.get('Authorization')).toBe('Bearer a2');
    expect(await retried?.text()).toBe('{"note":"n"}');
  });

  it('returns the second 401 instead of refreshing in a loop', async () => {
    const session = fakeSession({ current: 'a1', next: 'a2' });
    const base = vi.fn(async (_request: Request) => new Response('', { status: 401 }));
    const response = await createAuthFetch(session, base)(new Request(url));
    expect(response.status).toBe(401);
    expect(base).toHaveBeenCalledTimes(2);
    expect(session.refresh).toHaveBeenCalledTimes(1);
  });

  it('returns the 401 when the session has ended', async () => {
    const session = fakeSession({ current: 'a1', next: null });
    const base = vi.fn(async (_request: Request) => new Response('', { status: 401 }));
    const response = await createAuthFetch(session, base)(new Request(url));
    expect(response.status).toBe(401);
    expect(base).toHaveBeenCalledTimes(1);
  });

  it('sends no Authorization header without a session', async () => {
    const session = fakeSession({ current: null, next: null });
    const base = vi.fn(async (_request: Request) => new Response('', { status: 401 }));
    await createAuthFetch(session, base)(new Request(url));
    expect(base.mock.calls[0]?.[0].headers.has('Authorization')).toBe(false);
    expect(session.refresh).not.toHaveBeenCalled();
  });
});
