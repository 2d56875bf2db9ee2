import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { formatNumber } from '@/lib/format';
import { useUnmatched, type UnmatchedItem } from './api';

/** Codes recent imports could not map, each one click from a new EXACT rule or a test row. */
export function UnmatchedPanel({
  code,
  canEdit,
  onCreateRule,
  onAddTestRow,
}: {
  code: string;
  canEdit: boolean;
  onCreateRule: (item: UnmatchedItem) => void;
  onAddTestRow: (item: UnmatchedItem) => void;
}) {
  const { t } = useTranslation();
  const q = useUnmatched(code);
  return (
    <section className="card" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">{t('unmatched.title')}</h2>
      <p className="muted small">{t('unmatched.hint')}</p>
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('unmatched.empty')}>
        {(items) => (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('unmatched.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unmatched.code')}</th>
                  <th scope="col">{t('unmatched.jan')}</th>
                  <th scope="col">{t('unmatched.occurrences')}</th>
                  <th scope="col">{t('unmatched.runs')}</th>
                  <th scope="col">{t('unmatched.lastSeen')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((it) => (
                  <tr key={it.supplierItemCode}>
                    <td>{it.supplierItemCode}</td>
                    <td>{it.jan ?? '—'}</td>
                    <td>{formatNumber(it.occurrences)}</td>
                    <td>{formatNumber(it.runs)}</td>
                    <td>{it.lastSeen ?? '—'}</td>
                    <td className="actions">
                      {canEdit && (
                        <button type="button" onClick={() => onCreateRule(it)} aria-label={t('unmatched.createRuleFor', { code: it.supplierItemCode })}>
                          {t('unmatched.createRule')}
                        </button>
                      )}
                      <button type="button" onClick={() => onAddTestRow(it)} aria-label={t('unmatched.addTestRowFor', { code: it.supplierItemCode })}>
                        {t('unmatched.addTestRow')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
