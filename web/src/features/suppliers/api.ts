import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiTagged, type Tagged } from '@/lib/api-client';

/** The list fields of GET /api/catalog/suppliers (the full view has more; see SupplierView). */
export interface Supplier {
  code: string;
  name: string;
  active: boolean;
  priority: number;
  contactName: string | null;
  contactEmail: string | null;
}

export const FORMATS = ['CSV', 'TSV', 'FIXED_WIDTH', 'XLSX'] as const;
export type FileFormat = (typeof FORMATS)[number];
export const ENCODINGS = ['UTF-8', 'UTF-8-BOM', 'Windows-31J', 'EUC-JP'] as const;
export const PROFILE_FIELDS = ['code', 'jan', 'name', 'stock', 'cost'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const SOURCE_TYPES = ['UPLOAD', 'DROP_FOLDER', 'URL'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const MISSING_POLICIES = ['KEEP', 'ZERO', 'DISCONTINUE'] as const;
export type MissingItemsPolicy = (typeof MISSING_POLICIES)[number];
export const THOUSANDS_SEPARATORS = [',', '.', ' ', "'", ''] as const;

/** catalog-service ColumnSpec: exactly one of header, position, or startByte+endByte. */
export interface ColumnSpec {
  header?: string | null;
  position?: number | null;
  startByte?: number | null;
  endByte?: number | null;
}

/** catalog-service FileProfile. */
export interface FileProfile {
  format?: string | null;
  encoding?: string | null;
  delimiter?: string | null;
  quote?: string | null;
  headerRows?: number | null;
  skipRows?: number | null;
  columns?: Partial<Record<string, ColumnSpec>> | null;
  decimalSeparator?: string | null;
  thousandsSeparator?: string | null;
  sheetName?: string | null;
  stockSymbols?: Record<string, number> | null;
}

/** catalog-service SourceSettings (secrets by reference only). */
export interface SourceSettings {
  type?: string | null;
  folder?: string | null;
  filePattern?: string | null;
  url?: string | null;
  authHeaderName?: string | null;
  authSecretRef?: string | null;
}

/** catalog-service SanityGuard (percentages are decimals). */
export interface SanityGuard {
  minRows?: number | null;
  maxRowDropPercent?: number | null;
  maxZeroStockPercent?: number | null;
  maxCostChangePercent?: number | null;
}

/** GET /api/catalog/suppliers/{code} (SupplierView). */
export interface SupplierView extends Supplier {
  profile: FileProfile | null;
  source: SourceSettings | null;
  scheduleCron: string | null;
  guard: SanityGuard | null;
  missingItemsPolicy: MissingItemsPolicy | null;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** POST / PUT body (SupplierRequest); PUT sends If-Match instead of version. */
export interface SupplierRequest {
  code: string;
  name: string;
  active: boolean;
  priority?: number | undefined;
  contactName?: string | null;
  contactEmail?: string | null;
  profile: FileProfile;
  source: SourceSettings;
  scheduleCron?: string | null;
  guard: SanityGuard;
  missingItemsPolicy: MissingItemsPolicy;
}

const enc = encodeURIComponent;

export function useSuppliers() {
  return useQuery({
    queryKey: ['suppliers'],
    queryFn: ({ signal }) => api<Supplier[]>('/api/catalog/suppliers', { signal }),
  });
}

export function useSupplier(code: string | undefined) {
  return useQuery({
    queryKey: ['suppliers', code],
    enabled: !!code,
    queryFn: ({ signal }) => apiTagged<SupplierView>(`/api/catalog/suppliers/${enc(code ?? '')}`, { signal }),
  });
}

export function useCreateSupplier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: SupplierRequest) => apiTagged<SupplierView>('/api/catalog/suppliers', { method: 'POST', body: s }),
    onSuccess: (r) => {
      qc.setQueryData(['suppliers', r.data.code], r);
      return qc.invalidateQueries({ queryKey: ['suppliers'], exact: true });
    },
  });
}

/** PUT with If-Match: a stale ETag is 412 PRECONDITION_FAILED (someone else saved meanwhile). */
export function useReplaceSupplier(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: SupplierRequest; etag: string | null }) =>
      apiTagged<SupplierView>(`/api/catalog/suppliers/${enc(code)}`, {
        method: 'PUT',
        body: etag ? body : { ...body, version: undefined },
        headers: etag ? { 'If-Match': etag } : {},
      }),
    onSuccess: (r: Tagged<SupplierView>) => {
      qc.setQueryData(['suppliers', code], r);
      return qc.invalidateQueries({ queryKey: ['suppliers'], exact: true });
    },
  });
}
