import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { ApiError } from '@/lib/problem';
import { useCanEdit } from '@/lib/use-session';
import { fieldMessage } from '@/lib/validation';
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  TEMPLATE_FIELDS,
  isDelimited,
  passThrough,
  useCreateTemplate,
  useTemplatePreview,
  useTemplate,
  useUpdateTemplate,
  type ChannelTemplate,
  type ChannelTemplateRequest,
  type ExportEncoding,
  type ExportFormat,
} from './api';

interface ColumnValues {
  header: string;
  source: 'field' | 'value';
  field: string;
  value: string;
}

interface TemplateValues {
  code: string;
  name: string;
  format: ExportFormat;
  encoding: ExportEncoding;
  includeHeader: boolean;
  columns: ColumnValues[];
}

const schema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'validation.templateCode'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  format: z.enum(EXPORT_FORMATS),
  encoding: z.enum(EXPORT_ENCODINGS),
  includeHeader: z.boolean(),
  columns: z
    .array(
      z.object({
        header: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
        source: z.enum(['field', 'value']),
        field: z.string(),
        value: z.string().max(200, 'validation.tooLong'),
      }),
    )
    .min(1, 'validation.columnsRequired')
    .max(200, 'validation.tooLong'),
});

export function toTemplateRequest(v: TemplateValues): ChannelTemplateRequest {
  const json = !isDelimited(v.format);
  return {
    code: v.code,
    name: v.name.trim(),
    format: v.format,
    encoding: json ? 'UTF-8' : v.encoding,
    includeHeader: v.includeHeader,
    columns: v.columns.map((c) => (c.source === 'field' ? { header: c.header.trim(), field: c.field } : { header: c.header.trim(), value: c.value })),
  };
}

function toValues(t: ChannelTemplate | null): TemplateValues {
  return {
    code: t?.code ?? '',
    name: t?.name ?? '',
    format: t?.format ?? 'csv',
    encoding: t?.encoding ?? 'Windows-31J',
    includeHeader: t?.includeHeader ?? true,
    columns: t?.columns.map((c) => ({
      header: c.header,
      source: c.value !== null && c.value !== undefined ? 'value' : 'field',
      field: c.field ?? 'sku',
      value: c.value ?? '',
    })) ?? [
      { header: '商品コード', source: 'field', field: 'sku', value: '' },
      { header: '在庫数', source: 'field', field: 'quantity', value: '' },
    ],
  };
}

