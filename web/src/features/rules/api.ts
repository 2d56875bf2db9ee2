import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** jp.systemgear.ec.rules.MatchDefinition */
export interface MatchDefinition {
  type: string;
  code?: string;
  prefix?: string;
  pattern?: string;
  sku?: string;
  skuTemplate?: string;
}

/** jp.systemgear.ec.rules.TransformDefinition */
export interface TransformDefinition {
  type: string;
  rate?: number;
  percent?: number;
  amount?: number;
  mode?: string;
  unit?: number;
  unitsPerCase?: number;
  value?: number;
  symbols?: Record<string, number>;
}

/** jp.systemgear.ec.rules.RuleDefinition */
export interface RuleDefinition {
  name: string;
  match: MatchDefinition;
  exclude?: boolean;
  transforms?: TransformDefinition[];
}

export interface RuleSetView {
  supplierCode: string;
  version: number;
  rules: RuleDefinition[];
  comment: string | null;
  createdBy: string | null;
  restoredFrom: number | null;
  createdAt: string | null;
}

export interface RuleSetSummary {
  version: number;
  ruleCount: number;
  comment: string | null;
  createdBy: string | null;
  restoredFrom: number | null;
  createdAt: string | null;
}

export interface RuleDiff {
  fromVersion: number;
  toVersion: number;
  added: RuleDefinition[];
  removed: RuleDefinition[];
  changed: { name: string; before: RuleDefinition; after: RuleDefinition }[];
  moved: { name: string; fromPosition: number; toPosition: number }[];
}

/** jp.systemgear.ec.rules.SupplierRow: values as text; stock/cost null = the file has no such column. */
export interface SupplierRow {
  code: string | null;
  jan: string | null;
  name: string | null;
  stock: string | null;
  cost: string | null;
}

export type Outcome = 'MAPPED' | 'EXCLUDED' | 'UNMATCHED' | 'INVALID';

export interface RowResult {
  outcome: Outcome;
  ruleIndex?: number;
  rule?: string;
  sku?: string;
  unitCost?: number;
  quantity?: number;
  reason?: string;
}

export interface RuleTestResult {
  supplierCode: string;
  ruleVersion: number | null;
  results: { line: number; row: SupplierRow; result: RowResult }[];
  mapped: number;
  excluded: number;
  unmatched: number;
  invalid: number;
}

export interface UnmatchedItem {
  supplierItemCode: string;
  jan: string | null;
  occurrences: number;
  runs: number;
  lastSeen: string | null;
}

const enc = encodeURIComponent;
const base = (code: string) => `/api/catalog/suppliers/${enc(code)}/rules`;

export function useRuleSet(code: string) {
  return useQuery({ queryKey: ['rules', code, 'current'], queryFn: ({ signal }) => api<RuleSetView>(base(code), { signal }) });
}

export function useRuleVersions(code: string) {
  return useQuery({
    queryKey: ['rules', code, 'versions'],
    queryFn: ({ signal }) => api<RuleSetSummary[]>(`${base(code)}/versions`, { signal }),
  });
}

export function useRuleDiff(code: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: ['rules', code, 'diff', range],
    enabled: range !== null,
    queryFn: ({ signal }) => api<RuleDiff>(`${base(code)}/diff`, { query: { from: range?.from, to: range?.to }, signal }),
  });
}

export function useUnmatched(code: string) {
  return useQuery({
    queryKey: ['rules', code, 'unmatched'],
    queryFn: ({ signal }) => api<UnmatchedItem[]>(`/api/catalog/suppliers/${enc(code)}/unmatched`, { signal }),
  });
}

export function useSaveRules(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rules: RuleDefinition[]; comment: string | null; baseVersion: number }) =>
      api<RuleSetView>(base(code), { method: 'PUT', body }),
    onSuccess: (v) => {
      qc.setQueryData(['rules', code, 'current'], v);
      return qc.invalidateQueries({ queryKey: ['rules', code, 'versions'] });
    },
  });
}

export function useRestoreRules(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<RuleSetView>(`${base(code)}/versions/${version}/restore`, { method: 'POST' }),
    onSuccess: (v) => {
      qc.setQueryData(['rules', code, 'current'], v);
      return qc.invalidateQueries({ queryKey: ['rules', code, 'versions'] });
    },
  });
}

export function useTestRules(code: string) {
  return useMutation({
    mutationFn: (body: { rules: RuleDefinition[] | null; rows: SupplierRow[] }) =>
      api<RuleTestResult>(`${base(code)}/test`, { method: 'POST', body: body.rules ? body : { rows: body.rows } }),
  });
}
