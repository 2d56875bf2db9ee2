/**
 * Runtime configuration, read from /config.json when the app starts, so one build serves every
 * environment (the deployment replaces config.json, never the bundle). Defaults: the API is on the
 * same origin, behind the ingress at /api.
 */
export interface RuntimeConfig {
  /** Prefix for API calls, without a trailing slash; '' means same origin. */
  apiBaseUrl: string;
  /** The dashboard flags a supplier whose last committed import is older than this (hours; default 24). */
  staleAfterHours?: number;
}

export const DEFAULT_STALE_AFTER_HOURS = 24;

const DEFAULTS: RuntimeConfig = { apiBaseUrl: '' };
let current: RuntimeConfig = { ...DEFAULTS };

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  const config = parseApiBase(raw);
  const stale = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).staleAfterHours : undefined;
  if (typeof stale === 'number' && Number.isFinite(stale) && stale > 0) config.staleAfterHours = stale;
  return config;
}

export function staleAfterHours(): number {
  return current.staleAfterHours ?? DEFAULT_STALE_AFTER_HOURS;
}

function parseApiBase(raw: unknown): RuntimeConfig {
  if (raw === null || typeof raw !== 'object') return { ...DEFAULTS };
  const base = (raw as Record<string, unknown>).apiBaseUrl;
  if (typeof base !== 'string') return { ...DEFAULTS };
  const trimmed = base.trim().replace(/\/+$/, '');
  // Only same-origin paths or absolute http(s) URLs; anything else falls back to the default.
  if (trimmed !== '' && !/^https?:\/\//.test(trimmed) && !trimmed.startsWith('/')) return { ...DEFAULTS };
  return { apiBaseUrl: trimmed };
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  try {
    const res = await fetchImpl('/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
    current = res.ok ? parseRuntimeConfig(await res.json()) : { ...DEFAULTS };
  } catch {
    current = { ...DEFAULTS };
  }
  return current;
}

export function setRuntimeConfig(config: RuntimeConfig): void {
  current = { ...config };
}

export function getRuntimeConfig(): RuntimeConfig {
  return current;
}

export function apiUrl(path: string): string {
  return current.apiBaseUrl + path;
}
