/**
 * Server-sent events over fetch, so the request carries the in-memory bearer token (EventSource
 * cannot send headers, and the token never goes into a URL or web storage). Reconnects after a
 * pause when the stream ends or fails; a 401 gets one silent refresh first.
 */
import { apiUrl } from '@/config/runtime';
import { problemFromResponse, toApiError } from './problem';
import { session } from './session';

/** Splits buffered SSE text into complete events' data; returns the rest (an incomplete event). */
export function parseEvents(buffer: string): { data: string[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const data: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''));
    if (lines.length) data.push(lines.join('\n'));
  }
  return { data, rest };
}

export interface EventStreamHandlers {
  onData: (data: string) => void;
  onOpen?: () => void;
  /** The stream failed or ended; it reconnects after retryMs unless aborted. */
  onError?: (error: unknown) => void;
}

export async function streamEvents(
  path: string,
  handlers: EventStreamHandlers,
  signal: AbortSignal,
  retryMs = 3000,
): Promise<void> {
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  let refreshed = false;
  while (!signal.aborted) {
    try {
      const token = session.getAccessToken();
      const res = await fetch(apiUrl(path), {
        headers: { Accept: 'text/event-stream', 'Cache-Control': 'no-cache', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal,
      });
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        if (await session.recoverFromUnauthorized()) continue;
        return;
      }
      if (!res.ok || !res.body) throw await problemFromResponse(res);
      refreshed = false;
      handlers.onOpen?.();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEvents(buffer);
        buffer = parsed.rest;
        parsed.data.forEach(handlers.onData);
      }
      if (!signal.aborted) handlers.onError?.(new Error('stream ended'));
    } catch (e) {
      if (signal.aborted) return;
      handlers.onError?.(toApiError(e));
    }
    await sleep(retryMs);
  }
}
