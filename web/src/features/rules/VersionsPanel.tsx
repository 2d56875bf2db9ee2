import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useRestoreRules, useRuleDiff, useRuleVersions, type RuleDefinition, type RuleDiff } from './api';

function ruleText(r: RuleDefinition): string {
  return JSON.stringify(r);
}

function DiffView({ diff }: { diff: RuleDiff }) {
  const { t } = useTranslation();
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.moved.length;
  return (
    <div className="diff" aria-live="polite">
      <h3>{t('ruleVersions.diffTitle', { from: diff.fromVersion, to: diff.toVersion })}</h3>
      {nothing && <p className="empty">{t('ruleVersions.noDifference')}</p>}
      {diff.added.length > 0 && (
        <>
          <h4>{t('ruleVersions.added', { count: diff.added.length })}</h4>
          <ul>
            {diff.added.map((r) => (
              <li key={r.name} className="diff-added">
                <strong>+ {r.name}</strong> <code>{ruleText(r)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>{t('ruleVersions.removed', { count: diff.removed.length })}</h4>
          <ul>
            {diff.removed.map((r) => (
              <li key={r.name} className="diff-removed">
                <strong>− {r.name}</strong> <code>{ruleText(r)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{t('ruleVersions.changed', { count: diff.changed.length })}</h4>
          <ul>
            {diff.changed.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>
                <div className="diff-removed">
                  − <code>{ruleText(c.before)}</code>
                </div>
                <div className="diff-added">
                  + <code>{ruleText(c.after)}</code>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.moved.length > 0 && (
        <>
          <h4>{t('ruleVersions.moved', { count: diff.moved.length })}</h4>
          <ul>
            {diff.moved.map((m) => (
              <li key={m.name}>{t('ruleVersions.movedItem', { name: m.name, from: m.fromPosition + 1, to: m.toPosition + 1 })}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Every saved version; a diff between any two; restore (as a new version) for editors. */
export function VersionsPanel({ code, currentVersion, canEdit }: { code: string; currentVersion: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useRuleVersions(code);
  const restore = useRestoreRules(code);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const diff = useRuleDiff(code, range);
  const [restored, setRestored] = useState<number | null>(null);

  const doRestore = async (v: number) => {
    if (!window.confirm(t('ruleVersions.restoreConfirm', { version: v }))) return;
    setRestored(null);
    const r = await restore.mutateAsync(v).catch(() => null);
    if (r) setRestored(r.version);
  };

  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('ruleVersions.title')}</h2>
      {restore.error ? <ProblemAlert error={restore.error} /> : null}
      {restored !== null && (
        <p role="status" className="alert alert-ok">
          {t('ruleVersions.restored', { version: restored })}
        </p>
      )}
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('ruleVersions.empty')}>
        {(versions) => {
          const options = [0, ...versions.map((v) => v.version)].sort((a, b) => a - b);
          return (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{t('ruleVersions.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('ruleVersions.version')}</th>
                      <th scope="col">{t('ruleVersions.ruleCount')}</th>
                      <th scope="col">{t('ruleVersions.comment')}</th>
                      <th scope="col">{t('ruleVersions.createdBy')}</th>
                      <th scope="col">{t('ruleVersions.createdAt')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {versions.map((v) => (
                      <tr key={v.version}>
                        <td>
                          {v.version}
                          {v.version === currentVersion && <> <span className="badge">{t('ruleVersions.current')}</span></>}
                        </td>
                        <td>{formatNumber(v.ruleCount)}</td>
                        <td>
                          {v.comment ?? ''}
                          {v.restoredFrom !== null && (
                            <div className="muted small">{t('ruleVersions.restoredFrom', { version: v.restoredFrom })}</div>
                          )}
                        </td>
                        <td>{v.createdBy ?? '—'}</td>
                        <td>{formatDateTime(v.createdAt)}</td>
                        <td className="actions">
                          {canEdit && v.version !== currentVersion && (
                            <button
                              type="button"
                              disabled={restore.isPending}
                              onClick={() => void doRestore(v.version)}
                              aria-label={t('ruleVersions.restoreVersion', { version: v.version })}
                            >
                              {t('ruleVersions.restore')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <form
                className="toolbar"
                aria-label={t('ruleVersions.compare')}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (from !== '' && to !== '') setRange({ from: Number(from), to: Number(to) });
                }}
              >
                <label>
                  {t('ruleVersions.from')}{' '}
                  <select value={from} onChange={(e) => setFrom(e.target.value)}>
                    <option value="">—</option>
                    {options.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('ruleVersions.to')}{' '}
                  <select value={to} onChange={(e) => setTo(e.target.value)}>
                    <option value="">—</option>
                    {options.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" disabled={from === '' || to === ''}>
                  {t('ruleVersions.showDiff')}
                </button>
              </form>
              {range && (
                <QueryState isPending={diff.isPending} error={diff.error} data={diff.data}>
                  {(d) => <DiffView diff={d} />}
                </QueryState>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
