import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { QueryState } from '@/components/QueryState';
import { saveDownload } from '@/lib/download';
import { formatDateTime, formatNumber } from '@/lib/format';
import { ApiError } from '@/lib/problem';
import { useCanEdit } from '@/lib/use-session';
import { useSuppliers } from '@/features/suppliers/api';
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_LEVELS,
  downloadExport,
  downloadJobFile,
  exportUrl,
  isDelimited,
  useDeleteTemplate,
  useExportJobs,
  useTemplates,
  type ExportJob,
  type ExportEncoding,
  type ExportFormat,
  type ExportLevel,
  type ExportParams,
} from './api';

/** datetime-local (read as JST) → ISO-8601 with +09:00, as the export API wants an offset. */
export function jstIso(local: string): string {
  if (!local) return '';
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}

function DownloadForm() {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  const [level, setLevel] = useState<ExportLevel>('product');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [encoding, setEncoding] = useState<ExportEncoding>('Windows-31J');
  const [header, setHeader] = useState(true);
  const [selected, setSelected] = useState<string[]>([]);
  const [skus, setSkus] = useState('');
  const [inStock, setInStock] = useState(false);
  const [changedSince, setChangedSince] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ name: string; size: number; substituted: boolean } | null>(null);
  const delimited = isDelimited(format);
  const params: ExportParams = {
    level,
    format,
    encoding,
    header,
    suppliers: selected,
    skus: skus.split(/[\s,]+/).filter(Boolean),
    inStock,
    changedSince: jstIso(changedSince),
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const d = await downloadExport(params);
      const name = saveDownload(d, `stock-${level}.${format}`);
      setDone({ name, size: d.blob.size, substituted: d.headers.get('X-Export-Unmappable-Replacement') !== null });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = error instanceof ApiError ? Object.fromEntries(error.fieldErrors.map((f) => [f.field, f.message])) : {};

  return (
    <form className="card form" aria-labelledby="download-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="download-title">{t('exports.download')}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      {done && (
        <p role="status" className="alert alert-ok">
          {t('exports.downloaded', { name: done.name, size: formatNumber(done.size) })}
          {done.substituted && <span className="muted small"> {t('exports.substitutionNote')}</span>}
        </p>
      )}
      <div className="grid">
        <Field label={t('exports.level')} error={fieldErrors.level} hint={t(`exports.levelHint.${level}`)}>
          <select value={level} onChange={(e) => setLevel(e.target.value as ExportLevel)}>
            {EXPORT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`exports.levels.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('exports.format')} error={fieldErrors.format}>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`exports.formats.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('exports.encoding')} error={fieldErrors.encoding} hint={delimited ? undefined : t('exports.jsonUtf8')}>
          <select value={delimited ? encoding : 'UTF-8'} disabled={!delimited} onChange={(e) => setEncoding(e.target.value as ExportEncoding)}>
            {EXPORT_ENCODINGS.map((x) => (
              <option key={x} value={x}>
                {t(`exports.encodings.${x}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('exports.sku')} error={fieldErrors.sku} hint={t('exports.skuHint')}>
          <input type="text" value={skus} onChange={(e) => setSkus(e.target.value)} />
        </Field>
        <Field label={t('exports.changedSince')} error={fieldErrors.changedSince} hint={t('exports.changedSinceHint')}>
          <input type="datetime-local" value={changedSince} onChange={(e) => setChangedSince(e.target.value)} />
        </Field>
        {level === 'supplier' && (
          <Field label={t('exports.suppliers')} error={fieldErrors.supplier} hint={t('exports.suppliersHint')}>
            <select
              multiple
              size={Math.min(6, Math.max(2, suppliers.data?.length ?? 2))}
              value={selected}
              onChange={(e) => setSelected([...e.target.selectedOptions].map((o) => o.value))}
            >
              {(suppliers.data ?? []).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} {s.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <label className="inline">
        <input type="checkbox" checked={delimited && header} disabled={!delimited} onChange={(e) => setHeader(e.target.checked)} />{' '}
        {t('exports.header')}
      </label>
      <label className="inline">
        <input type="checkbox" checked={inStock} onChange={(e) => setInStock(e.target.checked)} /> {t('exports.inStock')}
      </label>
      <p className="muted small">
        {t('exports.apiUrl')}: <code data-testid="export-url">{exportUrl(params)}</code>
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('exports.downloading') : t('exports.downloadSubmit')}
      </button>
    </form>
  );
}

function Templates() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const q = useTemplates();
  const del = useDeleteTemplate();
  const remove = (code: string) => {
    if (window.confirm(t('templates.deleteConfirm', { code }))) del.mutate(code);
  };
  const notSupported = del.error instanceof ApiError && del.error.status === 405;
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <p className="muted small">{t('templates.intro')}</p>
      {canEdit && (
        <p>
          <Link to="/exports/templates/new">{t('templates.new')}</Link>
        </p>
      )}
      {notSupported ? (
        <p role="alert" className="alert alert-warn">
          {t('templates.notSupported')}
        </p>
      ) : del.error ? (
        <ProblemAlert error={del.error} />
      ) : null}
      <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('templates.empty')}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('templates.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('templates.code')}</th>
                  <th scope="col">{t('templates.name')}</th>
                  <th scope="col">{t('exports.format')}</th>
                  <th scope="col">{t('exports.encoding')}</th>
                  <th scope="col">{t('templates.columnCount')}</th>
                  <th scope="col">{t('templates.updatedAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((tpl) => (
                  <tr key={tpl.code}>
                    <td>
                      <Link to={`/exports/templates/${encodeURIComponent(tpl.code)}`}>{tpl.code}</Link>
                    </td>
                    <td>{tpl.name}</td>
                    <td>{t(`exports.formats.${tpl.format}`, { defaultValue: tpl.format })}</td>
                    <td>{tpl.encoding}</td>
                    <td>{formatNumber(tpl.columns.length)}</td>
                    <td>{formatDateTime(tpl.updatedAt)}</td>
                    <td className="actions">
                      {canEdit && (
                        <button
                          type="button"
                          className="danger"
                          disabled={del.isPending}
                          onClick={() => remove(tpl.code)}
                          aria-label={t('templates.deleteFor', { code: tpl.code })}
                        >
                          {t('templates.delete')}
                        </button>
                      )}
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

/**
 * Export jobs and their files. export-service is adding the jobs API (GET /jobs); until a server has
 * it (404/405) this says so instead of showing an error.
 */
function ExportHistory() {
  const { t } = useTranslation();
  const q = useExportJobs();
  const [error, setError] = useState<unknown>(null);
  const pending = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 405);
  const download = async (job: ExportJob) => {
    setError(null);
    try {
      saveDownload(await downloadJobFile(job), job.fileName ?? `export-${job.id}.${job.format}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="export-history-title">
      <h2 id="export-history-title">{t('exports.history')}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      {pending ? (
        <p className="muted">{t('exports.historyPending')}</p>
      ) : (
        <QueryState isPending={q.isPending} error={q.error} data={q.data} isEmpty={(d) => d.length === 0} empty={t('exports.historyEmpty')}>
          {(jobs) => (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('exports.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('exports.jobId')}</th>
                    <th scope="col">{t('exports.jobTemplate')}</th>
                    <th scope="col">{t('exports.jobStatus')}</th>
                    <th scope="col" className="num">{t('exports.jobRows')}</th>
                    <th scope="col">{t('exports.jobRequestedBy')}</th>
                    <th scope="col">{t('exports.jobCreatedAt')}</th>
                    <th scope="col">{t('exports.jobFinishedAt')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.map((j) => (
                    <tr key={j.id}>
                      <td>{j.id}</td>
                      <td>{j.template ?? t(`exports.levels.${j.level ?? 'product'}`, { defaultValue: j.level ?? '' })}</td>
                      <td>
                        <span className={`badge badge-${j.status}`}>{t(`exports.jobStatuses.${j.status}`, { defaultValue: j.status })}</span>
                        {j.error && <div className="small">{j.error}</div>}
                      </td>
                      <td className="num">{formatNumber(j.rows)}</td>
                      <td>{j.requestedBy ?? j.trigger ?? '—'}</td>
                      <td>{formatDateTime(j.createdAt)}</td>
                      <td>{formatDateTime(j.finishedAt)}</td>
                      <td>
                        {j.file && (
                          <button type="button" onClick={() => void download(j)} aria-label={t('exports.jobDownloadFor', { id: j.id })}>
                            {t('exports.downloadSubmit')}
                          </button>
                        )}
                      </td>
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

export function ExportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('exports.title')}</h1>
      <DownloadForm />
      <Templates />
      <ExportHistory />
    </>
  );
}
