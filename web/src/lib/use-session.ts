import { useSyncExternalStore } from 'react';
import { session, type SessionState, type User } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

export function useCurrentUser(): User | null {
  const s = useSession();
  return s.status === 'authenticated' ? s.user : null;
}

/** Operators and admins change data; viewers read. The API stays the authority (403). */
export function useCanEdit(): boolean {
  const user = useCurrentUser();
  return user?.role === 'admin' || user?.role === 'operator';
}
