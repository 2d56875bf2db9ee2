/**
 * msw handlers: a small in-memory stand-in for the platform's API at the network boundary, with
 * the same shapes (problem+json errors included). Tests override single routes with server.use().
 */
import { http, HttpResponse } from 'msw';
import type { AuditEvent, ClientView, UserView } from '@/features/admin/api';
import type { ImportRun } from '@/features/dashboard/api';
import type { Supplier } from '@/features/suppliers/api';

export const API = 'http://localhost';
export const DEMO_PASSWORD = 'demo-pass-2026';

export function problem(status: number, code: string, detail?: string, errors?: { field: string; message: string }[]) {
  return HttpResponse.json(
    { type: 'about:blank', title: code, status, code, detail, errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

interface Db {
  users: UserView[];
  clients: ClientView[];
  audit: AuditEvent[];
  runs: ImportRun[];
  suppliers: Supplier[];
  /** Whether the browser holds a valid refresh cookie. */
  refreshCookie: boolean;
  tokens: Map<string, string>;
  calls: { refresh: number; logout: number };
  expiresIn: number;
}

function user(username: string, role: UserView['role']): UserView {
  return { username, displayName: `${username} さん`, role, enabled: true, createdAt: '2026-11-01T00:00:00Z', passwordChangedAt: null };
}

export function freshDb(): Db {
  return {
    users: [user('admin', 'admin'), user('operator', 'operator'), user('viewer', 'viewer')],
    clients: [],
    audit: Array.from({ length: 60 }, (_, i) => ({
      id: 60 - i,
      occurredAt: new Date(Date.UTC(2026, 10, 28, 0, 0, 60 - i)).toISOString(),
      type: i % 2 ? 'login.failed' : 'login.succeeded',
      actor: 'admin',
      subject: 'admin',
      clientAddress: '127.0.0.1',
      details: i % 2 ? { reason: 'bad_password' } : null,
    })),
    runs: [],
    suppliers: [],
    refreshCookie: false,
    tokens: new Map(),
    calls: { refresh: 0, logout: 0 },
    expiresIn: 900,
  };
}

export let db = freshDb();
export function resetDb(): void {
  db = freshDb();
}

let counter = 0;
function issue(username: string) {
  const token = `token-${++counter}`;
  db.tokens.set(token, username);
  db.refreshCookie = true;
  return { accessToken: token, tokenType: 'Bearer', expiresIn: db.expiresIn, refreshToken: 'not-for-the-spa' };
}

function caller(request: Request): UserView | undefined {
  const auth = request.headers.get('Authorization') ?? '';
  const name = db.tokens.get(auth.replace(/^Bearer /, ''));
  return db.users.find((u) => u.username === name);
}

function requireRole(request: Request, ...roles: UserView['role'][]) {
  const u = caller(request);
  if (!u) return { error: problem(401, 'AUTH_TOKEN_INVALID', 'Missing or invalid token') };
  if (!roles.includes(u.role)) return { error: problem(403, 'FORBIDDEN', 'Not allowed') };
  return { user: u };
}

export const handlers = [
  http.post(`${API}/api/auth/login`, async ({ request }) => {
    const body = (await request.json()) as { username: string; password: string };
    const u = db.users.find((x) => x.username === body.username && x.enabled);
    if (!u || body.password !== DEMO_PASSWORD) return problem(401, 'INVALID_CREDENTIALS', 'Invalid user name or password');
    return HttpResponse.json(issue(u.username));
  }),
  http.post(`${API}/api/auth/refresh`, () => {
    db.calls.refresh++;
    if (!db.refreshCookie) return problem(401, 'AUTH_TOKEN_INVALID', 'No refresh token');
    const last = [...db.tokens.values()].pop() ?? 'admin';
    return HttpResponse.json(issue(last));
  }),
  http.post(`${API}/api/auth/logout`, () => {
    db.calls.logout++;
    db.refreshCookie = false;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/api/auth/me`, ({ request }) => {
    const u = caller(request);
    if (!u) return problem(401, 'AUTH_TOKEN_INVALID');
    return HttpResponse.json({ username: u.username, displayName: u.displayName, role: u.role, enabled: u.enabled });
  }),
  http.get(`${API}/api/auth/users`, ({ request }) => {
    const r = requireRole(request, 'admin');
    return r.error ?? HttpResponse.json(db.users);
  }),
  http.get(`${API}/api/auth/users/:username`, ({ request, params }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const u = db.users.find((x) => x.username === params.username);
    return u ? HttpResponse.json(u) : problem(404, 'NOT_FOUND', 'No such user');
  }),
  http.post(`${API}/api/auth/users`, async ({ request }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const b = (await request.json()) as { username: string; displayName: string; role: UserView['role']; password: string };
    if (db.users.some((u) => u.username === b.username)) return problem(409, 'CONFLICT', `User '${b.username}' exists`);
    const u: UserView = { ...user(b.username, b.role), displayName: b.displayName || null };
    db.users.push(u);
    return HttpResponse.json(u, { status: 201 });
  }),
  http.patch(`${API}/api/auth/users/:username`, async ({ request, params }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const u = db.users.find((x) => x.username === params.username);
    if (!u) return problem(404, 'NOT_FOUND');
    Object.assign(u, (await request.json()) as Partial<UserView>);
    return HttpResponse.json(u);
  }),
  http.post(`${API}/api/auth/users/:username/password`, async ({ request }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/api/auth/clients`, ({ request }) => {
    const r = requireRole(request, 'admin');
    return r.error ?? HttpResponse.json(db.clients);
  }),
  http.post(`${API}/api/auth/clients`, async ({ request }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const b = (await request.json()) as { clientId: string; name: string; scopes: string[] };
    const c: ClientView = { ...b, enabled: true, createdAt: '2026-11-28T00:00:00Z', secretRotatedAt: null, lastUsedAt: null };
    db.clients.push(c);
    return HttpResponse.json({ ...c, clientSecret: `secret-of-${b.clientId}` }, { status: 201 });
  }),
  http.post(`${API}/api/auth/clients/:id/secret`, ({ request, params }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const c = db.clients.find((x) => x.clientId === params.id);
    if (!c) return problem(404, 'NOT_FOUND');
    c.secretRotatedAt = '2026-11-28T01:00:00Z';
    return HttpResponse.json({ ...c, clientSecret: `rotated-${c.clientId}` });
  }),
  http.delete(`${API}/api/auth/clients/:id`, ({ request, params }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const c = db.clients.find((x) => x.clientId === params.id);
    if (c) c.enabled = false;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get(`${API}/api/auth/audit`, ({ request }) => {
    const r = requireRole(request, 'admin');
    if (r.error) return r.error;
    const url = new URL(request.url);
    const before = Number(url.searchParams.get('before') ?? Infinity);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const type = url.searchParams.get('type');
    const list = db.audit.filter((e) => e.id < before && (!type || e.type === type)).slice(0, limit);
    return HttpResponse.json(list);
  }),
  http.get(`${API}/api/:svc/status`, ({ params }) =>
    HttpResponse.json({ service: `${String(params.svc)}-service`, version: '0.1.0', status: 'UP', checks: [{ name: 'Database', status: 'UP' }] }),
  ),
  http.get(`${API}/api/import/runs`, ({ request }) => {
    const r = requireRole(request, 'admin', 'operator', 'viewer');
    return r.error ?? HttpResponse.json(db.runs);
  }),
  http.get(`${API}/api/catalog/suppliers`, ({ request }) => {
    const r = requireRole(request, 'admin', 'operator', 'viewer');
    return r.error ?? HttpResponse.json(db.suppliers);
  }),
];
