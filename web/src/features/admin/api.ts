import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Role } from '@/lib/session';

export const ROLES: Role[] = ['admin', 'operator', 'viewer'];
export const SCOPES = ['import:trigger', 'export:read'] as const;
export type Scope = (typeof SCOPES)[number];

export interface UserView {
  username: string;
  displayName: string | null;
  role: Role;
  enabled: boolean;
  createdAt: string | null;
  passwordChangedAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserChange {
  displayName: string;
  role: Role;
  enabled: boolean;
}

export interface ClientView {
  clientId: string;
  name: string;
  scopes: string[];
  enabled: boolean;
  createdAt: string | null;
  secretRotatedAt: string | null;
  lastUsedAt: string | null;
  /** Only in the answer to create and rotate: shown once. */
  clientSecret?: string;
}

export interface NewClient {
  clientId: string;
  name: string;
  scopes: Scope[];
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  type: string;
  actor: string | null;
  subject: string | null;
  clientAddress: string | null;
  details: Record<string, unknown> | null;
}

const enc = encodeURIComponent;

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: ({ signal }) => api<UserView[]>('/api/auth/users', { signal }) });
}

export function useUser(username: string) {
  return useQuery({
    queryKey: ['users', username],
    queryFn: ({ signal }) => api<UserView>(`/api/auth/users/${enc(username)}`, { signal }),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: NewUser) => api<UserView>('/api/auth/users', { method: 'POST', body: u }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(username: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange) =>
      api<UserView>(`/api/auth/users/${enc(username)}`, { method: 'PATCH', body: change }),
    onSuccess: (u) => {
      qc.setQueryData(['users', username], u);
      return qc.invalidateQueries({ queryKey: ['users'], exact: true });
    },
  });
}

export function useResetPassword(username: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      api<void>(`/api/auth/users/${enc(username)}/password`, { method: 'POST', body: { newPassword } }),
  });
}

export function useClients() {
  return useQuery({ queryKey: ['clients'], queryFn: ({ signal }) => api<ClientView[]>('/api/auth/clients', { signal }) });
}

export function useCreateClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: NewClient) => api<ClientView>('/api/auth/clients', { method: 'POST', body: c }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['clients'] }),
  });
}

export function useRotateSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => api<ClientView>(`/api/auth/clients/${enc(clientId)}/secret`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['clients'] }),
  });
}

export function useRevokeClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => api<void>(`/api/auth/clients/${enc(clientId)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['clients'] }),
  });
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  type: string;
  subject: string;
  actor: string;
}

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<AuditEvent[]>('/api/auth/audit', {
        query: { type: filter.type, subject: filter.subject, actor: filter.actor, before: pageParam, limit: AUDIT_PAGE_SIZE },
        signal,
      }),
    // Keyset paging: the next page is everything older than the last id seen.
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1]?.id),
  });
}
