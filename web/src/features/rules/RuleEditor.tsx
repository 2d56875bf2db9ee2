import { get, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { fieldMessage } from '@/lib/validation';
import {
  MATCH_TYPES,
  ROUNDING_MODES,
  ROUNDING_UNITS,
  TAX_RATES,
  TRANSFORM_TYPES,
  newTransform,
  type RuleValues,
  type RulesFormValues,
  type TransformType,
} from './rule-model';

type Form = UseFormReturn<RulesFormValues>;
export type ErrorOf = (path: string) => string | undefined;

/** The message for an input: the client check, then the API's error for that path. */
export function useErrorOf(form: Form, serverErrors: Record<string, string>): ErrorOf {
  const { t } = useTranslation();
  return (path) =>
    fieldMessage(t, (get(form.formState.errors, path) as { message?: string } | undefined)?.message) ?? serverErrors[path];
}

function SymbolsEditor({ form, path, label }: { form: Form; path: `rules.${number}.transforms.${number}.symbols`; label: string }) {
  const { t } = useTranslation();
  const symbols = useFieldArray({ control: form.control, name: path });
  return (
    <div className="symbols">
      <table className="compact">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profile.symbol')}</th>
            <th scope="col">{t('profile.quantity')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {symbols.fields.map((f, k) => (
            <tr key={f.id}>
              <td>
                <input type="text" className="short" aria-label={t('profile.symbolN', { n: k + 1 })} {...form.register(`${path}.${k}.symbol`)} />
              </td>
              <td>
                <input type="number" min={0} aria-label={t('profile.quantityN', { n: k + 1 })} {...form.register(`${path}.${k}.quantity`)} />
              </td>
              <td>
                <button type="button" onClick={() => symbols.remove(k)} aria-label={t('profile.removeSymbol', { n: k + 1 })}>
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => symbols.append({ symbol: '', quantity: '0' })}>
        {t('profile.addSymbol')}
      </button>
    </div>
  );
}

function TransformsEditor({ form, index, errorOf, ruleLabel }: { form: Form; index: number; errorOf: ErrorOf; ruleLabel: string }) {
  const { t } = useTranslation();
  const transforms = useFieldArray({ control: form.control, name: `rules.${index}.transforms` });
  // useWatch, not watch: typing in one rule re-renders that rule, not the whole (possibly long) list.
  const values = useWatch({ control: form.control, name: `rules.${index}.transforms` });
  const listError = errorOf(`rules.${index}.transforms`);
  return (
    <div className="transforms">
      <h4>{t('rules.transforms')}</h4>
      {listError && <div className="field-error">{listError}</div>}
      {transforms.fields.length === 0 && <p className="muted small">{t('rules.noTransforms')}</p>}
      <ol>
        {transforms.fields.map((f, j) => {
          const p = `rules.${index}.transforms.${j}` as const;
          const type = values?.[j]?.type ?? 'TAX_INCLUDE';
          const label = t('rules.transformN', { n: j + 1, rule: ruleLabel });
          return (
            <li key={f.id} className="transform" aria-label={label}>
              <div className="inline-fields">
                <Field label={t('rules.transformType')} error={errorOf(`${p}.type`)}>
                  <select {...form.register(`${p}.type`)}>
                    {TRANSFORM_TYPES.map((tt) => (
                      <option key={tt} value={tt}>
                        {t(`rules.transformTypes.${tt}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                {(type === 'TAX_INCLUDE' || type === 'TAX_EXCLUDE') && (
                  <Field label={t('rules.rate')} error={errorOf(`${p}.rate`)}>
                    <select {...form.register(`${p}.rate`)}>
                      {TAX_RATES.map((r) => (
                        <option key={r} value={r}>
                          {t(`rules.rates.${r}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {type === 'MARKUP_PERCENT' && (
                  <Field label={t('rules.percent')} error={errorOf(`${p}.percent`)}>
                    <input type="number" step="0.01" {...form.register(`${p}.percent`)} />
                  </Field>
                )}
                {type === 'MARKUP_FIXED' && (
                  <Field label={t('rules.amount')} error={errorOf(`${p}.amount`)}>
                    <input type="number" step="1" {...form.register(`${p}.amount`)} />
                  </Field>
                )}
                {type === 'ROUND' && (
                  <>
                    <Field label={t('rules.mode')} error={errorOf(`${p}.mode`)}>
                      <select {...form.register(`${p}.mode`)}>
                        {ROUNDING_MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(`rules.modes.${m}`)}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <Field label={t('rules.unit')} error={errorOf(`${p}.unit`)}>
                      <select {...form.register(`${p}.unit`)}>
                        {ROUNDING_UNITS.map((u) => (
                          <option key={u} value={u}>
                            {t('rules.yen', { n: u })}
                          </option>
                        ))}
                      </select>
                    </Field>
                  </>
                )}
                {type === 'PACK' && (
                  <Field label={t('rules.unitsPerCase')} error={errorOf(`${p}.unitsPerCase`)}>
                    <input type="number" min={1} {...form.register(`${p}.unitsPerCase`)} />
                  </Field>
                )}
                {(type === 'THRESHOLD' || type === 'SAFETY_BUFFER' || type === 'CAP') && (
                  <Field label={t(`rules.valueFor.${type}`)} error={errorOf(`${p}.value`)}>
                    <input type="number" min={0} {...form.register(`${p}.value`)} />
                  </Field>
                )}
              </div>
              {type === 'STOCK_SYMBOLS' && (
                <>
                  <SymbolsEditor form={form} path={`${p}.symbols`} label={label} />
                  {errorOf(`${p}.symbols`) && <div className="field-error">{errorOf(`${p}.symbols`)}</div>}
                </>
              )}
              <p className="muted small">{t(`rules.transformHelp.${type as TransformType}`)}</p>
              <div className="actions">
                <button type="button" disabled={j === 0} onClick={() => transforms.move(j, j - 1)} aria-label={t('rules.moveUpItem', { item: label })}>
                  ↑
                </button>
                <button
                  type="button"
                  disabled={j === transforms.fields.length - 1}
                  onClick={() => transforms.move(j, j + 1)}
                  aria-label={t('rules.moveDownItem', { item: label })}
                >
                  ↓
                </button>
                <button type="button" className="danger" onClick={() => transforms.remove(j)} aria-label={t('rules.removeItem', { item: label })}>
                  {t('common.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => transforms.append(newTransform())}>
        {t('rules.addTransform')}
      </button>
    </div>
  );
}

export function RuleCard({ form, index, errorOf }: { form: Form; index: number; errorOf: ErrorOf }) {
  const { t } = useTranslation();
  const p = `rules.${index}` as const;
  const rule = useWatch({ control: form.control, name: p });
  const label = t('rules.ruleN', { n: index + 1, name: rule?.name || t('rules.unnamed') });
  const type = rule?.type ?? 'EXACT';
  const exclude = rule?.exclude ?? false;
  return (
    <div className="card rule">
      <fieldset>
        <legend>{label}</legend>
        <div className="grid">
          <Field label={t('rules.name')} error={errorOf(`${p}.name`)}>
            <input type="text" {...form.register(`${p}.name`)} />
          </Field>
          <Field label={t('rules.matchType')} error={errorOf(`${p}.type`)}>
            <select {...form.register(`${p}.type`)}>
              {MATCH_TYPES.map((m) => (
                <option key={m} value={m}>
                  {t(`rules.matchTypes.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          {type === 'EXACT' && (
            <Field label={t('rules.code')} error={errorOf(`${p}.code`)}>
              <input type="text" {...form.register(`${p}.code`)} />
            </Field>
          )}
          {type === 'EXACT' && !exclude && (
            <Field label={t('rules.sku')} error={errorOf(`${p}.sku`)}>
              <input type="text" {...form.register(`${p}.sku`)} />
            </Field>
          )}
          {type === 'PREFIX' && (
            <Field label={t('rules.prefix')} error={errorOf(`${p}.prefix`)}>
              <input type="text" {...form.register(`${p}.prefix`)} />
            </Field>
          )}
          {type === 'REGEX' && (
            <Field label={t('rules.pattern')} error={errorOf(`${p}.pattern`)} hint={t('rules.patternHint')}>
              <input type="text" className="mono" {...form.register(`${p}.pattern`)} />
            </Field>
          )}
          {(type === 'PREFIX' || type === 'REGEX') && !exclude && (
            <Field
              label={t('rules.skuTemplate')}
              error={errorOf(`${p}.skuTemplate`)}
              hint={type === 'PREFIX' ? t('rules.skuTemplatePrefixHint') : t('rules.skuTemplateRegexHint')}
            >
              <input type="text" className="mono" placeholder={type === 'PREFIX' ? '{code}' : 'SG-{1}'} {...form.register(`${p}.skuTemplate`)} />
            </Field>
          )}
        </div>
        {type === 'JAN' && <p className="muted small">{t('rules.janHint')}</p>}
        <label className="inline">
          <input type="checkbox" {...form.register(`${p}.exclude`)} /> {t('rules.exclude')}
        </label>
        <p className="muted small">{t('rules.excludeHint')}</p>
        {!exclude && <TransformsEditor form={form} index={index} errorOf={errorOf} ruleLabel={label} />}
      </fieldset>
    </div>
  );
}

/** One line per rule: what it matches and makes, for scanning long rule sets. */
export function ruleSummary(r: RuleValues | undefined, t: (k: string, o?: Record<string, unknown>) => string): { match: string; result: string } {
  if (!r) return { match: '', result: '' };
  const match =
    r.type === 'EXACT' ? r.code : r.type === 'PREFIX' ? `${r.prefix}…` : r.type === 'REGEX' ? r.pattern : t('rules.matchTypes.JAN');
  const result = r.exclude
    ? t('rules.excluded')
    : r.type === 'EXACT'
      ? r.sku
      : r.type === 'JAN'
        ? t('rules.byJan')
        : r.skuTemplate || '{code}';
  return { match, result };
}
