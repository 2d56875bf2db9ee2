/**
 * import-service (root /api/import): runs, their rows, errors and diff, decisions, uploads (with
 * progress, through XMLHttpRequest) and previews. Shapes follow rest/ImportRunView.java,
 * repository/RunDetailQueries.java and service/PreviewService.java.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDownload, withQuery } from '@/lib/api-client';
import { apiUrl } from '@/config/runtime';
import { ApiError, problemFromResponse, toApiError } from '@/lib/problem';
import { session } from '@/lib/session';
import type { FileProfile } from '@/features/suppliers/api';

export const RUN_STATUSES = [
  'receiving',
  'received',
  'parsing',
  'staged',
  'held',
  'applying',
  'committed',
  'failed',
  'rejected',
  'rolled_back',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number] | 'queued';

/** Statuses after which nothing happens to a run by itself (a person may still decide on staged/held). */
export const FINAL_STATUSES: readonly string[] = ['committed', 'failed', 'rejected', 'rolled_back'];
/**
 * Waiting for a person: a held run, or a staged dry run. A normal run is 'staged' for a moment too, on
 * its way to the guard (RunDecisionService answers 409 "being processed" for it).
 */
export function isWaiting(run: Pick<ImportRunView, 'status' | 'dryRun'>): boolean {
  return run.status === 'held' || (run.status === 'staged' && run.dryRun === true);
}
/** Nothing more happens to the run by itself: finished, or waiting for a person. */
export function isSettled(run: Pick<ImportRunView, 'status' | 'dryRun'>): boolean {
  return FINAL_STATUSES.includes(run.status) || isWaiting(run);
}

export interface ImportRunView {
  id: number;
  supplierCode: string;
  source: string;
  status: string;
  idempotencyKey?: string | null;
  requestedBy?: string | null;
  fileName?: string | null;
  fileSize?: number | null;
  ruleVersion?: number | null;
  rowsTotal: number;
  rowsStaged: number;
  rowsUnmatched?: number;
  rowsExcluded?: number;
  rowsError: number;
  rowsPerSecond?: number | null;
  dryRun?: boolean;
  partial?: boolean;
  /** Catalog creates the products the file names that it does not have yet (diff.productsToCreate, applied.productsCreated). */
  createProducts?: boolean;
  attempts?: number;
  detectedEncoding?: string | null;
  headers?: string[] | null;
  phaseMillis?: Partial<Record<'parse' | 'guard' | 'apply' | string, number>> | null;
  guardReasons?: string[] | null;
  diff?: Partial<Record<string, number>> | null;
  applied?: Record<string, unknown> | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  sourceRef?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  createdAt: string;
  startedAt?: string | null;
  heartbeatAt?: string | null;
  finishedAt: string | null;
}

export interface StagedRow {
  line: number;
  supplierItemCode: string | null;
  jan: string | null;
  rawValues: string[];
  sku: string | null;
  unitCost: number | null;
  quantity: number | null;
}

export interface RowError {
  line: number;
  rawText: string | null;
  reason: string;
}

export const DIFF_KINDS = ['NEW', 'CHANGED', 'UNCHANGED', 'MISSING', 'ZEROED'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];
/** The run's diff counts by kind (the keys of ImportRunView.diff). */
export const DIFF_COUNT_KEY: Record<DiffKind, string> = {
  NEW: 'new',
  CHANGED: 'changed',
  UNCHANGED: 'unchanged',
  MISSING: 'missing',
  ZEROED: 'zeroed',
};

export interface DiffRow {
  kind: DiffKind;
  sku: string;
  currentQuantity: number | null;
  newQuantity: number | null;
  currentUnitCost: number | null;
  newUnitCost: number | null;
}

/** PreviewService.Preview */
export interface PreviewRow {
  line: number;
  code: string | null;
  jan: string | null;
  name: string | null;
  stock: string | null;
  cost: string | null;
  rawText: string | null;
  error: string | null;
}
export interface Preview {
  profileEncoding: string;
  detectedEncoding: string | null;
  encodingMismatch: boolean;
  headers: string[] | null;
  rows: PreviewRow[];
  errors: number;
}

export interface RunFilter {
  supplier?: string | undefined;
  status?: string | undefined;
  limit?: number | undefined;
}

const BASE = '/api/import';
const enc = encodeURIComponent;

