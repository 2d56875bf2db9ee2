import { useSyncExternalStore } from 'react';
import { session, type SessionState, type User } from './session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

export function useCurrentUser(): User | null {
  const s = useSession();
  return s.status === 'authenticated' ? s.user : null;
}
