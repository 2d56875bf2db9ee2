import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Empty, QueryState } from '@/components/QueryState';
import { formatDateTime, formatNumber, formatYen } from '@/lib/format';
import { useSuppliers } from '@/features/suppliers/api';
import { useAvailabilitySearch, type SearchBy, type StockSearch } from './api';

const BY: SearchBy[] = ['q', 'sku', 'jan'];

/** Search availability by name/SKU, exact SKU or JAN; the search lives in the URL (shareable, back button). */
export function StockPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const by = (BY as string[]).includes(params.get('by') ?? '') ? (params.get('by') as SearchBy) : 'q';
  const search: StockSearch | null =
    params.get('text') || params.get('supplier') ? { by, text: params.get('text') ?? '', supplier: params.get('supplier') ?? '' } : null;
  const [draft, setDraft] = useState<StockSearch>(search ?? { by: 'q', text: '', supplier: '' });
  const suppliers = useSuppliers();
  const q = useAvailabilitySearch(search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (draft.text.trim()) next.text = draft.text.trim();
    if (draft.supplier) next.supplier = draft.supplier;
    if (draft.by !== 'q') next.by = draft.by;
    setParams(next);
  };

  return (
    <>
      <h1>{t('stock.title')}</h1>
      <form className="toolbar" role="search" aria-label={t('stock.search')} onSubmit={submit}>
        <label>
          {t('stock.searchBy')}{' '}
          <select value={draft.by} onChange={(e) => setDraft({ ...draft, by: e.target.value as SearchBy })}>
            {BY.map((b) => (
              <option key={b} value={b}>
                {t(`stock.by.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stock.text')}{' '}
          <input
            type="search"
            value={draft.text}
            inputMode={draft.by === 'jan' ? 'numeric' : undefined}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
        </label>
        <label>
          {t('stock.supplier')}{' '}
          <select value={draft.supplier} onChange={(e) => setDraft({ ...draft, supplier: e.target.value })}>
            <option value="">{t('stock.allSuppliers')}</option>
            {(suppliers.data ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('stock.searchSubmit')}
        </button>
      </form>
      {search === null ? (
        <p className="muted">{t('stock.prompt')}</p>
      ) : (
        <QueryState
          isPending={q.isPending}
          error={q.error}
          data={q.data}
          isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}
          empty={t('stock.empty')}
        >
          {(data) => {
            const items = data.pages.flatMap((p) => p.items);
            return (
              <>
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">{t('stock.results')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('stock.sku')}</th>
                        <th scope="col">{t('stock.jan')}</th>
                        <th scope="col">{t('stock.name')}</th>
                        <th scope="col" className="num">{t('stock.totalQuantity')}</th>
                        <th scope="col" className="num">{t('stock.bestUnitCost')}</th>
                        <th scope="col">{t('stock.suppliers')}</th>
                        <th scope="col">{t('stock.updatedAt')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((a) => (
                        <tr key={a.sku}>
                          <td>
                            <Link to={`/stock/${encodeURIComponent(a.sku)}`}>{a.sku}</Link>
                          </td>
                          <td>{a.jan ?? '—'}</td>
                          <td>{a.name ?? '—'}</td>
                          <td className="num">{formatNumber(a.totalQuantity)}</td>
                          <td className="num">
                            {formatYen(a.bestUnitCost)}
                            {a.bestSupplierCode && <div className="muted small">{a.bestSupplierCode}</div>}
                          </td>
                          <td>
                            {a.suppliers.map((s) => (
                              <div key={s.supplierCode} className="small">
                                {s.supplierCode}: {formatNumber(s.quantity)}
                                {s.discontinued ? ` (${t('stock.discontinued')})` : ''}
                              </div>
                            ))}
                          </td>
                          <td>{formatDateTime(a.updatedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {q.hasNextPage ? (
                  <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                    {t('stock.more')}
                  </button>
                ) : (
                  items.length > 0 && <Empty>{t('stock.end')}</Empty>
                )}
              </>
            );
          }}
        </QueryState>
      )}
    </>
  );
}
