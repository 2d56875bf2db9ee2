import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, QueryState } from '@/components/QueryState';
import { formatDateTime, formatNumber, formatYen } from '@/lib/format';
import { useAvailability, useStockHistory, type Availability } from './api';
import type { Metric } from './HistoryChart';

// The chart library is the largest dependency: loaded only when a product's history is shown.
const HistoryChart = lazy(() => import('./HistoryChart').then((m) => ({ default: m.HistoryChart })));

function Breakdown({ a }: { a: Availability }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="breakdown-title">
      <dl className="facts">
        <div>
          <dt>{t('stock.jan')}</dt>
          <dd>{a.jan ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('stock.totalQuantity')}</dt>
          <dd data-testid="total-quantity">{formatNumber(a.totalQuantity)}</dd>
        </div>
        <div>
          <dt>{t('stock.bestUnitCost')}</dt>
          <dd>
            {formatYen(a.bestUnitCost)} {a.bestSupplierCode && `(${a.bestSupplierCode})`}
          </dd>
        </div>
        <div>
          <dt>{t('stock.updatedAt')}</dt>
          <dd>{formatDateTime(a.updatedAt)}</dd>
        </div>
      </dl>
      <h2 id="breakdown-title">{t('productStock.breakdown')}</h2>
      {a.suppliers.length === 0 ? (
        <Empty>{t('productStock.noSuppliers')}</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('productStock.breakdown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stock.supplier')}</th>
                <th scope="col">{t('suppliers.priority')}</th>
                <th scope="col" className="num">{t('productStock.quantity')}</th>
                <th scope="col" className="num">{t('productStock.unitCost')}</th>
                <th scope="col">{t('productStock.state')}</th>
                <th scope="col">{t('productStock.importDate')}</th>
                <th scope="col">{t('productStock.runId')}</th>
                <th scope="col">{t('stock.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {a.suppliers.map((s) => (
                <tr key={s.supplierCode}>
                  <td>
                    {s.supplierCode} {s.supplierName}
                  </td>
                  <td>{formatNumber(s.priority)}</td>
                  <td className="num">{formatNumber(s.quantity)}</td>
                  <td className="num">{formatYen(s.unitCost)}</td>
                  <td>
                    {!s.active && <span className="badge">{t('suppliers.activeNo')}</span>}
                    {s.discontinued && <span className="badge">{t('stock.discontinued')}</span>}
                    {s.active && !s.discontinued && t('suppliers.activeYes')}
                  </td>
                  <td>{s.importDate ?? '—'}</td>
                  <td>{s.runId}</td>
                  <td>{formatDateTime(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function History({ sku, suppliers }: { sku: string; suppliers: string[] }) {
  const { t } = useTranslation();
  const [supplier, setSupplier] = useState('');
  const [metric, setMetric] = useState<Metric>('quantity');
  const q = useStockHistory(sku, supplier);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('productStock.history')}</h2>
      <div className="toolbar">
        <label>
          {t('stock.supplier')}{' '}
          <select value={supplier} onChange={(e) => setSupplier(e.target.value)}>
            <option value="">{t('stock.allSuppliers')}</option>
            {suppliers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('productStock.metricLabel')}{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            <option value="quantity">{t('productStock.metric.quantity')}</option>
            <option value="cost">{t('productStock.metric.cost')}</option>
          </select>
        </label>
      </div>
      <QueryState
        isPending={q.isPending}
        error={q.error}
        data={q.data}
        isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}
        empty={t('productStock.noHistory')}
      >
        {(data) => {
          const entries = data.pages.flatMap((p) => p.items);
          return (
            <>
              <Suspense fallback={<Loading />}>
                <HistoryChart entries={entries} metric={metric} />
              </Suspense>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{t('productStock.history')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('productStock.changedAt')}</th>
                      <th scope="col">{t('stock.supplier')}</th>
                      <th scope="col">{t('productStock.changeKind')}</th>
                      <th scope="col" className="num">{t('productStock.quantity')}</th>
                      <th scope="col" className="num">{t('productStock.unitCost')}</th>
                      <th scope="col">{t('productStock.importDate')}</th>
                      <th scope="col">{t('productStock.runId')}</th>
                      <th scope="col">{t('productStock.previousRun')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr key={e.id}>
                        <td>{formatDateTime(e.changedAt)}</td>
                        <td>{e.supplierCode}</td>
                        <td>{t(`productStock.kinds.${e.changeKind}`, { defaultValue: e.changeKind })}</td>
                        <td className="num">
                          {formatNumber(e.oldQuantity)} → {formatNumber(e.newQuantity)}
                        </td>
                        <td className="num">
                          {formatYen(e.oldUnitCost)} → {formatYen(e.newUnitCost)}
                        </td>
                        <td>{e.importDate ?? '—'}</td>
                        <td>{e.runId}</td>
                        <td>{e.oldRunId ? `${e.oldRunId}（${e.oldImportDate ?? '—'}）` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {q.hasNextPage && (
                <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                  {t('productStock.more')}
                </button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

export function ProductStockPage() {
  const { t } = useTranslation();
  const { sku = '' } = useParams();
  const q = useAvailability(sku);
  return (
    <>
      <p>
        <Link to="/stock">← {t('productStock.back')}</Link>
      </p>
      <h1>
        {sku} {q.data?.name && <span className="muted">{q.data.name}</span>}
      </h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {(a) => (
          <>
            <Breakdown a={a} />
            <History sku={a.sku} suppliers={a.suppliers.map((s) => s.supplierCode)} />
          </>
        )}
      </QueryState>
    </>
  );
}
