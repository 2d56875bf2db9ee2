import type { Download } from './api-client';

/** Hands a fetched file to the browser's "save" (an object URL, revoked right after). */
export function saveDownload(download: Download, fallbackName: string): string {
  const name = download.filename ?? fallbackName;
  const url = URL.createObjectURL(download.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
