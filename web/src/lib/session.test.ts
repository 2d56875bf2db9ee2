import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { api } from './api-client';
import { refreshDelayMs, session } from './session';

describe('session', () => {
  beforeEach(() => resetDb());

  it('logs in, keeps the token in memory only and loads the user', async () => {
    const user = await session.login('operator', 'demo-pass-2026');
    expect(user.role).toBe('operator');
    expect(session.getState()).toEqual({ status: 'authenticated', user });
    expect(session.getAccessToken()).toMatch(/^token-/);
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain(session.getAccessToken());
    expect(stored).not.toContain('not-for-the-spa');
  });

  it('refuses wrong passwords with the API problem', async () => {
    await expect(session.login('admin', 'wrong-password!')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(session.getAccessToken()).toBeNull();
  });

  it('restores a session from the refresh cookie, or stays anonymous', async () => {
    await session.restore();
    expect(session.getState().status).toBe('anonymous');
    session.reset();
    db.refreshCookie = true;
    db.tokens.set('seed', 'viewer');
    await session.restore();
    expect(session.getState()).toMatchObject({ status: 'authenticated', user: { username: 'viewer' } });
  });

  it('refreshes once for concurrent callers (a refresh token works once)', async () => {
    await session.login('admin', 'demo-pass-2026');
    const before = db.calls.refresh;
    const results = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(db.calls.refresh - before).toBe(1);
  });

  it('sends the refresh with credentials and no body', async () => {
    let seen: { credentials: RequestCredentials; body: string } | null = null;
    server.use(
      http.post(`${API}/api/auth/refresh`, async ({ request }) => {
        seen = { credentials: request.credentials, body: await request.text() };
        return problem(401, 'AUTH_TOKEN_INVALID');
      }),
    );
    expect(await session.refresh()).toBe(false);
    expect(seen).toEqual({ credentials: 'include', body: '' });
  });

  it('on 401 refreshes and retries the request once', async () => {
    await session.login('admin', 'demo-pass-2026');
    let calls = 0;
    server.use(
      http.get(`${API}/api/thing`, ({ request }) => {
        calls++;
        return calls === 1 ? problem(401, 'AUTH_TOKEN_INVALID') : HttpResponse.json({ auth: request.headers.get('Authorization') });
      }),
    );
    const answer = await api<{ auth: string }>('/api/thing');
    expect(calls).toBe(2);
    expect(answer.auth).toBe(`Bearer ${session.getAccessToken()}`);
  });

  it('expires the session when the refresh fails after a 401', async () => {
    await session.login('admin', 'demo-pass-2026');
    db.refreshCookie = false;
    server.use(http.get(`${API}/api/thing`, () => problem(401, 'AUTH_TOKEN_INVALID')));
    await expect(api('/api/thing')).rejects.toMatchObject({ status: 401 });
    expect(session.getState().status).toBe('expired');
    expect(session.getAccessToken()).toBeNull();
    session.acknowledgeExpiry();
    expect(session.getState().status).toBe('anonymous');
  });

  it('refreshes shortly before expiry on a timer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      db.expiresIn = 120;
      await session.login('admin', 'demo-pass-2026');
      const first = session.getAccessToken();
      const before = db.calls.refresh;
      await vi.advanceTimersByTimeAsync(refreshDelayMs(120) + 10);
      await vi.waitFor(() => expect(db.calls.refresh).toBe(before + 1));
      await vi.waitFor(() => expect(session.getAccessToken()).not.toBe(first));
    } finally {
      vi.useRealTimers();
    }
  });

  it('schedules refreshes a minute early, or at 80% of short lifetimes', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
    expect(refreshDelayMs(100)).toBe(80_000);
    expect(refreshDelayMs(1)).toBe(1000);
  });

  it('ends when another tab logs out', async () => {
    await session.login('admin', 'demo-pass-2026');
    session.endedElsewhere();
    expect(session.getState().status).toBe('anonymous');
    expect(session.getAccessToken()).toBeNull();
  });

  it('logs out on the server and forgets the token', async () => {
    await session.login('admin', 'demo-pass-2026');
    await session.logout();
    expect(db.calls.logout).toBe(1);
    expect(db.refreshCookie).toBe(false);
    expect(session.getState().status).toBe('anonymous');
    expect(session.getAccessToken()).toBeNull();
  });
});
