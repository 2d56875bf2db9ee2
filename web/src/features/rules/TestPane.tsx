import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formatNumber, formatYen } from '@/lib/format';
import type { RuleTestResult } from './api';

/** Sample rows in, what the draft rules make of each row out: rule, SKU, cost, quantity or why not. */
export function TestPane({
  text,
  onTextChange,
  onRun,
  running,
  error,
  result,
}: {
  text: string;
  onTextChange: (text: string) => void;
  onRun: () => void;
  running: boolean;
  error: unknown;
  result: RuleTestResult | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ruleTest.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-rows`}>{t('ruleTest.rows')}</label>
        <textarea
          id={`${id}-rows`}
          rows={6}
          className="mono"
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          aria-describedby={`${id}-hint`}
          placeholder={'code,jan,name,stock,cost\nA-100,4901234567894,ボールペン 黒,○,1200'}
        />
        <div id={`${id}-hint`} className="muted small">
          {t('ruleTest.rowsHint')}
        </div>
      </div>
      <button type="button" className="primary" onClick={onRun} disabled={running || text.trim() === ''}>
        {running ? t('ruleTest.running') : t('ruleTest.run')}
      </button>
      {error ? <ProblemAlert error={error} /> : null}
      {result && (
        <div aria-live="polite">
          <p role="status">
            {t('ruleTest.summary', { mapped: result.mapped, excluded: result.excluded, unmatched: result.unmatched, invalid: result.invalid })}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('ruleTest.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ruleTest.line')}</th>
                  <th scope="col">{t('ruleTest.code')}</th>
                  <th scope="col">{t('ruleTest.outcome')}</th>
                  <th scope="col">{t('ruleTest.rule')}</th>
                  <th scope="col">{t('ruleTest.sku')}</th>
                  <th scope="col">{t('ruleTest.cost')}</th>
                  <th scope="col">{t('ruleTest.quantity')}</th>
                  <th scope="col">{t('ruleTest.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.results.map((l) => (
                  <tr key={l.line}>
                    <td>{l.line}</td>
                    <td>{l.row.code ?? '—'}</td>
                    <td>
                      <span className={`badge badge-${l.result.outcome}`}>{t(`ruleTest.outcomes.${l.result.outcome}`)}</span>
                    </td>
                    <td>{l.result.rule ?? '—'}</td>
                    <td>{l.result.sku ?? '—'}</td>
                    <td>{formatYen(l.result.unitCost)}</td>
                    <td>{formatNumber(l.result.quantity)}</td>
                    <td>{l.result.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
