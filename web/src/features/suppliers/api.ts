import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The fields the catalog API has today (GET /api/catalog/suppliers). */
export interface Supplier {
  code: string;
  name: string;
  active: boolean;
  priority: number;
  contactName: string | null;
  contactEmail: string | null;
}

export function useSuppliers() {
  return useQuery({
    queryKey: ['suppliers'],
    queryFn: ({ signal }) => api<Supplier[]>('/api/catalog/suppliers', { signal }),
  });
}
