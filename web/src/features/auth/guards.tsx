import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Forbidden, Loading } from '@/components/QueryState';
import { hasRole, type Role } from '@/lib/session';
import { useCurrentUser, useSession } from '@/lib/use-session';
import { SessionExpiredPage } from './SessionExpiredPage';

/** Children only for a logged-in user; the expiry screen when the session ran out. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'expired') return <SessionExpiredPage />;
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  if (!hasRole(user, ...roles)) return <Forbidden />;
  return <>{children}</>;
}
