import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading } from '@/components/QueryState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCanEdit } from '@/lib/use-session';
import {
  DIFF_COUNT_KEY,
  DIFF_KINDS,
  FINAL_STATUSES,
  isWaiting,
  useDecide,
  useRunPage,
  type DiffKind,
  type DiffRow,
  type ImportRunView,
} from './api';
import './imports.css';

const costFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 4 });
export function formatCost(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `¥${costFormat.format(v)}`;
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMillis(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${formatNumber(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`runStatus.${status}`, { defaultValue: status })}</span>;
}

/** The phases a run goes through, for a progress bar that never pretends to know the row total. */
const PHASES = ['receiving', 'received', 'parsing', 'staged', 'applying', 'committed'];
export function phaseProgress(status: string): number {
  if (FINAL_STATUSES.includes(status)) return PHASES.length;
  if (status === 'held') return PHASES.indexOf('staged') + 1;
  const i = PHASES.indexOf(status);
  return i < 0 ? 0 : i + 1;
}

export function RunProgressBar({
  status,
  rowsTotal,
  rowsPerSecond,
  label,
}: {
  status: string;
  rowsTotal: number;
  rowsPerSecond?: number | null | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  const text = t('imports.progressText', {
    status: t(`runStatus.${status}`, { defaultValue: status }),
    rows: formatNumber(rowsTotal),
  });
  return (
    <div className="run-progress">
      <progress max={PHASES.length} value={phaseProgress(status)} aria-label={label} aria-valuetext={text} />
      <span className="small">
        {text}
        {rowsPerSecond ? ` · ${t('imports.rowsPerSecond', { rate: formatNumber(rowsPerSecond) })}` : ''}
      </span>
    </div>
  );
}

export function Counts({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const items: [string, ReactNode][] = [
    ['rowsTotal', formatNumber(run.rowsTotal)],
    ['rowsStaged', formatNumber(run.rowsStaged)],
    ['rowsUnmatched', formatNumber(run.rowsUnmatched)],
    ['rowsExcluded', formatNumber(run.rowsExcluded)],
    ['rowsError', formatNumber(run.rowsError)],
    ['rowsPerSecond', run.rowsPerSecond ? formatNumber(run.rowsPerSecond) : '—'],
  ];
  return (
    <dl className="kv counts" aria-label={t('imports.counts')}>
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{t(`imports.count.${k}`)}</dt>
          <dd data-testid={`count-${k}`}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A run that creates the products its file names: how many the diff expects (dry run, held) and how many
 * catalog created (its apply record; an undo keeps them).
 */
export function ProductCreation({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  if (!run.createProducts) return null;
  const created = run.applied?.productsCreated;
  return (
    <dl className="kv counts" aria-label={t('imports.productCreation')}>
      <div>
        <dt>{t('imports.productsToCreate')}</dt>
        <dd data-testid="products-to-create">{formatNumber(run.diff?.productsToCreate)}</dd>
      </div>
      <div>
        <dt>{t('imports.productsCreated')}</dt>
        <dd data-testid="products-created">{typeof created === 'number' ? formatNumber(created) : '—'}</dd>
      </div>
    </dl>
  );
}

export function GuardReasons({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const reasons = run.guardReasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <section className="alert alert-warn" aria-labelledby={`guard-${run.id}`}>
      <h3 id={`guard-${run.id}`}>{run.status === 'held' ? t('imports.heldTitle') : t('imports.guardTitle')}</h3>
      <ul>
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

/** Apply or discard a waiting run (a staged dry run, or one the guard held). */
export function DecisionPanel({ run, onDecided }: { run: ImportRunView; onDecided?: (run: ImportRunView) => void }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const decide = useDecide(run.id);
  if (!isWaiting(run)) return null;
  const go = (d: 'approve' | 'reject') =>
    decide.mutate(d, {
      onSuccess: (r) => onDecided?.(r),
    });
  return (
    <section className="card decision" aria-labelledby={`decide-${run.id}`}>
      <h3 id={`decide-${run.id}`}>{run.status === 'held' ? t('imports.decideHeld') : t('imports.decideDryRun')}</h3>
      {canEdit ? (
        <div className="actions">
          <button type="button" className="primary" disabled={decide.isPending} onClick={() => go('approve')}>
            {run.status === 'held' ? t('imports.approve') : t('imports.apply')}
          </button>
          <button type="button" className="danger" disabled={decide.isPending} onClick={() => go('reject')}>
            {run.status === 'held' ? t('imports.reject') : t('imports.discard')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('imports.readOnlyDecision')}</p>
      )}
      {decide.isPending && <Loading label={t('imports.deciding')} />}
      <ProblemAlert error={decide.error} />
    </section>
  );
}

/** Keyset paging over a run's list: a stack of cursors for "previous", the last item's key for "next". */
export function usePager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  return {
    after,
    page: cursors.length,
    next: (key: string) => setCursors((c) => [...c, key]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([null]),
  };
}

export function Pager({
  page,
  hasNext,
  onNext,
  onPrevious,
  label,
}: {
  page: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager actions" aria-label={label}>
      <button type="button" onClick={onPrevious} disabled={page <= 1}>
        {t('imports.previousPage')}
      </button>
      <span aria-live="polite">{t('imports.page', { page })}</span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        {t('imports.nextPage')}
      </button>
    </nav>
  );
}

const PAGE = 50;

function DiffTable({ runId, kind }: { runId: number; kind: DiffKind }) {
  const { t } = useTranslation();
  const pager = usePager();
  const q = useRunPage<DiffRow>(runId, 'diff', pager.after, PAGE, { kind });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const { items, hasNext } = q.data;
  if (items.length === 0 && pager.page === 1) return <p className="empty">{t('imports.diffEmpty')}</p>;
  const caption = t('imports.diffTable', { kind: t(`imports.kind.${kind}`) });
  return (
    <>
      <div className="table-wrap">
        <table aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">{t('imports.currentQuantity')}</th>
              <th scope="col">{t('imports.newQuantity')}</th>
              <th scope="col">{t('imports.currentCost')}</th>
              <th scope="col">{t('imports.newCost')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.sku}>
                <td>
                  <Link to={`/stock/${encodeURIComponent(r.sku)}`}>{r.sku}</Link>
                </td>
                <td>{formatNumber(r.currentQuantity)}</td>
                <td className={r.newQuantity !== r.currentQuantity ? 'changed' : undefined}>{formatNumber(r.newQuantity)}</td>
                <td>{formatCost(r.currentUnitCost)}</td>
                <td className={r.newUnitCost !== r.currentUnitCost ? 'changed' : undefined}>{formatCost(r.newUnitCost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(hasNext || pager.page > 1) && (
        <Pager
          label={t('imports.pagerOf', { what: caption })}
          page={pager.page}
          hasNext={hasNext}
          onNext={() => pager.next(items[items.length - 1]!.sku)}
          onPrevious={pager.previous}
        />
      )}
    </>
  );
}

/** The diff against current stock: counts per kind (each a toggle button), then that kind's rows. */
export function RunDiff({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const counts = run.diff ?? {};
  const firstWithRows = DIFF_KINDS.find((k) => (counts[DIFF_COUNT_KEY[k]] ?? 0) > 0) ?? 'CHANGED';
  const [kind, setKind] = useState<DiffKind>(firstWithRows);
  const id = useId();
  if (!run.diff) return <p className="muted">{t('imports.noDiff')}</p>;
  return (
    <div className="run-diff">
      <div className="diff-kinds" role="group" aria-label={t('imports.diffKinds')}>
        {DIFF_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            aria-controls={id}
            className={`diff-kind diff-${k}`}
            onClick={() => setKind(k)}
            data-testid={`diff-${k}`}
          >
            <span className="diff-count">{formatNumber(counts[DIFF_COUNT_KEY[k]] ?? 0)}</span>
            <span>{t(`imports.kind.${k}`)}</span>
          </button>
        ))}
        {(counts.costJumps ?? 0) > 0 && (
          <span className="badge badge-held">{t('imports.costJumps', { count: counts.costJumps ?? 0 })}</span>
        )}
      </div>
      <div id={id}>
        <DiffTable key={kind} runId={run.id} kind={kind} />
      </div>
    </div>
  );
}

/** A short confirmation in place (an alertdialog region): the confirm button takes focus. */
export function Confirm({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      className="alert alert-warn"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={id}>{message}</p>
      <div className="actions">
        <button ref={ref} type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('imports.cancel')}
        </button>
      </div>
    </div>
  );
}

export function RunHeaderFacts({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const facts = useMemo(
    () =>
      [
        ['supplier', <Link key="s" to={`/suppliers/${encodeURIComponent(run.supplierCode)}`}>{run.supplierCode}</Link>],
        ['source', t(`runSource.${run.source}`, { defaultValue: run.source })],
        [
          'mode',
          [run.dryRun ? t('imports.dryRun') : t('imports.normalRun'), run.partial ? t('imports.partial') : null, run.createProducts ? t('imports.createProducts') : null]
            .filter(Boolean)
            .join(' · '),
        ],
        ['fileName', run.fileName ?? '—'],
        ['fileSize', formatBytes(run.fileSize)],
        ['detectedEncoding', run.detectedEncoding ?? '—'],
        ['ruleVersion', run.ruleVersion ?? '—'],
        ['requestedBy', run.requestedBy ?? '—'],
        ['createdAt', formatDateTime(run.createdAt)],
        ['startedAt', formatDateTime(run.startedAt)],
        ['finishedAt', formatDateTime(run.finishedAt)],
        ['decidedBy', run.decidedBy ? `${run.decidedBy} (${formatDateTime(run.decidedAt)})` : '—'],
      ] as [string, ReactNode][],
    [run, t],
  );
  return (
    <dl className="kv facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{t(`imports.fact.${k}`)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
