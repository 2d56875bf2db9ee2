/**
 * The login session. The access token lives only in this module's memory (never localStorage or
 * sessionStorage); the refresh token is the HttpOnly cookie sg_refresh (path /api/auth) that the
 * browser sends with credentials: 'include'. A reload restores the session through that cookie.
 *
 * Refresh tokens work once (a reused one revokes the whole family), so refreshes are single-flight
 * in this tab and serialised across tabs with the Web Locks API where the browser has it.
 */
import { apiUrl } from '@/config/runtime';
import { ApiError, problemFromResponse, toApiError } from './problem';

export type Role = 'admin' | 'operator' | 'viewer';

export interface User {
  username: string;
  displayName: string | null;
  role: Role;
  enabled: boolean;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: User }
  | { status: 'expired' };

interface TokenAnswer {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
}

/** Refresh this many seconds before the access token expires (or at 80% of a short lifetime). */
const REFRESH_MARGIN_SECONDS = 60;

export function refreshDelayMs(expiresInSeconds: number): number {
  const lead = Math.min(REFRESH_MARGIN_SECONDS, expiresInSeconds * 0.2);
  return Math.max(1000, (expiresInSeconds - lead) * 1000);
}

type Listener = (state: SessionState) => void;

export class Session {
  private accessToken: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();
  /** Tells the app's other tabs about a logout (their refresh would fail anyway; now they know at once). */
  private readonly channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('sg-session');

  constructor() {
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent) => {
        if (e.data === 'logout') this.endedElsewhere();
      };
    }
  }

  /** Another tab logged out: this tab's session is over too. */
  endedElsewhere(): void {
    if (this.state.status !== 'authenticated') return;
    this.clearToken();
    this.setState({ status: 'anonymous' });
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getAccessToken(): string | null {
    return this.accessToken;
  }

  /** At start-up: a valid refresh cookie logs the user in again; otherwise the login screen. */
  async restore(): Promise<void> {
    if (this.state.status !== 'loading') return;
    const ok = await this.refresh();
    if (!ok) {
      this.setState({ status: 'anonymous' });
      return;
    }
    try {
      this.setState({ status: 'authenticated', user: await this.fetchMe() });
    } catch {
      this.clearToken();
      this.setState({ status: 'anonymous' });
    }
  }

  async login(username: string, password: string): Promise<User> {
    const res = await fetch(apiUrl('/api/auth/login'), {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    }).catch((e: unknown) => {
      throw toApiError(e);
    });
    if (!res.ok) throw await problemFromResponse(res);
    // The answer also carries the refresh token; it is deliberately dropped: the cookie holds it.
    this.acceptToken((await res.json()) as TokenAnswer);
    const user = await this.fetchMe();
    this.setState({ status: 'authenticated', user });
    return user;
  }

  async logout(): Promise<void> {
    const token = this.accessToken;
    this.clearToken();
    this.channel?.postMessage('logout');
    try {
      await fetch(apiUrl('/api/auth/logout'), {
        method: 'POST',
        credentials: 'include',
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch {
      // The cookie may stay until it expires; the session is gone from this tab either way.
    }
    this.setState({ status: 'anonymous' });
  }

  /** A request was refused with 401: try one refresh; if that fails, the session has expired. */
  async recoverFromUnauthorized(): Promise<boolean> {
    const ok = await this.refresh();
    if (!ok && this.state.status === 'authenticated') this.expire();
    return ok;
  }

  expire(): void {
    this.clearToken();
    this.setState({ status: 'expired' });
  }

  /** The user acknowledged the expiry screen: back to the login form. */
  acknowledgeExpiry(): void {
    if (this.state.status === 'expired') this.setState({ status: 'anonymous' });
  }

  refresh(): Promise<boolean> {
    if (this.inFlight) return this.inFlight;
    const run = () => this.doRefresh();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const p: Promise<boolean> = locks ? (locks.request('sg-auth-refresh', run) as unknown as Promise<boolean>) : run();
    const out = p.finally(() => {
      this.inFlight = null;
    });
    this.inFlight = out;
    return out;
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const res = await fetch(apiUrl('/api/auth/refresh'), {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) return false;
      this.acceptToken((await res.json()) as TokenAnswer);
      return true;
    } catch {
      return false;
    }
  }

  private async fetchMe(): Promise<User> {
    const res = await fetch(apiUrl('/api/auth/me'), {
      headers: { Accept: 'application/json', Authorization: `Bearer ${this.accessToken ?? ''}` },
    });
    if (!res.ok) throw await problemFromResponse(res);
    return (await res.json()) as User;
  }

  private acceptToken(answer: TokenAnswer): void {
    if (!answer || typeof answer.accessToken !== 'string') {
      throw new ApiError({ status: 500, code: 'BAD_TOKEN_ANSWER', detail: 'No access token in the answer' });
    }
    this.accessToken = answer.accessToken;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.refresh().then((ok) => {
        if (!ok && this.state.status === 'authenticated') this.expire();
      });
    }, refreshDelayMs(answer.expiresIn));
  }

  private clearToken(): void {
    this.accessToken = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: SessionState): void {
    this.state = state;
    this.listeners.forEach((l) => l(state));
  }

  /** Tests only: start over. */
  reset(): void {
    this.clearToken();
    this.inFlight = null;
    this.state = { status: 'loading' };
    this.listeners.clear();
  }
}

export const session = new Session();

export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && roles.includes(user.role);
}
