/**
 * msw handlers: a small in-memory stand-in for the platform's API at the network boundary, with
 * the same shapes (problem+json errors included). Tests override single routes with server.use().
 */
import { http, HttpResponse } from 'msw';
import type { AuditEvent, ClientView, UserView } from '@/features/admin/api';
import type { DiffRow, ImportRunView, Preview, RowError, StagedRow } from '@/features/imports/api';
import type { Supplier, SupplierRequest, SupplierView } from '@/features/suppliers/api';
import type { RuleDefinition, RuleSetView, RuleTestResult, SupplierRow, UnmatchedItem } from '@/features/rules/api';
import type { Availability, StockHistoryEntry } from '@/features/stock/api';
import type { ChannelTemplate, ExportJob, TemplatePreview } from '@/features/exports/api';

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
  runs: ImportRunView[];
  /** import-service stand-in: per run, its staged rows, row errors and diff rows; the preview answer; SSE snapshots. */
  imports: {
    rows: Record<number, StagedRow[]>;
    errors: Record<number, RowError[]>;
    diff: Record<number, DiffRow[]>;
    preview: Preview | null;
    events: unknown[];
    uploads: { url: string; auth: string | null }[];
    previews: { profile: unknown }[];
    decisions: string[];
  };
  suppliers: (Supplier & Partial<SupplierView>)[];
  /** Rule-set versions per supplier, oldest first. */
  ruleSets: Record<string, RuleSetView[]>;
  unmatched: Record<string, UnmatchedItem[]>;
  availability: Availability[];
  history: StockHistoryEntry[];
  templates: ChannelTemplate[];
  /** Whether export-service has PUT/DELETE for templates (it is adding them). */
  templateWrites: boolean;
  /** Export jobs and template previews: null = this export-service has no such API yet (404). */
  exportJobs: ExportJob[] | null;
  previews: Record<string, TemplatePreview> | null;
  /** What the catalog and export stand-ins received, for assertions. */
  seen: { ifMatch: (string | null)[]; supplierBodies: unknown[]; ruleTests: unknown[]; exportUrls: string[]; exportAuth: (string | null)[] };
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
    imports: { rows: {}, errors: {}, diff: {}, preview: null, events: [], uploads: [], previews: [], decisions: [] },
    suppliers: [],
    ruleSets: {},
    unmatched: {},
    availability: [],
    history: [],
    templates: [],
    templateWrites: false,
    exportJobs: null,
    previews: null,
    seen: { ifMatch: [], supplierBodies: [], ruleTests: [], exportUrls: [], exportAuth: [] },
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
    if (r.error) return r.error;
    const url = new URL(request.url);
    const supplier = url.searchParams.get('supplier');
    const status = url.searchParams.get('status');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return HttpResponse.json(db.runs.filter((x) => (!supplier || x.supplierCode === supplier) && (!status || x.status === status)).slice(0, limit));
  }),
  // The dashboard's figures over every run, as import-service counts them.
  http.get(`${API}/api/import/dashboard/last-committed`, ({ request }) => {
    const r = requireRole(request, 'admin', 'operator', 'viewer');
    if (r.error) return r.error;
    const last = new Map<string, (typeof db.runs)[number]>();
    for (const run of db.runs.filter((x) => x.status === 'committed')) {
      const prev = last.get(run.supplierCode);
      const at = (x: (typeof db.runs)[number]) => Date.parse(x.finishedAt ?? x.createdAt);
      if (!prev || at(run) > at(prev)) last.set(run.supplierCode, run);
    }
    return HttpResponse.json([...last.values()].map((x) => ({ id: x.id, supplierCode: x.supplierCode, createdAt: x.createdAt, finishedAt: x.finishedAt })));
  }),
  http.get(`${API}/api/import/dashboard/hourly`, ({ request }) => {
    const r = requireRole(request, 'admin', 'operator', 'viewer');
    if (r.error) return r.error;
    const hours = Number(new URL(request.url).searchParams.get('hours') ?? 24);
    const since = Date.now() - hours * 3600_000;
    const groups = new Map<string, { hour: string; status: string; runs: number; rowsStaged: number; rowsError: number }>();
    for (const run of db.runs.filter((x) => Date.parse(x.createdAt) > since)) {
      const hour = new Date(Math.floor(Date.parse(run.createdAt) / 3600_000) * 3600_000).toISOString();
      const g = groups.get(hour + run.status) ?? { hour, status: run.status, runs: 0, rowsStaged: 0, rowsError: 0 };
      g.runs++;
      g.rowsStaged += run.rowsStaged ?? 0;
      g.rowsError += run.rowsError ?? 0;
      groups.set(hour + run.status, g);
    }
    return HttpResponse.json([...groups.values()]);
  }),
  ...importHandlers(),
  http.get(`${API}/api/catalog/suppliers`, ({ request }) => {
    const r = requireRole(request, 'admin', 'operator', 'viewer');
    return r.error ?? HttpResponse.json(db.suppliers);
  }),
  ...catalogAndExportHandlers(),
];

