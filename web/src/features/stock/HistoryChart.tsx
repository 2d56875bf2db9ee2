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
    const pts = sorted.map((e) => ({
      time: new Date(e.changedAt).getTime(),
      [e.supplierCode]: metric === 'quantity' ? e.newQuantity : e.newUnitCost === null ? null : Number(e.newUnitCost),
    }));
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
