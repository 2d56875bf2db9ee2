/** The dashboard's figures, computed from runs (pure functions, tested on their own). */
import type { ImportRunView } from '@/features/imports/api';

export interface SupplierFreshness {
  code: string;
  name: string;
  lastRunId: number | null;
  lastAt: string | null;
  ageHours: number | null;
  stale: boolean;
}

const HOUR = 3600_000;

/** Per supplier the last committed import and its age; stale when older than the threshold or never. */
export function freshness(
  suppliers: { code: string; name: string; active?: boolean }[],
  committed: Pick<ImportRunView, 'id' | 'supplierCode' | 'finishedAt' | 'createdAt'>[],
  now: number,
  staleAfterHours: number,
): SupplierFreshness[] {
  const last = new Map<string, { id: number; at: string }>();
  for (const r of committed) {
    const at = r.finishedAt ?? r.createdAt;
    const prev = last.get(r.supplierCode);
    if (!prev || Date.parse(at) > Date.parse(prev.at)) last.set(r.supplierCode, { id: r.id, at });
  }
  return suppliers
    .filter((s) => s.active !== false)
    .map((s) => {
      const l = last.get(s.code);
      const ageHours = l ? Math.max(0, (now - Date.parse(l.at)) / HOUR) : null;
      return {
        code: s.code,
        name: s.name,
        lastRunId: l?.id ?? null,
        lastAt: l?.at ?? null,
        ageHours,
        stale: ageHours === null || ageHours > staleAfterHours,
      };
    })
    .sort((a, b) => Number(b.stale) - Number(a.stale) || (b.ageHours ?? Infinity) - (a.ageHours ?? Infinity) || a.code.localeCompare(b.code));
}

export const OUTCOMES = ['committed', 'waiting', 'running', 'failed', 'rejected', 'rolled_back'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function outcomeOf(status: string): Outcome {
  if (status === 'committed' || status === 'failed' || status === 'rejected' || status === 'rolled_back') return status;
  if (status === 'held' || status === 'staged') return 'waiting';
  return 'running';
}

export type HourBucket = { hour: number; label: string } & Record<Outcome, number>;

const hourFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', hour12: false });

export interface Last24h {
  buckets: HourBucket[];
  byOutcome: Record<Outcome, number>;
  runs: number;
  rowsImported: number;
  rowErrors: number;
}

/**
 * The last 24 hours of runs by hour (JST labels) and outcome, with rows imported (committed runs) and row
 * errors. Each item is a run, or (with {@code runs}) that many runs of one hour and status with their rows
 * summed, as GET /dashboard/hourly counts them; an hour that began more than 24 hours ago is left out.
 */
export function last24h(
  runs: (Pick<ImportRunView, 'status' | 'createdAt' | 'rowsStaged' | 'rowsError'> & { runs?: number })[],
  now: number,
): Last24h {
  const start = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const empty = (): Record<Outcome, number> => ({ committed: 0, waiting: 0, running: 0, failed: 0, rejected: 0, rolled_back: 0 });
  const buckets: HourBucket[] = Array.from({ length: 24 }, (_, i) => ({
    hour: start + i * HOUR,
    label: `${hourFormat.format(new Date(start + i * HOUR)).replace(/時$/, '')}:00`,
    ...empty(),
  }));
  const byOutcome = empty();
  let count = 0;
  let rowsImported = 0;
  let rowErrors = 0;
  for (const r of runs) {
    const at = Date.parse(r.createdAt);
    if (!(at >= now - 24 * HOUR) || at > now + HOUR) continue;
    const i = Math.min(23, Math.max(0, Math.floor((at - start) / HOUR)));
    const o = outcomeOf(r.status);
    const n = r.runs ?? 1;
    buckets[i]![o] += n;
    byOutcome[o] += n;
    count += n;
    if (r.status === 'committed') rowsImported += r.rowsStaged ?? 0;
    rowErrors += r.rowsError ?? 0;
  }
  return { buckets, byOutcome, runs: count, rowsImported, rowErrors };
}
