import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { formatDateTime } from '@/lib/format';
import { ApiError } from '@/lib/problem';
import { useCanEdit } from '@/lib/use-session';
import { useRuleSet, useSaveRules, useTestRules, type RuleSetView, type UnmatchedItem } from './api';
import { RuleCard, useErrorOf } from './RuleEditor';
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
  const errorOf = useErrorOf(form, serverErrors);
  // A new current version (saved here, restored, or reloaded after a conflict) replaces the draft.
  const shownVersion = useRef(current.version);
  useEffect(() => {
    if (shownVersion.current === current.version) return;
    shownVersion.current = current.version;
    form.reset({ rules: current.rules.map(toRuleValues), comment: '' });
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
    rules.append(
      newRule('EXACT', { name: uniqueName(`exact-${item.supplierItemCode}`, form.getValues('rules')), code: item.supplierItemCode }),
      { focusName: `rules.${index}.sku` },
    );
  };

  const addTestRow = (item: UnmatchedItem) => {
    const line = [item.supplierItemCode, item.jan ?? '', '', '', ''].join(',');
    setSample((s) => (s.trim() === '' ? line : `${s.replace(/\n+$/, '')}\n${line}`));
  };

  const conflict = save.error instanceof ApiError && save.error.status === 409;

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
          <fieldset disabled={!canEdit} className="plain">
            {rules.fields.length === 0 && <p className="empty">{t('rules.empty')}</p>}
            <ol className="rule-list">
              {rules.fields.map((f, i) => (
                <RuleCard key={f.id} form={form} rules={rules} index={i} errorOf={errorOf} />
              ))}
            </ol>
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
                onClick={() =>
                  rules.append(newRule(newType, { name: uniqueName(`${newType.toLowerCase()}-${rules.fields.length + 1}`, form.getValues('rules')) }), {
                    focusName: `rules.${rules.fields.length}.name`,
                  })
                }
              >
                {t('rules.addRule')}
              </button>
            </div>
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
