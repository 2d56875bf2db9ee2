import { useEffect, useState } from 'react';
import { streamEvents } from '@/lib/event-stream';
import { useSession } from '@/lib/use-session';

/** RunEvents.RunProgressView */
export interface RunProgress {
  id: number;
  supplierCode: string;
  status: string;
  dryRun: boolean;
  rowsTotal: number;
  rowsStaged: number;
  rowsError: number;
  rowsPerSecond: number | null;
  errorCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunSnapshot {
  at: string;
  runs: RunProgress[];
}

export type LiveState =
  | { status: 'connecting'; snapshot: RunSnapshot | null }
  | { status: 'live'; snapshot: RunSnapshot | null }
  | { status: 'reconnecting'; snapshot: RunSnapshot | null; error: unknown };

/** GET /api/import/runs/events: a snapshot a second, read with the bearer token; reconnects on its own. */
export function useRunEvents(retryMs = 3000): LiveState {
  const session = useSession();
  const authenticated = session.status === 'authenticated';
  const [state, setState] = useState<LiveState>({ status: 'connecting', snapshot: null });
  useEffect(() => {
    if (!authenticated) return;
    const abort = new AbortController();
    void streamEvents(
      '/api/import/runs/events',
      {
        onOpen: () => setState((s) => ({ status: 'live', snapshot: s.snapshot })),
        onData: (data) => {
          try {
            const snapshot = JSON.parse(data) as RunSnapshot;
            if (snapshot && Array.isArray(snapshot.runs)) setState({ status: 'live', snapshot });
          } catch {
            // not a snapshot: ignore it
          }
        },
        onError: (error) => setState((s) => ({ status: 'reconnecting', snapshot: s.snapshot, error })),
      },
      abort.signal,
      retryMs,
    );
    return () => abort.abort();
  }, [authenticated, retryMs]);
  return state;
}
