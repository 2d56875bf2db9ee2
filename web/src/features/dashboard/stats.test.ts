import { freshness, last24h, outcomeOf } from './stats';
import { parseEvents } from '@/lib/event-stream';

const H = 3600_000;
const now = Date.parse('2026-11-28T12:30:00Z');

describe('dashboard figures', () => {
  it('freshness: latest committed run per supplier, stale past the threshold, inactive suppliers left out', () => {
    const rows = freshness(
      [
        { code: 'A', name: 'a' },
        { code: 'B', name: 'b' },
        { code: 'C', name: 'c', active: false },
      ],
      [
        { id: 1, supplierCode: 'A', createdAt: new Date(now - 30 * H).toISOString(), finishedAt: new Date(now - 30 * H).toISOString() },
        { id: 2, supplierCode: 'A', createdAt: new Date(now - 3 * H).toISOString(), finishedAt: null },
      ],
      now,
      6,
    );
    expect(rows.map((r) => [r.code, r.lastRunId, r.stale])).toEqual([
      ['B', null, true],
      ['A', 2, false],
    ]);
    expect(rows[1]!.ageHours).toBeCloseTo(3);
  });

  it('last 24 hours: hourly buckets by outcome, JST labels, rows of committed runs', () => {
    const s = last24h(
      [
        { status: 'committed', createdAt: new Date(now - 10 * 60_000).toISOString(), rowsStaged: 100, rowsError: 1 },
        { status: 'held', createdAt: new Date(now - 2 * H).toISOString(), rowsStaged: 50, rowsError: 0 },
        { status: 'parsing', createdAt: new Date(now - 2 * H).toISOString(), rowsStaged: 0, rowsError: 2 },
        { status: 'failed', createdAt: new Date(now - 25 * H).toISOString(), rowsStaged: 0, rowsError: 9 },
      ],
      now,
    );
    expect(s.buckets).toHaveLength(24);
    expect(s.buckets[23]!.label).toBe('21:00');
    expect(s.buckets[23]!.committed).toBe(1);
    expect(s.buckets[21]!.waiting).toBe(1);
    expect(s.buckets[21]!.running).toBe(1);
    expect(s).toMatchObject({ runs: 3, rowsImported: 100, rowErrors: 3 });
    expect(outcomeOf('rolled_back')).toBe('rolled_back');
    expect(outcomeOf('staged')).toBe('waiting');
  });
});

describe('dashboard figures from the hourly counts of the server', () => {
  it('counts each hour and status row as its number of runs, with their summed rows', () => {
    const hourStart = (h: number) => new Date(Math.floor(now / H) * H - h * H).toISOString();
    const s = last24h(
      [
        { status: 'committed', createdAt: hourStart(0), rowsStaged: 540_000, rowsError: 0, runs: 540 },
        { status: 'failed', createdAt: hourStart(0), rowsStaged: 0, rowsError: 180, runs: 60 },
        { status: 'held', createdAt: hourStart(3), rowsStaged: 10, rowsError: 0, runs: 2 },
        // Began more than 24 hours ago: outside the window.
        { status: 'committed', createdAt: hourStart(24), rowsStaged: 7, rowsError: 0, runs: 7 },
      ],
      now,
    );
    expect(s.buckets[23]!.committed).toBe(540);
    expect(s.buckets[23]!.failed).toBe(60);
    expect(s.buckets[20]!.waiting).toBe(2);
    expect(s).toMatchObject({ runs: 602, rowsImported: 540_000, rowErrors: 180 });
  });
});

describe('server-sent events parsing', () => {
  it('takes complete events, joins multi-line data, keeps the incomplete rest', () => {
    expect(parseEvents('data:{"a":1}\n\ndata: x\ndata: y\r\n\r\n: comment\n\ndata:{"b"')).toEqual({ data: ['{"a":1}', 'x\ny'], rest: 'data:{"b"' });
  });
});
