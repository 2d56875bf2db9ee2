import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** One supplier's part of a product's availability (AvailabilityView.Supplier). */
export interface SupplierAvailability {
  supplierCode: string;
  supplierName: string;
  active: boolean;
  priority: number;
  quantity: number;
  unitCost: number | null;
  discontinued: boolean;
  runId: number;
  importDate: string | null;
  updatedAt: string | null;
}

/** GET /api/catalog/availability[/{sku}] (AvailabilityView). */
export interface Availability {
  sku: string;
  jan: string | null;
  name: string | null;
  totalQuantity: number;
  bestUnitCost: number | null;
  bestSupplierCode: string | null;
  updatedAt: string | null;
  suppliers: SupplierAvailability[];
}

/** GET /api/catalog/products/{sku}/stock-history (StockHistoryView), newest first. */
export interface StockHistoryEntry {
  id: number;
  sku: string;
  supplierCode: string;
  runId: number;
  importDate: string | null;
  changeKind: string;
  oldQuantity: number | null;
  newQuantity: number | null;
  oldUnitCost: number | null;
  newUnitCost: number | null;
  oldDiscontinued: boolean | null;
  newDiscontinued: boolean | null;
  /** The run and import date that had set the values before (for a row's first change: the run that created it). */
  oldRunId?: number | null;
  oldImportDate?: string | null;
  changedAt: string;
}

export type SearchBy = 'q' | 'sku' | 'jan';
export interface StockSearch {
  by: SearchBy;
  text: string;
  supplier: string;
}

export const PAGE_SIZE = 50;
const enc = encodeURIComponent;

export function useAvailabilitySearch(search: StockSearch | null) {
  return useInfiniteQuery({
    queryKey: ['availability', search],
    enabled: search !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<Availability>>('/api/catalog/availability', {
        query: { [search?.by ?? 'q']: search?.text.trim(), supplier: search?.supplier, after: pageParam, limit: PAGE_SIZE },
        signal,
      }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useAvailability(sku: string) {
  return useQuery({
    queryKey: ['availability', 'sku', sku],
    queryFn: ({ signal }) => api<Availability>(`/api/catalog/availability/${enc(sku)}`, { signal }),
  });
}

export function useStockHistory(sku: string, supplier: string) {
  return useInfiniteQuery({
    queryKey: ['stock-history', sku, supplier],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<StockHistoryEntry>>(`/api/catalog/products/${enc(sku)}/stock-history`, {
        query: { supplier, after: pageParam, limit: 200 },
        signal,
      }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