/** What the header line (CSV/TSV) or the first object's keys (JSON) will look like. */
function preview(v: TemplateValues): string {
  const cells = v.columns.map((c) => c.header);
  if (!isDelimited(v.format)) {
    return JSON.stringify(Object.fromEntries(v.columns.map((c) => [c.header, c.source === 'value' ? c.value : `<${c.field}>`])));
  }
  const sep = v.format === 'tsv' ? '\t' : ',';
  const quote = (s: string) => (v.format === 'csv' && /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const row = v.columns.map((c) => quote(c.source === 'value' ? c.value : `<${c.field}>`)).join(sep);
  return v.includeHeader ? `${cells.map(quote).join(sep)}\n${row}` : row;
}

function TemplateForm({ template }: { template: ChannelTemplate | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const isNew = template === null;
  const create = useCreateTemplate();
  const update = useUpdateTemplate(template?.code ?? '');
  const mutation = isNew ? create : update;
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const form = useForm<TemplateValues>({
    resolver: zodResolver(schema) as unknown as Resolver<TemplateValues>,
    defaultValues: toValues(template),
  });
  const columns = useFieldArray({ control: form.control, name: 'columns' });
  const values = form.watch();
  const err = (path: string) =>
    fieldMessage(t, (get(form.formState.errors, path) as { message?: string } | undefined)?.message) ??
    serverErrors[path.replace(/\.(\d+)\./, '[$1].')] ??
    serverErrors[path];

  const onSubmit = form.handleSubmit(async (v) => {
    setSaved(false);
    setServerErrors({});
    try {
      const body = toTemplateRequest(v);
      if (isNew) {
        await create.mutateAsync(body);
        navigate('/exports', { replace: true });
      } else {
        await update.mutateAsync({ ...passThrough(template), ...body });
        setSaved(true);
      }
    } catch (e) {
      if (e instanceof ApiError) setServerErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field.replace(/^\w+\.request\./, ''), f.message])));
    }
  });
  const notSupported = mutation.error instanceof ApiError && mutation.error.status === 405;
  const delimited = isDelimited(values.format);

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="template-form-title">
      <h2 id="template-form-title" className="sr-only">
        {isNew ? t('templates.newTitle') : t('templates.editTitle', { code: template.code })}
      </h2>
      {notSupported ? (
        <p role="alert" className="alert alert-warn">
          {t('templates.notSupported')}
        </p>
      ) : mutation.error ? (
        <ProblemAlert error={mutation.error} />
      ) : null}
      {saved && (
        <p role="status" className="alert alert-ok">
          {t('templates.saved')}
        </p>
      )}
      <fieldset disabled={!canEdit} className="plain">
        <div className="grid">
          <Field label={t('templates.code')} error={err('code')} hint={isNew ? t('templates.codeHint') : undefined}>
            <input type="text" readOnly={!isNew} {...form.register('code')} />
          </Field>
          <Field label={t('templates.name')} error={err('name')}>
            <input type="text" {...form.register('name')} />
          </Field>
          <Field label={t('exports.format')} error={err('format')}>
            <select {...form.register('format')}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`exports.formats.${f}`)}
                </option>
              ))}
            </select>
          </Field>
          {delimited && (
            <Field label={t('exports.encoding')} error={err('encoding')}>
              <select {...form.register('encoding')}>
                {EXPORT_ENCODINGS.map((x) => (
                  <option key={x} value={x}>
                    {t(`exports.encodings.${x}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        {delimited && (
          <label className="inline">
            <input type="checkbox" {...form.register('includeHeader')} /> {t('exports.header')}
          </label>
        )}
        <h3>{t('templates.columns')}</h3>
        {(err('columns') ?? err('columns.root')) && <div className="field-error">{err('columns') ?? err('columns.root')}</div>}
        <ol className="template-columns">
          {columns.fields.map((f, i) => {
            const label = t('templates.columnN', { n: i + 1 });
            const source = values.columns[i]?.source ?? 'field';
            return (
              <li key={f.id}>
                <fieldset>
                  <legend>{label}</legend>
                  <div className="inline-fields">
                    <Field label={t('templates.header')} error={err(`columns.${i}.header`)}>
                      <input type="text" {...form.register(`columns.${i}.header`)} />
                    </Field>
                    <Field label={t('templates.source')}>
                      <select {...form.register(`columns.${i}.source`)}>
                        <option value="field">{t('templates.sourceField')}</option>
                        <option value="value">{t('templates.sourceValue')}</option>
                      </select>
                    </Field>
                    {source === 'field' ? (
                      <Field label={t('templates.field')} error={err(`columns.${i}.field`)}>
                        <select {...form.register(`columns.${i}.field`)}>
                          {TEMPLATE_FIELDS.map((x) => (
                            <option key={x} value={x}>
                              {t(`templates.fields.${x}`)} ({x})
                            </option>
                          ))}
                        </select>
                      </Field>
                    ) : (
                      <Field label={t('templates.value')} error={err(`columns.${i}.value`)}>
                        <input type="text" {...form.register(`columns.${i}.value`)} />
                      </Field>
                    )}
                  </div>
                  <div className="actions">
                    <button type="button" disabled={i === 0} onClick={() => columns.move(i, i - 1)} aria-label={t('rules.moveUpItem', { item: label })}>
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === columns.fields.length - 1}
                      onClick={() => columns.move(i, i + 1)}
                      aria-label={t('rules.moveDownItem', { item: label })}
                    >
                      ↓
                    </button>
                    <button type="button" className="danger" onClick={() => columns.remove(i)} aria-label={t('rules.removeItem', { item: label })}>
                      {t('common.remove')}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" onClick={() => columns.append({ header: '', source: 'field', field: 'sku', value: '' }, { focusName: `columns.${columns.fields.length}.header` })}>
          {t('templates.addColumn')}
        </button>
      </fieldset>
      <section aria-labelledby="template-preview-title">
        <h3 id="template-preview-title">{t('templates.preview')}</h3>
        <p className="muted small">{t('templates.previewHint')}</p>
        <pre className="preview" data-testid="template-preview">
          {preview(values)}
        </pre>
      </section>
      {!isNew && <ServerPreview code={template.code} />}
      {canEdit && (
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {isNew ? t('templates.create') : t('common.save')}
        </button>
      )}
    </form>
  );
}

/** The saved template's first rows with real data, from export-service (when it has the preview API). */
function ServerPreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const q = useTemplatePreview(code, shown);
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 405);
  return (
    <section aria-labelledby="server-preview-title">
      <h3 id="server-preview-title">{t('templates.serverPreview')}</h3>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)}>
          {t('templates.showServerPreview')}
        </button>
      ) : missing ? (
        <p className="muted">{t('templates.previewPending')}</p>
      ) : (
        <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.rows.length === 0} empty={t('templates.previewEmpty')}>
          {(p) => (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('templates.serverPreview')}</caption>
                <thead>
                  <tr>
                    {p.headers.map((h, i) => (
                      <th key={i} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((c, j) => (
                        <td key={j}>{c ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      )}
    </section>
  );
}

export function TemplateNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/exports">← {t('templates.back')}</Link>
      </p>
      <h1>{t('templates.newTitle')}</h1>
      <TemplateForm template={null} />
    </>
  );
}

export function TemplateEditPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const q = useTemplate(code);
  return (
    <>
      <p>
        <Link to="/exports">← {t('templates.back')}</Link>
      </p>
      <h1>{t('templates.editTitle', { code })}</h1>
      <QueryState isPending={q.isPending} error={q.error} data={q.data}>
        {(tpl) => <TemplateForm key={tpl.code} template={tpl} />}
      </QueryState>
    </>
  );
}
