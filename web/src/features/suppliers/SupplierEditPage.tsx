import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/problem';
import { formatDateTime } from '@/lib/format';
import { useCanEdit } from '@/lib/use-session';
import { fieldMessage } from '@/lib/validation';
import {
  ENCODINGS,
  FORMATS,
  MISSING_POLICIES,
  PROFILE_FIELDS,
  SOURCE_TYPES,
  THOUSANDS_SEPARATORS,
  useCreateSupplier,
  useReplaceSupplier,
  useSupplier,
  type SupplierView,
} from './api';
import { emptySupplierForm, formPathOf, supplierSchema, toFormValues, toRequest, type SupplierFormValues } from './supplier-form';

type ServerErrors = Record<string, string>;

function SupplierForm({
  supplier,
  etag,
  onReload,
}: {
  supplier: SupplierView | null;
  etag: string | null;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const isNew = supplier === null;
  const create = useCreateSupplier();
  const replace = useReplaceSupplier(supplier?.code ?? '');
  const mutation = isNew ? create : replace;
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [extra, setExtra] = useState<{ field: string; message: string }[]>([]);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    watch,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SupplierFormValues>({
    resolver: zodResolver(supplierSchema) as unknown as Resolver<SupplierFormValues>,
    defaultValues: supplier ? toFormValues(supplier) : emptySupplierForm(),
  });
  // A newer version (our own save, or a reload after someone else's) replaces what the form shows.
  const shownVersion = useRef(supplier?.version);
  useEffect(() => {
    if (!supplier || shownVersion.current === supplier.version) return;
    shownVersion.current = supplier.version;
    reset(toFormValues(supplier));
    setServerErrors({});
    if (replace.error) replace.reset();
  }, [supplier, reset, replace]);
  const symbols = useFieldArray({ control, name: 'profile.stockSymbols' });
  const format = watch('profile.format');
  const sourceType = watch('source.type');
  const columns = watch('profile.columns');
  const headerRows = watch('profile.headerRows');
  const fixed = format === 'FIXED_WIDTH';

  /** The message for one input: the client check first, then the API's field error. */
  const err = (path: string): string | undefined =>
    fieldMessage(t, (get(errors, path) as { message?: string } | undefined)?.message) ?? serverErrors[path];

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setServerErrors({});
    setExtra([]);
    try {
      const body = toRequest(values);
      if (isNew) {
        const r = await create.mutateAsync(body);
        navigate(`/suppliers/${encodeURIComponent(r.data.code)}`, { replace: true, state: { created: true } });
      } else {
        await replace.mutateAsync({ body, etag });
        setSaved(true);
      }
    } catch (e) {
      if (e instanceof ApiError) {
        const placed: ServerErrors = {};
        const rest: { field: string; message: string }[] = [];
        for (const fe of e.fieldErrors) {
          const path = formPathOf(fe.field);
          if (path) placed[path] = placed[path] ? `${placed[path]} / ${fe.message}` : fe.message;
          else rest.push(fe);
        }
        setServerErrors(placed);
        setExtra(rest);
      }
    }
  });

  const stale = mutation.error instanceof ApiError && mutation.error.status === 412;
  const readOnly = !canEdit;

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="supplier-form-title">
      <h2 id="supplier-form-title" className="sr-only">
        {isNew ? t('supplierEdit.newTitle') : t('supplierEdit.editTitle', { code: supplier.code })}
      </h2>
      {readOnly && <p className="alert alert-warn">{t('supplierEdit.readOnly')}</p>}
      {stale ? (
        <div role="alert" className="alert alert-warn">
          <strong>{t('supplierEdit.staleTitle')}</strong>
          <p>{t('supplierEdit.staleBody')}</p>
          <button type="button" onClick={onReload}>
            {t('supplierEdit.reload')}
          </button>
        </div>
      ) : mutation.error ? (
        <ProblemAlert error={mutation.error} extra={extra} />
      ) : null}
      {saved && (
        <p role="status" className="alert alert-ok">
          {t('supplierEdit.saved')}
        </p>
      )}
      <fieldset disabled={readOnly} className="plain">
        <fieldset>
          <legend>{t('supplierEdit.basics')}</legend>
          <div className="grid">
            <Field label={t('suppliers.code')} error={err('code')} hint={isNew ? t('supplierEdit.codeHint') : undefined}>
              <input type="text" readOnly={!isNew} autoComplete="off" {...register('code')} />
            </Field>
            <Field label={t('suppliers.name')} error={err('name')}>
              <input type="text" autoComplete="off" {...register('name')} />
            </Field>
            <Field label={t('suppliers.priority')} error={err('priority')} hint={t('supplierEdit.priorityHint')}>
              <input type="number" min={0} max={10000} {...register('priority')} />
            </Field>
            <Field label={t('suppliers.contactName')} error={err('contactName')}>
              <input type="text" {...register('contactName')} />
            </Field>
            <Field label={t('suppliers.contactEmail')} error={err('contactEmail')}>
              <input type="email" {...register('contactEmail')} />
            </Field>
          </div>
          <label className="inline">
            <input type="checkbox" {...register('active')} /> {t('supplierEdit.active')}
          </label>
        </fieldset>

        <fieldset>
          <legend>{t('profile.title')}</legend>
          <div className="grid">
            <Field label={t('profile.format')} error={err('profile.format')}>
              <select {...register('profile.format')}>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`profile.formats.${f}`)}
                  </option>
                ))}
              </select>
            </Field>
            {format !== 'XLSX' && (
              <Field label={t('profile.encoding')} error={err('profile.encoding')}>
                <select {...register('profile.encoding')}>
                  {ENCODINGS.map((e) => (
                    <option key={e} value={e}>
                      {t(`profile.encodings.${e}`)}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            {format === 'CSV' && (
              <Field label={t('profile.delimiter')} error={err('profile.delimiter')} hint={t('profile.delimiterHint')}>
                <input type="text" maxLength={1} className="short" {...register('profile.delimiter')} />
              </Field>
            )}
            {(format === 'CSV' || format === 'TSV') && (
              <Field label={t('profile.quote')} error={err('profile.quote')} hint={t('profile.quoteHint')}>
                <input type="text" maxLength={1} className="short" {...register('profile.quote')} />
              </Field>
            )}
            <Field label={t('profile.headerRows')} error={err('profile.headerRows')} hint={t('profile.headerRowsHint')}>
              <input type="number" min={0} max={10} {...register('profile.headerRows')} />
            </Field>
            <Field label={t('profile.skipRows')} error={err('profile.skipRows')} hint={t('profile.skipRowsHint')}>
              <input type="number" min={0} max={1000} {...register('profile.skipRows')} />
            </Field>
            <Field label={t('profile.decimalSeparator')} error={err('profile.decimalSeparator')}>
              <select {...register('profile.decimalSeparator')}>
                <option value=".">{t('profile.sep.dot')}</option>
                <option value=",">{t('profile.sep.comma')}</option>
              </select>
            </Field>
            <Field label={t('profile.thousandsSeparator')} error={err('profile.thousandsSeparator')}>
              <select {...register('profile.thousandsSeparator')}>
                {THOUSANDS_SEPARATORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`profile.sep.${{ ',': 'comma', '.': 'dot', ' ': 'space', "'": 'apostrophe', '': 'none' }[s]}`)}
                  </option>
                ))}
              </select>
            </Field>
            {format === 'XLSX' && (
              <Field label={t('profile.sheetName')} error={err('profile.sheetName')} hint={t('profile.sheetNameHint')}>
                <input type="text" {...register('profile.sheetName')} />
              </Field>
            )}
          </div>

          <h3>{t('profile.columns')}</h3>
          <p className="muted small">{fixed ? t('profile.columnsFixedHint') : t('profile.columnsHint')}</p>
          {err('profile.columns') && <div className="field-error">{err('profile.columns')}</div>}
          <div className="table-wrap">
            <table className="columns-table">
              <thead>
                <tr>
                  <th scope="col">{t('profile.field')}</th>
                  <th scope="col">{t('profile.locateBy')}</th>
                  <th scope="col">{t('profile.where')}</th>
                </tr>
              </thead>
              <tbody>
                {PROFILE_FIELDS.map((f) => {
                  const c = columns[f];
                  const mode = c.mode === 'none' ? 'none' : fixed ? 'bytes' : c.mode === 'bytes' ? 'position' : c.mode;
                  const label = t(`profile.fields.${f}`);
                  const rowError = err(`profile.columns.${f}`);
                  return (
                    <tr key={f}>
                      <th scope="row">{label}</th>
                      <td>
                        <select aria-label={t('profile.locateByFor', { field: label })} {...register(`profile.columns.${f}.mode`)}>
                          <option value="none">{t('profile.mode.none')}</option>
                          {!fixed && (
                            <option value="header" disabled={headerRows === '0'}>
                              {t('profile.mode.header')}
                            </option>
                          )}
                          {!fixed && <option value="position">{t('profile.mode.position')}</option>}
                          {fixed && <option value="bytes">{t('profile.mode.bytes')}</option>}
                        </select>
                      </td>
                      <td>
                        {mode === 'header' && (
                          <Field label={t('profile.headerName', { field: label })} error={err(`profile.columns.${f}.header`)}>
                            <input type="text" {...register(`profile.columns.${f}.header`)} />
                          </Field>
                        )}
                        {mode === 'position' && (
                          <Field label={t('profile.position', { field: label })} error={err(`profile.columns.${f}.position`)}>
                            <input type="number" min={1} max={1000} {...register(`profile.columns.${f}.position`)} />
                          </Field>
                        )}
                        {mode === 'bytes' && (
                          <div className="inline-fields">
                            <Field label={t('profile.startByte', { field: label })} error={err(`profile.columns.${f}.startByte`)}>
                              <input type="number" min={1} max={10000} {...register(`profile.columns.${f}.startByte`)} />
                            </Field>
                            <Field label={t('profile.endByte', { field: label })} error={err(`profile.columns.${f}.endByte`)}>
                              <input type="number" min={1} max={10000} {...register(`profile.columns.${f}.endByte`)} />
                            </Field>
                          </div>
                        )}
                        {rowError && <div className="field-error">{rowError}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>

          <h3 id="symbols-title">{t('profile.stockSymbols')}</h3>
          <p className="muted small">{t('profile.stockSymbolsHint')}</p>
          {err('profile.stockSymbols') && <div className="field-error">{err('profile.stockSymbols')}</div>}
          <table aria-labelledby="symbols-title" className="compact">
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
              {symbols.fields.map((row, i) => (
                <tr key={row.id}>
                  <td>
                    <input type="text" aria-label={t('profile.symbolN', { n: i + 1 })} placeholder={t('profile.blank')} {...register(`profile.stockSymbols.${i}.symbol`)} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      aria-label={t('profile.quantityN', { n: i + 1 })}
                      aria-invalid={err(`profile.stockSymbols.${i}.quantity`) ? true : undefined}
                      {...register(`profile.stockSymbols.${i}.quantity`)}
                    />
                    {err(`profile.stockSymbols.${i}.quantity`) && (
                      <div className="field-error">{err(`profile.stockSymbols.${i}.quantity`)}</div>
                    )}
                  </td>
                  <td>
                    <button type="button" onClick={() => symbols.remove(i)} aria-label={t('profile.removeSymbol', { n: i + 1 })}>
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
        </fieldset>

        <fieldset>
          <legend>{t('source.title')}</legend>
          <div className="grid">
            <Field label={t('source.type')} error={err('source.type')}>
              <select {...register('source.type')}>
                {SOURCE_TYPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`source.types.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            {sourceType === 'DROP_FOLDER' && (
              <>
                <Field label={t('source.folder')} error={err('source.folder')} hint={t('source.folderHint')}>
                  <input type="text" {...register('source.folder')} />
                </Field>
                <Field label={t('source.filePattern')} error={err('source.filePattern')} hint={t('source.filePatternHint')}>
                  <input type="text" placeholder="*" {...register('source.filePattern')} />
                </Field>
              </>
            )}
            {sourceType === 'URL' && (
              <>
                <Field label={t('source.url')} error={err('source.url')} hint={t('source.urlHint')}>
                  <input type="url" {...register('source.url')} />
                </Field>
                <Field label={t('source.authHeaderName')} error={err('source.authHeaderName')}>
                  <input type="text" placeholder="Authorization" {...register('source.authHeaderName')} />
                </Field>
                <Field label={t('source.authSecretRef')} error={err('source.authSecretRef')} hint={t('source.authSecretRefHint')}>
                  <input type="text" autoComplete="off" {...register('source.authSecretRef')} />
                </Field>
              </>
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('schedule.title')}</legend>
          <Field label={t('schedule.cron')} error={err('scheduleCron')} hint={t('schedule.cronHint')}>
            <input type="text" placeholder="0 6 * * 1-5" className="mono" {...register('scheduleCron')} />
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('guard.title')}</legend>
          <p className="muted small">{t('guard.hint')}</p>
          <div className="grid">
            <Field label={t('guard.minRows')} error={err('guard.minRows')}>
              <input type="number" min={0} {...register('guard.minRows')} />
            </Field>
            <Field label={t('guard.maxRowDropPercent')} error={err('guard.maxRowDropPercent')}>
              <input type="number" min={0} max={100} step="0.1" {...register('guard.maxRowDropPercent')} />
            </Field>
            <Field label={t('guard.maxZeroStockPercent')} error={err('guard.maxZeroStockPercent')}>
              <input type="number" min={0} max={100} step="0.1" {...register('guard.maxZeroStockPercent')} />
            </Field>
            <Field label={t('guard.maxCostChangePercent')} error={err('guard.maxCostChangePercent')}>
              <input type="number" min={0} max={1000} step="0.1" {...register('guard.maxCostChangePercent')} />
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('missing.title')}</legend>
          {MISSING_POLICIES.map((p) => (
            <label key={p} className="inline">
              <input type="radio" value={p} {...register('missingItemsPolicy')} /> {t(`missing.${p}`)}
            </label>
          ))}
          {err('missingItemsPolicy') && <div className="field-error">{err('missingItemsPolicy')}</div>}
        </fieldset>
      </fieldset>
      {canEdit && (
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isNew ? t('supplierEdit.create') : t('common.save')}
        </button>
      )}
    </form>
  );
}

export function SupplierNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/suppliers">← {t('supplierEdit.back')}</Link>
      </p>
      <h1>{t('supplierEdit.newTitle')}</h1>
      <SupplierForm supplier={null} etag={null} />
    </>
  );
}

export function SupplierEditPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useSupplier(code);
  return (
    <>
      <p>
        <Link to="/suppliers">← {t('supplierEdit.back')}</Link>
      </p>
      <h1>{t('supplierEdit.editTitle', { code })}</h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {({ data, etag }) => (
          <>
            <p className="muted small">
              {t('supplierEdit.version', { version: data.version })} / {t('supplierEdit.updatedAt')}: {formatDateTime(data.updatedAt)}{' '}
              · <Link to={`/suppliers/${encodeURIComponent(data.code)}/rules`}>{t('rules.linkFor', { code: data.code })}</Link>
            </p>
            <SupplierForm key={data.code} supplier={data} etag={etag} onReload={() => void q.refetch()} />
          </>
        )}
      </QueryState>
    </>
  );
}
