import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Field } from '@/components/Field';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Loading, QueryState } from '@/components/QueryState';
import { formatNumber } from '@/lib/format';
import { useSupplier, useSuppliers } from '@/features/suppliers/api';
import { isWaiting, previewFile, uploadFile, useRun, type Preview, type UploadResult } from './api';
import { Counts, DecisionPanel, GuardReasons, ProductCreation, RunDiff, RunProgressBar, StatusBadge, formatBytes } from './RunParts';

type Step = 'supplier' | 'file' | 'preview' | 'upload' | 'result';
const STEPS: Step[] = ['supplier', 'file', 'preview', 'upload', 'result'];

/** The supplier file, previewed with the supplier's profile, then uploaded (a dry run by default). */
export function UploadPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const supplierCode = params.get('supplier') ?? '';
  const suppliers = useSuppliers();
  const supplier = useSupplier(supplierCode || undefined);
  const profile = supplier.data?.data.profile ?? null;

  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  // Remounts the file input after "import another file", so the same file can be chosen again.
  const [inputKey, setInputKey] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [dryRun, setDryRun] = useState(true);
  const [partial, setPartial] = useState(false);
  const [createProducts, setCreateProducts] = useState(false);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const abort = useRef<AbortController | null>(null);
  const qc = useQueryClient();
  const run = useRun(result?.run.id);
  const current = run.data ?? result?.run;

  useEffect(() => () => abort.current?.abort(), []);

  // A new file or supplier: preview again with the supplier's profile.
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!file || !profile) return;
    let live = true;
    setPreviewing(true);
    previewFile(file, profile)
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setPreviewError(e))
      .finally(() => live && setPreviewing(false));
    return () => {
      live = false;
    };
  }, [file, profile]);

  const step: Step = result ? 'result' : progress ? 'upload' : preview || previewError ? 'preview' : supplierCode ? 'file' : 'supplier';

  const chooseSupplier = (code: string) => {
    setResult(null);
    setProgress(null);
    setParams(code ? { supplier: code } : {}, { replace: true });
  };
  const chooseFile = (f: File | null | undefined) => {
    setResult(null);
    setProgress(null);
    setUploadError(null);
    setFile(f ?? null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    chooseFile(e.dataTransfer.files?.[0]);
  };

  const upload = async () => {
    if (!file || !supplierCode) return;
    setUploadError(null);
    setProgress({ loaded: 0, total: file.size });
    abort.current = new AbortController();
    try {
      const r = await uploadFile(supplierCode, file, {
        dryRun,
        partial,
        createProducts,
        onProgress: (loaded, total) => setProgress({ loaded, total }),
        signal: abort.current.signal,
      });
      qc.setQueryData(['import-run', r.run.id], r.run);
      void qc.invalidateQueries({ queryKey: ['import-runs'] });
      setResult(r);
    } catch (e) {
      setUploadError(e);
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <>
      <h1>{t('imports.uploadTitle')}</h1>
      <ol className="steps" aria-label={t('imports.stepsLabel')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {i + 1}. {t(`imports.step.${s}`)}
          </li>
        ))}
      </ol>

      <section aria-labelledby="pick-supplier">
        <h2 id="pick-supplier">{t('imports.step.supplier')}</h2>
        <QueryState isPending={suppliers.isPending} error={suppliers.error} data={suppliers.data} isEmpty={(d) => d.length === 0} empty={t('imports.noSuppliers')}>
          {(list) => (
            <Field label={t('imports.supplier')}>
              <select value={supplierCode} onChange={(e) => chooseSupplier(e.target.value)}>
                <option value="">{t('imports.chooseSupplier')}</option>
                {list.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.code} {s.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </QueryState>
        {supplierCode && supplier.isPending && <Loading />}
        {supplier.error ? <ProblemAlert error={supplier.error} /> : null}
        {supplier.data && !profile && (
          <p role="alert" className="alert alert-warn">
            {t('imports.noProfile')} <Link to={`/suppliers/${encodeURIComponent(supplierCode)}`}>{t('imports.editSupplier')}</Link>
          </p>
        )}
        {profile && (
          <p className="muted small" data-testid="profile-summary">
            {t('imports.profileSummary', { format: profile.format ?? 'CSV', encoding: profile.encoding ?? 'UTF-8' })}
          </p>
        )}
      </section>

      {supplierCode && profile && (
        <section aria-labelledby="pick-file">
          <h2 id="pick-file">{t('imports.step.file')}</h2>
          <label
            className={`dropzone${over ? ' over' : ''}`}
            data-testid="dropzone"
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            <span>{t('imports.dropHere')}</span>
            <input key={inputKey} type="file" aria-label={t('imports.fileInput')} onChange={(e) => chooseFile(e.target.files?.[0])} />
          </label>
          {file && (
            <p className="small">
              {t('imports.chosenFile', { name: file.name, size: formatBytes(file.size) })}
            </p>
          )}
        </section>
      )}

      {file && profile && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('imports.step.preview')}</h2>
          {previewing && <Loading label={t('imports.previewing')} />}
          <ProblemAlert error={previewError} />
          {preview && <PreviewTable preview={preview} />}
        </section>
      )}

      {file && profile && (preview || previewError) && !result && (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('imports.step.upload')}</h2>
          <fieldset className="plain">
            <legend className="sr-only">{t('imports.options')}</legend>
            <label className="inline">
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> {t('imports.dryRunOption')}
            </label>
            <label className="inline">
              <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} /> {t('imports.partialOption')}
            </label>
            <label className="inline">
              <input type="checkbox" checked={createProducts} onChange={(e) => setCreateProducts(e.target.checked)} /> {t('imports.createProductsOption')}
            </label>
          </fieldset>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void upload()} disabled={!!progress}>
              {dryRun ? t('imports.uploadDryRun') : t('imports.uploadRun')}
            </button>
            {progress && (
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('imports.cancelUpload')}
              </button>
            )}
          </div>
          {progress && (
            <div className="run-progress">
              <progress max={100} value={percent} aria-label={t('imports.uploadProgress')} />
              <span className="small" aria-live="polite">
                {t('imports.uploaded', { percent, loaded: formatBytes(progress.loaded), total: formatBytes(progress.total) })}
              </span>
            </div>
          )}
          <ProblemAlert error={uploadError} />
        </section>
      )}

      {result && current && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">
            {t('imports.runTitle', { id: current.id })} <StatusBadge status={current.status} />
          </h2>
          {result.duplicateOf !== null && (
            <p role="status" className="alert alert-warn">
              {t('imports.duplicate', { id: result.duplicateOf })}
            </p>
          )}
          <RunProgressBar status={current.status} rowsTotal={current.rowsTotal} rowsPerSecond={current.rowsPerSecond} label={t('imports.runProgress')} />
          <Counts run={current} />
          <ProductCreation run={current} />
          {current.errorCode && (
            <p role="alert" className="alert alert-error">
              {current.errorCode}: {current.errorMessage}
            </p>
          )}
          <GuardReasons run={current} />
          {isWaiting(current) && (
            <>
              <h3>{t('imports.diffTitle')}</h3>
              <RunDiff run={current} />
              <DecisionPanel run={current} onDecided={(r) => qc.setQueryData(['import-run', r.id], r)} />
            </>
          )}
          {current.status === 'committed' && <p role="status" className="alert alert-ok">{t('imports.committed')}</p>}
          {current.status === 'rejected' && <p role="status" className="alert alert-warn">{t('imports.rejected')}</p>}
          <p>
            <Link to={`/imports/${current.id}`}>{t('imports.openRun', { id: current.id })}</Link>
          </p>
          <button
            type="button"
            onClick={() => {
              setResult(null);
              setProgress(null);
              setFile(null);
              setInputKey((k) => k + 1);
            }}
          >
            {t('imports.another')}
          </button>
        </section>
      )}
    </>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="kv">
        <div>
          <dt>{t('imports.detectedEncoding')}</dt>
          <dd data-testid="detected-encoding">{preview.detectedEncoding ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('imports.profileEncoding')}</dt>
          <dd>{preview.profileEncoding}</dd>
        </div>
        <div>
          <dt>{t('imports.previewErrors')}</dt>
          <dd>{formatNumber(preview.errors)}</dd>
        </div>
      </dl>
      {preview.encodingMismatch && (
        <p role="alert" className="alert alert-warn">
          {t('imports.encodingMismatch', { detected: preview.detectedEncoding, profile: preview.profileEncoding })}
        </p>
      )}
      {preview.headers && preview.headers.length > 0 && (
        <p className="small">
          {t('imports.columns')}: {preview.headers.join(', ')}
        </p>
      )}
      {preview.rows.length === 0 ? (
        <p className="empty">{t('imports.previewEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table aria-label={t('imports.previewTable')}>
            <thead>
              <tr>
                <th scope="col">{t('imports.line')}</th>
                {(['code', 'jan', 'name', 'stock', 'cost'] as const).map((f) => (
                  <th key={f} scope="col">
                    {t(`imports.field.${f}`)}
                  </th>
                ))}
                <th scope="col">{t('imports.rowError')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className={r.error ? 'row-error' : undefined}>
                  <td>{r.line}</td>
                  <td>{r.code ?? ''}</td>
                  <td>{r.jan ?? ''}</td>
                  <td>{r.name ?? ''}</td>
                  <td>{r.stock ?? ''}</td>
                  <td>{r.cost ?? ''}</td>
                  <td>{r.error ? <span className="field-error">{r.error}</span> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