export function useRuns(filter: RunFilter, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: ['import-runs', filter],
    queryFn: ({ signal }) =>
      api<ImportRunView[]>(`${BASE}/runs`, {
        query: { supplier: filter.supplier, status: filter.status, limit: filter.limit ?? 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval ?? 30_000,
  });
}

/** One run; asked again every second while it is on its way (not yet waiting or finished). */
export function useRun(id: number | null | undefined) {
  return useQuery({
    queryKey: ['import-run', id],
    enabled: id !== null && id !== undefined && Number.isFinite(id),
    queryFn: ({ signal }) => api<ImportRunView>(`${BASE}/runs/${id}`, { signal }),
    refetchInterval: (q) => (q.state.data && isSettled(q.state.data) ? false : 1000),
  });
}

/** A keyset-paged list of a run: rows and errors by line, the diff by SKU. One page more is asked to know there is a next. */
export function useRunPage<T>(
  id: number,
  what: 'rows' | 'errors' | 'diff',
  after: string | null,
  pageSize: number,
  extra: Record<string, string> = {},
  enabled = true,
) {
  return useQuery({
    queryKey: ['import-run', id, what, extra, after, pageSize],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const list = await api<T[]>(`${BASE}/runs/${id}/${what}`, {
        query: { ...extra, after: after ?? undefined, limit: pageSize + 1 },
        signal,
      });
      return { items: list.slice(0, pageSize), hasNext: list.length > pageSize };
    },
  });
}

export type Decision = 'approve' | 'reject' | 'rollback';

export function useDecide(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => api<ImportRunView>(`${BASE}/runs/${id}/${decision}`, { method: 'POST' }),
    onSuccess: (run) => {
      qc.setQueryData(['import-run', id], run);
      return qc.invalidateQueries({ queryKey: ['import-runs'] });
    },
  });
}

export function downloadErrorReport(id: number) {
  return apiDownload(`${BASE}/runs/${id}/error-report`);
}

/** The reading half of the supplier's file profile, as /preview takes it (ReadProfile). */
export function readProfile(p: FileProfile): Record<string, unknown> {
  return {
    format: p.format ?? null,
    encoding: p.encoding ?? null,
    delimiter: p.delimiter ?? null,
    quote: p.quote ?? null,
    headerRows: p.headerRows ?? null,
    skipRows: p.skipRows ?? null,
    columns: p.columns ?? {},
    sheetName: p.sheetName ?? null,
  };
}

function authHeaders(): Record<string, string> {
  const token = session.getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** POST /preview: the first rows of the file as the profile reads them; nothing is imported. */
export async function previewFile(file: File, profile: FileProfile, rows = 20, retried = false): Promise<Preview> {
  const body = new FormData();
  body.append('file', file, file.name);
  body.append('profile', new Blob([JSON.stringify(readProfile(profile))], { type: 'application/json' }));
  let res: Response;
  try {
    res = await fetch(apiUrl(withQuery(`${BASE}/preview`, { rows })), {
      method: 'POST',
      headers: { Accept: 'application/json', ...authHeaders() },
      body,
    });
  } catch (e) {
    throw toApiError(e);
  }
  if (res.status === 401 && !retried && (await session.recoverFromUnauthorized())) return previewFile(file, profile, rows, true);
  if (!res.ok) throw await problemFromResponse(res);
  return (await res.json()) as Preview;
}

export interface UploadResult {
  run: ImportRunView;
  /** The same file was imported before: this is its run (200 + X-Duplicate-Of). */
  duplicateOf: number | null;
}

export interface UploadOptions {
  dryRun: boolean;
  partial: boolean;
  /** Also create the products the file names that the catalog does not have yet. */
  createProducts?: boolean;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function xhrProblem(xhr: XMLHttpRequest): Promise<ApiError> {
  const headers = new Headers();
  const retry = xhr.getResponseHeader('Retry-After');
  if (retry) headers.set('Retry-After', retry);
  return problemFromResponse(new Response(xhr.responseText || null, { status: xhr.status, statusText: xhr.statusText, headers }));
}

/** POST /suppliers/{code}/files with upload progress (fetch cannot report it; XMLHttpRequest can). */
export function uploadFile(code: string, file: File, options: UploadOptions, retried = false): Promise<UploadResult> {
  const url = apiUrl(withQuery(`${BASE}/suppliers/${enc(code)}/files`, {
    dryRun: options.dryRun || undefined,
    partial: options.partial || undefined,
    createProducts: options.createProducts || undefined,
  }));
  return new Promise<UploadResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = session.getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: 'The upload did not reach the server' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'ABORTED', detail: 'The upload was cancelled' }));
    xhr.onload = () => {
      void (async () => {
        if (xhr.status === 401 && !retried && (await session.recoverFromUnauthorized())) {
          resolve(uploadFile(code, file, options, true));
          return;
        }
        if (xhr.status < 200 || xhr.status >= 300) {
          reject(await xhrProblem(xhr));
          return;
        }
        try {
          const run = JSON.parse(xhr.responseText) as ImportRunView;
          const dup = xhr.getResponseHeader('X-Duplicate-Of');
          options.onProgress?.(file.size, file.size);
          resolve({ run, duplicateOf: dup ? Number(dup) : null });
        } catch (e) {
          reject(toApiError(e));
        }
      })();
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
