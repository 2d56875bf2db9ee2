import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { formatDateTime } from '@/lib/format';
import { ApiError } from '@/lib/problem';
import { useCanEdit } from '@/lib/use-session';
import { useRuleSet, useSaveRules, useTestRules, type RuleSetView, type UnmatchedItem } from './api';
import { RuleCard, ruleSummary, useErrorOf } from './RuleEditor';
import { TestPane } from './TestPane';
import { UnmatchedPanel } from './UnmatchedPanel';
import { VersionsPanel } from './VersionsPanel';
import {
  MATCH_TYPES,
  newRule,
  parseSampleRows,
  rulePathOf,
  toRuleDefinition,
  toRuleValues,
  uniqueName,
  type MatchType,
  type RulesFormValues,
} from './rule-model';

/** Rule rows listed at once; the rest are reached through the filter or "show more". */
const PAGE = 100;

function Workspace({ code, current, onReload }: { code: string; current: RuleSetView; onReload: () => void }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const form = useForm<RulesFormValues>({ defaultValues: { rules: current.rules.map(toRuleValues), comment: '' } });
  const rules = useFieldArray({ control: form.control, name: 'rules' });
  const save = useSaveRules(code);
  const test = useTestRules(code);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [newType, setNewType] = useState<MatchType>('EXACT');
  const [sample, setSample] = useState('');
  // Rule sets can hold thousands of exact codes: show a filtered window, plus every rule added here.
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const loadedCount = useRef(current.rules.length);
  // One rule is edited at a time (a long rule set stays fast); the list shows them all.
  const [selected, setSelected] = useState<number | null>(current.rules.length ? 0 : null);
  const watched = useWatch({ control: form.control, name: 'rules' });
  const errorOf = useErrorOf(form, serverErrors);
  // A new current version (saved here, restored, or reloaded after a conflict) replaces the draft.
  const shownVersion = useRef(current.version);
  useEffect(() => {
    if (shownVersion.current === current.version) return;
    shownVersion.current = current.version;
    form.reset({ rules: current.rules.map(toRuleValues), comment: '' });
    loadedCount.current = current.rules.length;
    setSelected(current.rules.length ? 0 : null);
    setServerErrors({});
    save.reset();
  }, [current, form, save]);

  const placeErrors = (e: unknown) => {
    const placed: Record<string, string> = {};
    const rest: { field: string; message: string }[] = [];
    if (e instanceof ApiError) {
      for (const fe of e.fieldErrors) {
        const path = rulePathOf(fe.field);
        if (path) placed[path] = placed[path] ? `${placed[path]} / ${fe.message}` : fe.message;
        else rest.push(fe);
      }
    }
    setServerErrors(placed);
    setExtra(rest);
    const first = Object.keys(placed).map((k) => Number(k.split('.')[1])).sort((a, b) => a - b)[0];
    if (first !== undefined) setSelected(first);
  };

  const definitions = () => form.getValues('rules').map(toRuleDefinition);

  const onSave = form.handleSubmit(async (v) => {
    setSaved(null);
    setServerErrors({});
    try {
      const r = await save.mutateAsync({ rules: definitions(), comment: v.comment.trim() || null, baseVersion: current.version });
      setSaved(r.version);
    } catch (e) {
      placeErrors(e);
    }
  });

  const runTest = async () => {
    setServerErrors({});
    test.reset();
    try {
      await test.mutateAsync({ rules: definitions(), rows: parseSampleRows(sample) });
    } catch (e) {
      placeErrors(e);
    }
  };

  const createRuleFor = (item: UnmatchedItem) => {
    const index = rules.fields.length;
    setSelected(index);
    rules.append(
      newRule('EXACT', { name: uniqueName(`exact-${item.supplierItemCode}`, form.getValues('rules')), code: item.supplierItemCode }),
      { focusName: `rules.${index}.sku` },
    );
  };

  const addTestRow = (item: UnmatchedItem) => {
    const line = [item.supplierItemCode, item.jan ?? '', '', '', ''].join(',');
    setSample((s) => (s.trim() === '' ? line : `${s.replace(/\n+$/, '')}\n${line}`));
  };

  const move = (from: number, to: number) => {
    rules.move(from, to);
    setSelected((sel) => (sel === from ? to : sel === to ? from : sel));
  };
  const remove = (i: number) => {
    rules.remove(i);
    setSelected((sel) => (sel === null ? null : sel === i ? (rules.fields.length > 1 ? Math.max(0, i - 1) : null) : sel > i ? sel - 1 : sel));
  };

  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const needle = filter.trim().toLowerCase();
  const values = watched ?? [];
  const matching = rules.fields
    .map((f, i) => ({ f, i }))
    .filter(({ i }) => {
      const r = values[i];
      return !needle || !r || [r.name, r.code, r.sku, r.prefix, r.pattern, r.skuTemplate].some((x) => x.toLowerCase().includes(needle));
    });
  const withErrors = new Set(Object.keys(serverErrors).map((k) => Number(k.split('.')[1])));
  const limited = new Set(matching.slice(0, limit).map(({ i }) => i));
  const shown = rules.fields
    .map((f, i) => ({ f, i }))
    .filter(({ i }) => limited.has(i) || i >= loadedCount.current || withErrors.has(i));

  return (
    <>
      <p className="muted small">
        {t('rules.currentVersion', { version: current.version })}
        {current.createdAt && ` / ${formatDateTime(current.createdAt)}`}
        {current.createdBy && ` / ${current.createdBy}`}
      </p>
      <div className="rules-layout">
        <form onSubmit={onSave} noValidate aria-labelledby="rules-editor-title" className="rules-editor">
          <h2 id="rules-editor-title">{t('rules.editor')}</h2>
          <p className="muted small">{t('rules.orderHint')}</p>
          {!canEdit && <p className="alert alert-warn">{t('rules.readOnly')}</p>}
          {conflict ? (
            <div role="alert" className="alert alert-warn">
              <strong>{t('rules.conflictTitle')}</strong>
              <p>{t('rules.conflictBody')}</p>
              <button type="button" onClick={onReload}>
                {t('supplierEdit.reload')}
              </button>
            </div>
          ) : save.error ? (
            <ProblemAlert error={save.error} extra={extra} />
          ) : null}
          {saved !== null && (
            <p role="status" className="alert alert-ok">
              {t('rules.saved', { version: saved })}
            </p>
          )}
          {rules.fields.length === 0 && <p className="empty">{t('rules.empty')}</p>}
            {rules.fields.length > PAGE && (
              <div className="toolbar">
                <label>
                  {t('rules.filter')}{' '}
                  <input
                    type="search"
                    value={filter}
                    onChange={(e) => {
                      setFilter(e.target.value);
                      setLimit(PAGE);
                    }}
                  />
                </label>
                <span className="muted small" role="status">
                  {t('rules.showing', { shown: shown.length, total: rules.fields.length })}
                </span>
              </div>
            )}
            {rules.fields.length > 0 && (
              <div className="table-wrap">
                <table className="rule-table">
                  <caption className="sr-only">{t('rules.list')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('rules.name')}</th>
                      <th scope="col">{t('rules.matchType')}</th>
                      <th scope="col">{t('rules.matches')}</th>
                      <th scope="col">{t('rules.result')}</th>
                      <th scope="col">{t('rules.transformCount')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map(({ f, i }) => {
                      const r = values[i];
                      const label = t('rules.ruleN', { n: i + 1, name: r?.name || t('rules.unnamed') });
                      const sum = ruleSummary(r, t);
                      const errors = Object.entries(serverErrors).filter(([k]) => k.startsWith(`rules.${i}.`));
                      return (
                        <tr key={f.id} className={selected === i ? 'selected' : undefined} aria-current={selected === i ? 'true' : undefined}>
                          <td>{i + 1}</td>
                          <td>
                            {r?.name || t('rules.unnamed')}
                            {errors.length > 0 && <div className="field-error">{errors.map(([, m]) => m).join(' / ')}</div>}
                          </td>
                          <td>{r ? t(`rules.matchTypes.${r.type}`) : ''}</td>
                          <td className="mono">{sum.match}</td>
                          <td className="mono">{sum.result}</td>
                          <td>{r?.exclude ? '—' : (r?.transforms.length ?? 0)}</td>
                          <td className="actions">
                            <button type="button" onClick={() => setSelected(i)} aria-label={t(canEdit ? 'rules.editItem' : 'rules.viewItem', { item: label })} aria-pressed={selected === i}>
                              {canEdit ? t('rules.edit') : t('rules.view')}
                            </button>
                            {canEdit && (
                              <>
                            <button type="button" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('rules.moveUpItem', { item: label })}>
                              ↑
                            </button>
                            <button
                              type="button"
                              disabled={i === rules.fields.length - 1}
                              onClick={() => move(i, i + 1)}
                              aria-label={t('rules.moveDownItem', { item: label })}
                            >
                              ↓
                            </button>
                            <button type="button" className="danger" onClick={() => remove(i)} aria-label={t('rules.removeItem', { item: label })}>
                              {t('common.remove')}
                            </button>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            {matching.length > limit && (
              <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                {t('rules.showMore')}
              </button>
            )}
          {/* Viewers read the list and each rule; the editing controls below are for operators and admins. */}
          <fieldset disabled={!canEdit} className="plain">
            {canEdit && (
            <div className="toolbar">
              <label>
                {t('rules.newRuleType')}{' '}
                <select value={newType} onChange={(e) => setNewType(e.target.value as MatchType)}>
                  {MATCH_TYPES.map((m) => (
                    <option key={m} value={m}>
                      {t(`rules.matchTypes.${m}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => {
                  setSelected(rules.fields.length);
                  rules.append(newRule(newType, { name: uniqueName(`${newType.toLowerCase()}-${rules.fields.length + 1}`, form.getValues('rules')) }), {
                    focusName: `rules.${rules.fields.length}.name`,
                  });
                }}
              >
                {t('rules.addRule')}
              </button>
            </div>
            )}
            {selected !== null && selected < rules.fields.length && (
              <RuleCard key={rules.fields[selected]!.id} form={form} index={selected} errorOf={errorOf} />
            )}
            {canEdit && (
              <>
                <Field label={t('rules.comment')}>
                  <input type="text" maxLength={500} {...form.register('comment')} />
                </Field>
                <button type="submit" className="primary" disabled={save.isPending}>
                  {t('rules.save')}
                </button>
              </>
            )}
          </fieldset>
        </form>
        <div className="rules-side">
          <TestPane
            text={sample}
            onTextChange={setSample}
            onRun={() => void runTest()}
            running={test.isPending}
            error={test.error}
            result={test.data}
          />
          <UnmatchedPanel code={code} canEdit={canEdit} onCreateRule={createRuleFor} onAddTestRow={addTestRow} />
        </div>
      </div>
      <VersionsPanel code={code} currentVersion={current.version} canEdit={canEdit} />
    </>
  );
}

export function RulesPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useRuleSet(code);
  return (
    <>
      <p>
        <Link to={`/suppliers/${encodeURIComponent(code)}`}>← {t('rules.backToSupplier', { code })}</Link>
      </p>
      <h1>{t('rules.title', { code })}</h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {(current) => <Workspace code={code} current={current} onReload={() => void q.refetch()} />}
      </QueryState>
    </>
  );
}
