import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiUrl } from '@/config/runtime';
import { problemFromResponse, toApiError } from '@/lib/problem';

export const SERVICES = ['auth', 'catalog', 'import', 'export'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceStatus {
  service: string;
  version: string;
  status: string;
  checks: { name: string; status: string }[];
}

export interface ImportRun {
  id: number;
  supplierCode: string;
  source: string;
  status: string;
  rowsTotal: number | null;
  rowsStaged: number | null;
  rowsError: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export function useServiceStatus(name: ServiceName) {
  return useQuery({
    queryKey: ['status', name],
    queryFn: ({ signal }) => fetchStatus(name, signal),
    refetchInterval: 30_000,
    retry: false,
  });
}

export function useRecentRuns(limit = 50) {
  return useQuery({
    queryKey: ['import-runs', { limit }],
    queryFn: ({ signal }) => api<ImportRun[]>('/api/import/runs', { query: { limit }, signal }),
    refetchInterval: 30_000,
  });
}

/** GET /api/import/dashboard/last-committed: each supplier's newest committed run, however long ago. */
export interface LastCommittedRun {
  id: number;
  supplierCode: string;
  createdAt: string;
  finishedAt: string | null;
}

export function useLastCommittedRuns() {
  return useQuery({
    queryKey: ['import-runs', 'last-committed'],
    queryFn: ({ signal }) => api<LastCommittedRun[]>('/api/import/dashboard/last-committed', { signal }),
    refetchInterval: 60_000,
  });
}

/** GET /api/import/dashboard/hourly: runs created per hour (UTC) and status, counted over every run. */
export interface HourlyRuns {
  hour: string;
  status: string;
  runs: number;
  rowsStaged: number;
  rowsError: number;
}

export function useHourlyRuns(hours = 24) {
  return useQuery({
    queryKey: ['import-runs', 'hourly', hours],
    queryFn: ({ signal }) => api<HourlyRuns[]>('/api/import/dashboard/hourly', { query: { hours }, signal }),
    refetchInterval: 30_000,
  });
}

/**
 * GET /api/<svc>/status is public and answers 503 with the same body when the service is DOWN, so
 * a 503 with a status body is a result (DOWN and which check failed), not an error.
 */
export async function fetchStatus(name: ServiceName, signal?: AbortSignal): Promise<ServiceStatus> {
  let res: Response;
  try {
    res = await fetch(apiUrl(`/api/${name}/status`), { headers: { Accept: 'application/json' }, signal: signal ?? null });
  } catch (e) {
    throw toApiError(e);
  }
  if (res.ok || res.status === 503) {
    const body = (await res.clone().json().catch(() => null)) as ServiceStatus | null;
    if (body && typeof body.status === 'string') return { ...body, checks: body.checks ?? [] };
  }
  throw await problemFromResponse(res);
}
