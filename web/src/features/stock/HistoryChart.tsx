import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatNumber, formatYen } from '@/lib/format';
import type { StockHistoryEntry } from './api';

const COLORS = ['#0b63c5', '#1a7f37', '#cf222e', '#9a6700', '#8250df', '#bf3989', '#0a7ea4'];
const dateFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: '2-digit', day: '2-digit' });

export type Metric = 'quantity' | 'cost';

/**
 * Quantity or unit cost over time, one step line per supplier (each change holds until the next).
 * The table under the chart carries the same data for screen readers and keyboard users.
 */
export function HistoryChart({ entries, metric }: { entries: StockHistoryEntry[]; metric: Metric }) {
  const { t } = useTranslation();
  const { points, suppliers } = useMemo(() => {
    const sorted = [...entries].sort((a, b) => a.changedAt.localeCompare(b.changedAt) || a.id - b.id);
    const codes = [...new Set(sorted.map((e) => e.supplierCode))].sort();
    const value = (quantity: number | null, cost: number | null) =>
      metric === 'quantity' ? quantity : cost === null ? null : Number(cost);
    // A row's creation is not a history entry: its first change names the import that set the values before,
    // which starts that supplier's line (on that import day, in shop time).
    const starts = codes.flatMap((code) => {
      const first = sorted.find((e) => e.supplierCode === code);
      return first?.oldImportDate && first.changeKind !== 'undo'
        ? [{ time: Date.parse(`${first.oldImportDate}T00:00:00+09:00`), [code]: value(first.oldQuantity, first.oldUnitCost) }]
        : [];
    });
    const pts = [
      ...starts,
      ...sorted.map((e) => ({ time: new Date(e.changedAt).getTime(), [e.supplierCode]: value(e.newQuantity, e.newUnitCost) })),
    ].sort((a, b) => a.time - b.time);
    return { points: pts, suppliers: codes };
  }, [entries, metric]);
  const format = (v: unknown) => (metric === 'quantity' ? formatNumber(Number(v)) : formatYen(Number(v)));
  return (
    <figure className="chart" role="img" aria-label={t('productStock.chartLabel', { metric: t(`productStock.metric.${metric}`) })}>
      <LineChart width={760} height={300} data={points} margin={{ top: 10, right: 24, bottom: 10, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => dateFormat.format(new Date(v))}
        />
        <YAxis tickFormatter={(v: number) => (metric === 'quantity' ? formatNumber(v) : formatNumber(v))} />
        <Tooltip labelFormatter={(v) => formatDateTime(new Date(Number(v)).toISOString())} formatter={(v) => format(v)} />
        <Legend />
        {suppliers.map((code, i) => (
          <Line
            key={code}
            type="stepAfter"
            dataKey={code}
            name={code}
            stroke={COLORS[i % COLORS.length]}
            connectNulls
            dot
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}
