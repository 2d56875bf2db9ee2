import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDownload, withQuery, type QueryValue } from '@/lib/api-client';

export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_ENCODINGS = ['UTF-8', 'Windows-31J'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];
export const EXPORT_LEVELS = ['product', 'supplier'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/** The columns of each level (export-service ExportLevel), in output order. */
export const LEVEL_COLUMNS: Record<ExportLevel, string[]> = {
  product: ['sku', 'jan', 'productName', 'quantity', 'bestUnitCost', 'suppliers', 'updatedAt'],
  supplier: ['sku', 'jan', 'productName', 'supplierCode', 'supplierActive', 'quantity', 'unitCost', 'discontinued', 'importDate', 'updatedAt'],
};
export const TEMPLATE_FIELDS = [...new Set([...LEVEL_COLUMNS.product, ...LEVEL_COLUMNS.supplier])];

export const isDelimited = (f: ExportFormat) => f === 'csv' || f === 'tsv';

export interface ExportParams {
  level: ExportLevel;
  format: ExportFormat;
  encoding: ExportEncoding;
  header: boolean;
  suppliers: string[];
  skus: string[];
  inStock: boolean;
  /** ISO-8601 with offset, or '' */
  changedSince: string;
}

/** GET /api/export/stock's query: only what applies (encoding and header for CSV/TSV, supplier for level=supplier). */
export function exportQuery(p: ExportParams): Record<string, QueryValue> {
  const delimited = isDelimited(p.format);
  return {
    level: p.level,
    format: p.format,
    encoding: delimited ? p.encoding : undefined,
    header: delimited ? String(p.header) : undefined,
    supplier: p.level === 'supplier' && p.suppliers.length ? p.suppliers.join(',') : undefined,
    sku: p.skus.length ? p.skus.join(',') : undefined,
    inStock: p.inStock ? 'true' : undefined,
    changedSince: p.changedSince || undefined,
  };
}

export const EXPORT_PATH = '/api/export/stock';

export function exportUrl(p: ExportParams): string {
  return withQuery(EXPORT_PATH, exportQuery(p));
}

/** Fetched with the in-memory token as a blob: a plain link cannot carry the Authorization header. */
export function downloadExport(p: ExportParams, signal?: AbortSignal) {
  return apiDownload(EXPORT_PATH, { query: exportQuery(p), signal });
}

export interface TemplateColumn {
  header: string;
  field?: string | null;
  value?: string | null;
}

/** export-service ChannelTemplateView (export-service is adding level, SKU affixes, rounding and a schedule). */
export interface ChannelTemplate {
  level?: string | null;
  skuPrefix?: string | null;
  skuSuffix?: string | null;
  rounding?: { mode: string; unit: number } | null;
  scheduleCron?: string | null;
  code: string;
  name: string;
  format: ExportFormat;
  encoding: ExportEncoding;
  includeHeader: boolean;
  columns: TemplateColumn[];
  createdAt: string | null;
  updatedAt: string | null;
}

/** export-service ChannelTemplateRequest */
export interface ChannelTemplateRequest {
  code: string;
  name: string;
  format: ExportFormat;
  encoding: ExportEncoding;
  includeHeader: boolean;
  columns: TemplateColumn[];
}

const enc = encodeURIComponent;

export function useTemplates() {
  return useQuery({ queryKey: ['templates'], queryFn: ({ signal }) => api<ChannelTemplate[]>('/api/export/templates', { signal }) });
}

export function useTemplate(code: string | undefined) {
  return useQuery({
    queryKey: ['templates', code],
    enabled: !!code,
    queryFn: ({ signal }) => api<ChannelTemplate>(`/api/export/templates/${enc(code ?? '')}`, { signal }),
  });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelTemplateRequest) => api<ChannelTemplate>('/api/export/templates', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['templates'] }),
  });
}

/** PUT /templates/{code}: export-service is adding it; until then the server answers 405. */
export function useUpdateTemplate(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelTemplateRequest) => api<ChannelTemplate>(`/api/export/templates/${enc(code)}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['templates'] }),
  });
}

/** DELETE /templates/{code}: likewise 405 until export-service has it. */
export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>(`/api/export/templates/${enc(code)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['templates'] }),
  });
}

/** Settings this screen does not edit yet, sent back unchanged so that a replace keeps them. */
export function passThrough(t: ChannelTemplate | null): Partial<ChannelTemplate> {
  if (!t) return {};
  const keep: Partial<ChannelTemplate> = {};
  for (const k of ['level', 'skuPrefix', 'skuSuffix', 'rounding', 'scheduleCron'] as const) {
    if (t[k] !== undefined && t[k] !== null) (keep as Record<string, unknown>)[k] = t[k];
  }
  return keep;
}

/** GET /templates/{code}/preview (being added to export-service): the first rows as the file shows them. */
export interface TemplatePreview {
  code: string;
  format: string;
  encoding: string;
  includeHeader: boolean;
  headers: string[];
  rows: (string | null)[][];
}

export function useTemplatePreview(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['templates', code, 'preview'],
    enabled,
    retry: false,
    queryFn: ({ signal }) => api<TemplatePreview>(`/api/export/templates/${enc(code)}/preview`, { query: { rows: 5 }, signal }),
  });
}

/** GET /jobs (export jobs, being added to export-service): the history of export files. */
export interface ExportJob {
  id: number;
  template: string | null;
  level: string | null;
  format: string;
  encoding: string | null;
  requestedBy: string | null;
  trigger: string | null;
  scheduledFor: string | null;
  status: string;
  fileName: string | null;
  rows: number | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: string | null;
  finishedAt: string | null;
  /** Download path under /api/export once the job succeeded. */
  file: string | null;
}

export function useExportJobs() {
  return useQuery({
    queryKey: ['export-jobs'],
    retry: false,
    queryFn: ({ signal }) => api<ExportJob[]>('/api/export/jobs', { query: { limit: 50 }, signal }),
  });
}

export function downloadJobFile(job: ExportJob) {
  return apiDownload(`/api/export/${job.file ?? `jobs/${job.id}/file`}`);
}
