import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTCOMES, type HourBucket } from './stats';

export const OUTCOME_COLORS: Record<string, string> = {
  committed: '#1a7f37',
  waiting: '#9a6700',
  running: '#0b63c5',
  failed: '#cf222e',
  rejected: '#8250df',
  rolled_back: '#6e7781',
};

/** Runs per hour, stacked by outcome (the table next to it carries the same numbers for screen readers). */
export function RunsChart({ buckets }: { buckets: HourBucket[] }) {
  const { t } = useTranslation();
  return (
    <figure className="chart" role="img" aria-label={t('dashboard.chartLabel')}>
      <BarChart width={760} height={260} data={buckets} margin={{ top: 10, right: 16, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={2} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {OUTCOMES.map((o) => (
          <Bar key={o} dataKey={o} name={t(`dashboard.outcome.${o}`)} stackId="runs" fill={OUTCOME_COLORS[o]} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