// ---- catalog-service (suppliers, rules, stock) and export-service stand-ins ----

function supplierView(s: Supplier & Partial<SupplierView>): SupplierView {
  return {
    profile: null,
    source: null,
    scheduleCron: null,
    guard: null,
    missingItemsPolicy: 'KEEP',
    version: 1,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...s,
  };
}

/** A few of SupplierSettings' checks, with its field paths. */
function supplierProblems(b: SupplierRequest): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (!b.profile?.columns?.code) errors.push({ field: 'profile.columns.code', message: 'is required: the supplier item code is what rules match' });
  if (b.scheduleCron && b.scheduleCron.trim().split(/\s+/).length !== 5) errors.push({ field: 'scheduleCron', message: 'must have 5 fields' });
  if (b.source?.type === 'URL' && !b.source.url) errors.push({ field: 'source.url', message: 'is required for a URL source' });
  return errors;
}

function currentRules(code: string): RuleSetView {
  const list = db.ruleSets[code] ?? [];
  return list[list.length - 1] ?? { supplierCode: code, version: 0, rules: [], comment: null, createdBy: null, restoredFrom: null, createdAt: null };
}

function ruleProblems(rules: RuleDefinition[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  rules.forEach((r, i) => {
    if (!r.name) errors.push({ field: `rules[${i}].name`, message: 'is required' });
    if (r.match.type === 'EXACT' && !r.match.code) errors.push({ field: `rules[${i}].match.code`, message: 'is required for an EXACT rule' });
    if (r.match.type === 'EXACT' && !r.exclude && !r.match.sku) errors.push({ field: `rules[${i}].match.sku`, message: 'is required unless the rule excludes' });
    if (r.match.type === 'REGEX' && !r.exclude && !r.match.skuTemplate) errors.push({ field: `rules[${i}].match.skuTemplate`, message: 'is required for a REGEX rule' });
    (r.transforms ?? []).forEach((t, j) => {
      if ((t.type === 'TAX_INCLUDE' || t.type === 'TAX_EXCLUDE') && t.rate !== 8 && t.rate !== 10)
        errors.push({ field: `rules[${i}].transforms[${j}].rate`, message: 'must be 10 (standard) or 8 (reduced) percent' });
    });
  });
  return errors;
}

/** A tiny rule engine: EXACT and PREFIX matches, exclude, PACK and TAX_INCLUDE; enough for the screens. */
function applyRules(rules: RuleDefinition[], row: SupplierRow) {
  const index = rules.findIndex(
    (r) => (r.match.type === 'EXACT' && r.match.code === row.code) || (r.match.type === 'PREFIX' && !!r.match.prefix && !!row.code?.startsWith(r.match.prefix)),
  );
  const rule = rules[index];
  if (!rule) return { outcome: 'UNMATCHED' as const, reason: `no rule matches code '${row.code ?? ''}'` };
  if (rule.exclude) return { outcome: 'EXCLUDED' as const, ruleIndex: index, rule: rule.name };
  let cost = row.cost === null ? undefined : Number(row.cost.replace(/,/g, ''));
  let quantity = row.stock === null ? undefined : ({ '○': 10, '△': 3, '×': 0, '': 0 } as Record<string, number>)[row.stock] ?? Number(row.stock);
  for (const t of rule.transforms ?? []) {
    if (t.type === 'PACK' && t.unitsPerCase) {
      if (quantity !== undefined) quantity *= t.unitsPerCase;
      if (cost !== undefined) cost /= t.unitsPerCase;
    }
    if (t.type === 'TAX_INCLUDE' && t.rate && cost !== undefined) cost = (cost * (100 + t.rate)) / 100;
  }
  const sku = rule.match.type === 'EXACT' ? rule.match.sku : (rule.match.skuTemplate ?? '{code}').replace('{code}', row.code ?? '');
  return { outcome: 'MAPPED' as const, ruleIndex: index, rule: rule.name, sku, unitCost: cost, quantity };
}

function page<T>(items: T[], request: Request, key: (t: T) => string) {
  const url = new URL(request.url);
  const after = url.searchParams.get('after');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const start = after ? items.findIndex((i) => key(i) === after) + 1 : 0;
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length && slice.length ? key(slice[slice.length - 1]!) : null;
  return { items: slice, next };
}

function catalogAndExportHandlers() {
  const C = `${API}/api/catalog`;
  const anyRole = ['admin', 'operator', 'viewer'] as const;
  return [
    http.get(`${C}/suppliers/:code`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const s = db.suppliers.find((x) => x.code === params.code);
      if (!s) return problem(404, 'NOT_FOUND', `Supplier ${String(params.code)} not found`);
      const v = supplierView(s);
      return HttpResponse.json(v, { headers: { ETag: `"${v.version}"` } });
    }),
    http.post(`${C}/suppliers`, async ({ request }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const b = (await request.json()) as SupplierRequest;
      db.seen.supplierBodies.push(b);
      if (db.suppliers.some((x) => x.code === b.code)) return problem(409, 'CONFLICT', `Supplier '${b.code}' exists`);
      const errors = supplierProblems(b);
      if (errors.length) return problem(400, 'VALIDATION_ERROR', 'The supplier settings are invalid', errors);
      const v = supplierView({ ...b, priority: b.priority ?? 100, contactName: b.contactName ?? null, contactEmail: b.contactEmail ?? null, version: 1 } as SupplierView);
      db.suppliers.push(v);
      return HttpResponse.json(v, { status: 201, headers: { ETag: '"1"' } });
    }),
    http.put(`${C}/suppliers/:code`, async ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const s = db.suppliers.find((x) => x.code === params.code);
      if (!s) return problem(404, 'NOT_FOUND');
      const ifMatch = request.headers.get('If-Match');
      db.seen.ifMatch.push(ifMatch);
      const current = supplierView(s);
      if (ifMatch !== `"${current.version}"`)
        return problem(412, 'PRECONDITION_FAILED', `Supplier ${s.code} is at version ${current.version}, not ${ifMatch ?? '-'}; reload it and apply the change again`);
      const b = (await request.json()) as SupplierRequest;
      db.seen.supplierBodies.push(b);
      const errors = supplierProblems(b);
      if (errors.length) return problem(400, 'VALIDATION_ERROR', 'The supplier settings are invalid', errors);
      Object.assign(s, b, { version: current.version + 1, updatedAt: '2026-11-28T01:00:00Z' });
      const v = supplierView(s);
      return HttpResponse.json(v, { headers: { ETag: `"${v.version}"` } });
    }),
    http.get(`${C}/suppliers/:code/rules`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      return r.error ?? HttpResponse.json(currentRules(String(params.code)));
    }),
    http.put(`${C}/suppliers/:code/rules`, async ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const code = String(params.code);
      const b = (await request.json()) as { rules: RuleDefinition[]; comment: string | null; baseVersion: number | null };
      const errors = ruleProblems(b.rules);
      if (errors.length) return problem(422, 'MAPPING_RULE_ERROR', `The mapping rules are invalid: ${errors[0]!.field} ${errors[0]!.message}`, errors);
      const current = currentRules(code);
      if (b.baseVersion !== null && b.baseVersion !== current.version)
        return problem(409, 'CONFLICT', `The rules of ${code} are at version ${current.version}, not ${b.baseVersion}`);
      const v: RuleSetView = { supplierCode: code, version: current.version + 1, rules: b.rules, comment: b.comment, createdBy: r.user.username, restoredFrom: null, createdAt: '2026-11-28T02:00:00Z' };
      (db.ruleSets[code] ??= []).push(v);
      return HttpResponse.json(v, { status: 201 });
    }),
    http.get(`${C}/suppliers/:code/rules/versions`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const list = [...(db.ruleSets[String(params.code)] ?? [])].reverse();
      return HttpResponse.json(list.map(({ rules, supplierCode: _s, ...rest }) => ({ ...rest, ruleCount: rules.length })));
    }),
    http.post(`${C}/suppliers/:code/rules/versions/:version/restore`, ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const code = String(params.code);
      const old = (db.ruleSets[code] ?? []).find((v) => v.version === Number(params.version));
      if (!old) return problem(404, 'NOT_FOUND');
      const v: RuleSetView = { ...old, version: currentRules(code).version + 1, comment: `restored from version ${old.version}`, restoredFrom: old.version, createdBy: r.user.username };
      db.ruleSets[code]!.push(v);
      return HttpResponse.json(v, { status: 201 });
    }),
    http.get(`${C}/suppliers/:code/rules/diff`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const url = new URL(request.url);
      const at = (n: number) => (n === 0 ? [] : ((db.ruleSets[String(params.code)] ?? []).find((v) => v.version === n)?.rules ?? []));
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      const a = at(from);
      const b = at(to);
      return HttpResponse.json({
        fromVersion: from,
        toVersion: to,
        added: b.filter((x) => !a.some((y) => y.name === x.name)),
        removed: a.filter((x) => !b.some((y) => y.name === x.name)),
        changed: b
          .map((x) => ({ name: x.name, before: a.find((y) => y.name === x.name), after: x }))
          .filter((c) => c.before && JSON.stringify(c.before) !== JSON.stringify(c.after)),
        moved: [],
      });
    }),
    http.post(`${C}/suppliers/:code/rules/test`, async ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const code = String(params.code);
      const b = (await request.json()) as { rules?: RuleDefinition[]; rows: SupplierRow[] };
      db.seen.ruleTests.push(b);
      if (b.rules) {
        const errors = ruleProblems(b.rules);
        if (errors.length) return problem(422, 'MAPPING_RULE_ERROR', `The mapping rules are invalid: ${errors[0]!.field} ${errors[0]!.message}`, errors);
      }
      const rules = b.rules ?? currentRules(code).rules;
      const results = b.rows.map((row, i) => ({ line: i + 1, row, result: applyRules(rules, row) }));
      const count = (o: string) => results.filter((x) => x.result.outcome === o).length;
      const body: RuleTestResult = {
        supplierCode: code,
        ruleVersion: b.rules ? null : currentRules(code).version,
        results,
        mapped: count('MAPPED'),
        excluded: count('EXCLUDED'),
        unmatched: count('UNMATCHED'),
        invalid: count('INVALID'),
      };
      return HttpResponse.json(body);
    }),
    http.get(`${C}/suppliers/:code/unmatched`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      return r.error ?? HttpResponse.json(db.unmatched[String(params.code)] ?? []);
    }),
    http.get(`${C}/availability`, ({ request }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const url = new URL(request.url);
      const q = url.searchParams.get('q')?.toLowerCase();
      const sku = url.searchParams.get('sku');
      const jan = url.searchParams.get('jan');
      const supplier = url.searchParams.get('supplier');
      const list = db.availability.filter(
        (a) =>
          (!q || a.sku.toLowerCase().includes(q) || (a.name ?? '').toLowerCase().includes(q)) &&
          (!sku || a.sku === sku) &&
          (!jan || a.jan === jan) &&
          (!supplier || a.suppliers.some((s) => s.supplierCode === supplier)),
      );
      return HttpResponse.json(page(list, request, (a) => a.sku));
    }),
    http.get(`${C}/availability/:sku`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const a = db.availability.find((x) => x.sku === params.sku);
      return a ? HttpResponse.json(a) : problem(404, 'NOT_FOUND', `Product ${String(params.sku)} not found`);
    }),
    http.get(`${C}/products/:sku/stock-history`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const supplier = new URL(request.url).searchParams.get('supplier');
      const list = db.history.filter((h) => h.sku === params.sku && (!supplier || h.supplierCode === supplier)).sort((a, b) => b.id - a.id);
      return HttpResponse.json(page(list, request, (h) => String(h.id)));
    }),
    http.get(`${API}/api/export/templates`, ({ request }) => {
      const r = requireRole(request, ...anyRole);
      return r.error ?? HttpResponse.json(db.templates);
    }),
    http.get(`${API}/api/export/jobs`, ({ request }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      return db.exportJobs ? HttpResponse.json(db.exportJobs) : problem(404, 'NOT_FOUND', 'Resource not found');
    }),
    http.get(`${API}/api/export/jobs/:id/file`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      db.seen.exportUrls.push(request.url);
      return new HttpResponse('sku,quantity\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="job-${String(params.id)}.csv"` } });
    }),
    http.get(`${API}/api/export/templates/:code/preview`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const p = db.previews?.[String(params.code)];
      return p ? HttpResponse.json(p) : problem(404, 'NOT_FOUND', 'Resource not found');
    }),
    http.get(`${API}/api/export/templates/:code`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const t = db.templates.find((x) => x.code === params.code);
      return t ? HttpResponse.json(t) : problem(404, 'NOT_FOUND', `Channel template ${String(params.code)} not found`);
    }),
    http.post(`${API}/api/export/templates`, async ({ request }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const b = (await request.json()) as ChannelTemplate;
      if (db.templates.some((x) => x.code === b.code)) return problem(409, 'CONFLICT', `Template '${b.code}' exists`);
      const t = { ...b, createdAt: '2026-11-28T00:00:00Z', updatedAt: '2026-11-28T00:00:00Z' };
      db.templates.push(t);
      return HttpResponse.json(t, { status: 201 });
    }),
    http.put(`${API}/api/export/templates/:code`, async ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      if (!db.templateWrites) return problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
      const t = db.templates.find((x) => x.code === params.code);
      if (!t) return problem(404, 'NOT_FOUND');
      Object.assign(t, (await request.json()) as ChannelTemplate, { updatedAt: '2026-11-28T03:00:00Z' });
      return HttpResponse.json(t);
    }),
    http.delete(`${API}/api/export/templates/:code`, ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      if (!db.templateWrites) return problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
      db.templates = db.templates.filter((x) => x.code !== params.code);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${API}/api/export/stock`, ({ request }) => {
      const r = requireRole(request, ...anyRole);
      db.seen.exportUrls.push(request.url);
      db.seen.exportAuth.push(request.headers.get('Authorization'));
      if (r.error) return r.error;
      const url = new URL(request.url);
      if (url.searchParams.get('supplier') && url.searchParams.get('level') !== 'supplier')
        return problem(400, 'VALIDATION_ERROR', 'supplier: filtering by supplier needs level=supplier', [{ field: 'supplier', message: 'filtering by supplier needs level=supplier' }]);
      const level = url.searchParams.get('level') ?? 'product';
      const format = url.searchParams.get('format') ?? 'csv';
      return new HttpResponse('sku,jan,productName,quantity\r\nSG-1,4901234567894,ボールペン,10\r\n', {
        headers: { 'Content-Type': 'text/csv; charset=UTF-8; header=present', 'Content-Disposition': `attachment; filename="stock-${level}.${format}"` },
      });
    }),
  ];
}

// ---- import-service stand-in (runs, rows, errors, diff, decisions, upload, preview, events) ----

function importHandlers() {
  const I = `${API}/api/import`;
  const anyRole = ['admin', 'operator', 'viewer'] as const;
  const findRun = (id: unknown) => db.runs.find((x) => x.id === Number(id));
  const byLine = <T extends { line: number }>(list: T[], request: Request) => {
    const url = new URL(request.url);
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return list.filter((x) => x.line > after).slice(0, limit);
  };
  const decide = (to: (run: ImportRunView) => string | null, name: string) =>
    http.post(`${I}/runs/:id/${name}`, ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const run = findRun(params.id);
      if (!run) return problem(404, 'NOT_FOUND', `Import run ${String(params.id)} not found`);
      const next = to(run);
      if (!next) return problem(409, 'CONFLICT', `Run ${run.id} is ${run.status}`);
      db.imports.decisions.push(`${name} ${run.id}`);
      Object.assign(run, { status: next, decidedBy: r.user.username, decidedAt: '2026-11-28T05:00:00Z' });
      return HttpResponse.json(run);
    });
  return [
    http.get(`${I}/runs/events`, ({ request }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const encoder = new TextEncoder();
      const events = db.imports.events;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const e of events) controller.enqueue(encoder.encode(`data:${JSON.stringify(e)}\n\n`));
          // The stream stays open, as the real one does; the test's cleanup aborts the request.
        },
      });
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
    http.get(`${I}/runs/:id`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const run = findRun(params.id);
      return run ? HttpResponse.json(run) : problem(404, 'NOT_FOUND', `Import run ${String(params.id)} not found`);
    }),
    http.get(`${I}/runs/:id/rows`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      return r.error ?? HttpResponse.json(byLine(db.imports.rows[Number(params.id)] ?? [], request));
    }),
    http.get(`${I}/runs/:id/errors`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      return r.error ?? HttpResponse.json(byLine(db.imports.errors[Number(params.id)] ?? [], request));
    }),
    http.get(`${I}/runs/:id/diff`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      const url = new URL(request.url);
      const kind = url.searchParams.get('kind') ?? 'CHANGED';
      const after = url.searchParams.get('after') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const list = (db.imports.diff[Number(params.id)] ?? []).filter((d) => d.kind === kind && d.sku > after).sort((a, b) => (a.sku < b.sku ? -1 : 1));
      return HttpResponse.json(list.slice(0, limit));
    }),
    http.get(`${I}/runs/:id/error-report`, ({ request, params }) => {
      const r = requireRole(request, ...anyRole);
      if (r.error) return r.error;
      return new HttpResponse('code,reason\r\nX,bad\r\n', {
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="run-${String(params.id)}-errors.csv"` },
      });
    }),
    decide((run) => (run.status === 'held' || run.status === 'staged' ? 'committed' : null), 'approve'),
    decide((run) => (run.status === 'held' || run.status === 'staged' ? 'rejected' : null), 'reject'),
    decide((run) => (run.status === 'committed' ? 'rolled_back' : null), 'rollback'),
    http.post(`${I}/preview`, async ({ request }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      const form = await request.formData();
      const profile = form.get('profile');
      const text = profile && typeof profile === 'object' && 'text' in profile ? await profile.text() : String(profile);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // jsdom's Blob does not cross into Node's FormData intact: keep what arrived
      }
      db.imports.previews.push({ profile: parsed });
      return db.imports.preview ? HttpResponse.json(db.imports.preview) : problem(400, 'FILE_UPLOAD_ERROR', 'The file cannot be read');
    }),
    http.post(`${I}/suppliers/:code/files`, ({ request, params }) => {
      const r = requireRole(request, 'admin', 'operator');
      if (r.error) return r.error;
      db.imports.uploads.push({ url: request.url, auth: request.headers.get('Authorization') });
      const url = new URL(request.url);
      const dryRun = url.searchParams.get('dryRun') === 'true';
      const run: ImportRunView = {
        id: 100 + db.runs.length,
        supplierCode: String(params.code),
        source: 'upload',
        status: 'received',
        fileName: 'stock.csv',
        rowsTotal: 0,
        rowsStaged: 0,
        rowsError: 0,
        dryRun,
        partial: url.searchParams.get('partial') === 'true',
        createProducts: url.searchParams.get('createProducts') === 'true',
        createdAt: '2026-11-28T04:00:00Z',
        finishedAt: null,
      };
      db.runs.unshift(run);
      return HttpResponse.json(run, { status: 201, headers: { Location: `runs/${run.id}` } });
    }),
  ];
}
