/**
 * fetch wrapper for the platform's API: JSON in and out, the in-memory bearer token, one silent
 * refresh and retry on 401, and every failure as an ApiError parsed from problem+json.
 */
import { apiUrl } from '@/config/runtime';
import { problemFromResponse, toApiError } from './problem';
import { session } from './session';

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Extra request headers (If-Match, Accept for downloads). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The raw response of a successful call (2xx/3xx); failures throw ApiError. */
async function send(path: string, options: RequestOptions, accept: string, retried = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...options.headers };
  const token = session.getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(withQuery(path, options.query)), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    throw toApiError(e);
  }
  if (res.status === 401 && !retried && (await session.recoverFromUnauthorized())) {
    return send(path, options, accept, true);
  }
  if (!res.ok) throw await problemFromResponse(res);
  return res;
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return json<T>(await send(path, options, 'application/json'));
}

/** A versioned resource: the body and its ETag (for If-Match on the next write). */
export interface Tagged<T> {
  data: T;
  etag: string | null;
}

export async function apiTagged<T>(path: string, options: RequestOptions = {}): Promise<Tagged<T>> {
  const res = await send(path, options, 'application/json');
  return { etag: res.headers.get('ETag'), data: await json<T>(res) };
}

/** A file from the API, fetched with the in-memory token (never a token in the URL). */
export interface Download {
  blob: Blob;
  filename: string | null;
  headers: Headers;
}

export async function apiDownload(path: string, options: RequestOptions = {}, accept = '*/*'): Promise<Download> {
  const res = await send(path, options, accept);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : null, headers: res.headers };
}
