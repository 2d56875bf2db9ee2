import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { formatNumber } from '@/lib/format';
import { saveDownload } from '@/lib/download';
import { useCanEdit } from '@/lib/use-session';
import { downloadErrorReport, isSettled, useDecide, useRun, useRunPage, type ImportRunView, type RowError, type StagedRow } from './api';
import {
  Confirm,
  Counts,
  DecisionPanel,
  GuardReasons,
  Pager,
  ProductCreation,
  RunDiff,
  RunHeaderFacts,
  RunProgressBar,
  StatusBadge,
  formatCost,
  formatMillis,
  usePager,
} from './RunParts';

const PAGE = 50;

export function RunDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useRun(Number.isFinite(id) ? id : null);
  return (
    <>
      <p>
        <Link to="/imports">{t('imports.backToHistory')}</Link>
      </p>
      <h1>
        {t('imports.runTitle', { id })} {q.data && <StatusBadge status={q.data.status} />}
      </h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {(run) => <RunDetail run={run} />}
      </QueryState>
    </>
  );
}

function RunDetail({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const phases = run.phaseMillis ?? {};
  return (
    <>
      <RunHeaderFacts run={run} />
      {!isSettled(run) && (
        <RunProgressBar status={run.status} rowsTotal={run.rowsTotal} rowsPerSecond={run.rowsPerSecond} label={t('imports.runProgress')} />
      )}
      {run.errorCode && (
        <div role="alert" className="alert alert-error">
          <strong>{run.errorCode}</strong>
          {run.errorMessage && <div>{run.errorMessage}</div>}
        </div>
      )}
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('imports.counts')}</h2>
        <Counts run={run} />
        <ProductCreation run={run} />
        <h3>{t('imports.phases')}</h3>
        <dl className="kv" data-testid="phases">
          {(['parse', 'guard', 'apply'] as const).map((p) => (
            <div key={p}>
              <dt>{t(`imports.phase.${p}`)}</dt>
              <dd>{formatMillis(phases[p])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <GuardReasons run={run} />
      <DecisionPanel run={run} />
      <Rollback run={run} />
      <section aria-labelledby="diff-title">
        <h2 id="diff-title">{t('imports.diffTitle')}</h2>
        <RunDiff run={run} />
      </section>
      {run.applied && (
        <section aria-labelledby="applied-title">
          <h2 id="applied-title">{t('imports.applied')}</h2>
          <dl className="kv">
            {Object.entries(run.applied).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <RowErrors run={run} />
      <StagedRows run={run} />
    </>
  );
}

function Rollback({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const decide = useDecide(run.id);
  const [asking, setAsking] = useState(false);
  if (run.status !== 'committed' || !canEdit) return null;
  return (
    <section aria-labelledby="rollback-title" className="card">
      <h2 id="rollback-title">{t('imports.rollbackTitle')}</h2>
      <p className="muted small">{t('imports.rollbackHint')}</p>
      {asking ? (
        <Confirm
          message={t('imports.rollbackConfirm', { id: run.id, supplier: run.supplierCode })}
          confirmLabel={t('imports.rollbackDo')}
          busy={decide.isPending}
          onCancel={() => setAsking(false)}
          onConfirm={() => decide.mutate('rollback', { onSettled: () => setAsking(false) })}
        />
      ) : (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {t('imports.rollback')}
        </button>
      )}
      <ProblemAlert error={decide.error} />
    </section>
  );
}

function RowErrors({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const pager = usePager();
  const q = useRunPage<RowError>(run.id, 'errors', pager.after, PAGE);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      saveDownload(await downloadErrorReport(run.id), `run-${run.id}-errors.csv`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <section aria-labelledby="errors-title">
      <h2 id="errors-title">
        {t('imports.rowErrors')} ({formatNumber(run.rowsError)})
      </h2>
      {run.rowsError > 0 && (
        <p>
          <button type="button" onClick={() => void download()} disabled={downloading}>
            {t('imports.downloadErrorReport')}
          </button>
        </p>
      )}
      <ProblemAlert error={downloadError} />
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.items.length === 0 && pager.page === 1} empty={t('imports.noRowErrors')}>
        {({ items, hasNext }) => (
          <>
            <div className="table-wrap">
              <table aria-label={t('imports.rowErrors')}>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.line')}</th>
                    <th scope="col">{t('imports.reason')}</th>
                    <th scope="col">{t('imports.rawText')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.line}>
                      <td>{e.line}</td>
                      <td>{e.reason}</td>
                      <td className="mono small">{e.rawText ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              label={t('imports.pagerOf', { what: t('imports.rowErrors') })}
              page={pager.page}
              hasNext={hasNext}
              onNext={() => pager.next(String(items[items.length - 1]!.line))}
              onPrevious={pager.previous}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

function StagedRows({ run }: { run: ImportRunView }) {
  const { t } = useTranslation();
  const pager = usePager();
  const [open, setOpen] = useState(false);
  const q = useRunPage<StagedRow>(run.id, 'rows', pager.after, PAGE, {}, open);
  return (
    <section aria-labelledby="rows-title">
      <h2 id="rows-title">{t('imports.stagedRows')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('imports.showStagedRows')}
        </button>
      ) : (
        <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.items.length === 0 && pager.page === 1} empty={t('imports.noStagedRows')}>
          {({ items, hasNext }) => (
            <>
              <div className="table-wrap">
                <table aria-label={t('imports.stagedRows')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('imports.line')}</th>
                      <th scope="col">{t('imports.field.code')}</th>
                      <th scope="col">{t('imports.field.jan')}</th>
                      <th scope="col">SKU</th>
                      <th scope="col">{t('imports.quantity')}</th>
                      <th scope="col">{t('imports.unitCost')}</th>
                      <th scope="col">{t('imports.rawValues')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.line}>
                        <td>{r.line}</td>
                        <td>{r.supplierItemCode ?? ''}</td>
                        <td>{r.jan ?? ''}</td>
                        <td>{r.sku ?? <span className="muted">{t('imports.unmatched')}</span>}</td>
                        <td>{formatNumber(r.quantity)}</td>
                        <td>{formatCost(r.unitCost)}</td>
                        <td className="mono small">{r.rawValues.join(' | ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                label={t('imports.pagerOf', { what: t('imports.stagedRows') })}
                page={pager.page}
                hasNext={hasNext}
                onNext={() => pager.next(String(items[items.length - 1]!.line))}
                onPrevious={pager.previous}
              />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
