import { ApiError, toProblem } from '@/lib/problem';

import { createSession, REFRESH_TOKEN_KEY, type TokenPair } from './session';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const pair = (n: number, expiresIn = 900): TokenPair => ({
  access_token: `access-${n}`,
  expires_in: expiresIn,
  refresh_token: `refresh-${n}`,
});

function setup(refresh = vi.fn<(token: string) => Promise<TokenPair>>()) {
  const storage = memoryStorage();
  let clock = 1_000_000;
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const session = createSession({
    storage,
    refresh,
    now: () => clock,
    setTimer: (fn, ms) => {
      const timer = { at: clock + ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const advance = (ms: number) => {
    clock += ms;
    timers.filter((t) => !t.cancelled && t.at <= clock).forEach((t) => {
      t.cancelled = true;
      t.fn();
    });
  };
  return { session, storage, refresh, advance };
}

describe('the session token store', () => {
  it('keeps the access token in memory and only the refresh token in sessionStorage', async () => {
    const { session, storage } = setup();
    session.setTokens(pair(1));
    expect(await session.getAccessToken()).toBe('access-1');
    expect([...storage.map.entries()]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
    expect(session.isSignedIn()).toBe(true);
  });

  it('after a reload, gets an access token by spending the stored refresh token', async () => {
    const { session, storage, refresh } = setup();
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-0');
    refresh.mockResolvedValue(pair(1));
    expect(session.isSignedIn()).toBe(true);
    expect(await session.getAccessToken()).toBe('access-1');
    expect(refresh).toHaveBeenCalledWith('refresh-0');
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { session, storage, refresh } = setup();
    storage.setItem(REFRESH_TOKEN_KEY, 'refresh-0');
    let resolve: (value: TokenPair) => void = () => {};
    refresh.mockReturnValue(new Promise((r) => (resolve = r)));
    const calls = [session.getAccessToken(), session.getAccessToken(), session.refresh()];
    resolve(pair(1));
    expect(await Promise.all(calls)).toEqual(['access-1', 'access-1', 'access-1']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stores the rotated refresh token, so the next refresh spends the new one', async () => {
    const { session, refresh } = setup();
    session.setTokens(pair(1));
    refresh.mockResolvedValueOnce(pair(2)).mockResolvedValueOnce(pair(3));
    await session.refresh();
    await session.refresh();
    expect(refresh.mock.calls).toEqual([['refresh-1'], ['refresh-2']]);
  });

  it('does not refresh again for a 401 on a token that was already replaced', async () => {
    const { session, refresh } = setup();
    session.setTokens(pair(1));
    refresh.mockResolvedValue(pair(2));
    await session.refresh('access-1');
    expect(await session.refresh('access-1')).toBe('access-2');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes shortly before the access token expires', async () => {
    const { session, refresh, advance } = setup();
    refresh.mockResolvedValue(pair(2));
    session.setTokens(pair(1, 900));
    advance(839_000);
    expect(refresh).not.toHaveBeenCalled();
    advance(1_000);
    expect(refresh).toHaveBeenCalledWith('refresh-1');
    await vi.waitFor(async () => expect(await session.getAccessToken()).toBe('access-2'));
  });

  it('ends the session when the server refuses the refresh token', async () => {
    const { session, storage, refresh } = setup();
    const listener = vi.fn();
    session.setTokens(pair(1));
    session.subscribe(listener);
    refresh.mockRejectedValue(new ApiError(toProblem({ title: 'Unauthorized', status: 401 }, 401)));
    expect(await session.refresh()).toBeNull();
    expect(session.isSignedIn()).toBe(false);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session when the server cannot be reached', async () => {
    const { session, refresh } = setup();
    session.setTokens(pair(1));
    refresh.mockRejectedValue(new ApiError(toProblem(null, 0)));
    await expect(session.refresh()).rejects.toBeInstanceOf(ApiError);
    expect(session.getRefreshToken()).toBe('refresh-1');
  });

  it('has no token and makes no request when nobody signed in', async () => {
    const { session, refresh } = setup();
    expect(await session.getAccessToken()).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
    expect(session.isSignedIn()).toBe(false);
  });

  it('forgets both tokens on clear', async () => {
    const { session, refresh } = setup();
    session.setTokens(pair(1));
    session.clear();
    expect(session.isSignedIn()).toBe(false);
    expect(await session.getAccessToken()).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});
