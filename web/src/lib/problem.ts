/** An API failure, parsed from application/problem+json (RFC 9457 plus the platform's code/errors). */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldProblem[];
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code?: string | undefined;
    title?: string | undefined;
    detail?: string | undefined;
    fieldErrors?: FieldProblem[] | undefined;
    retryAfter?: number | undefined;
  }) {
    super(init.detail ?? init.title ?? `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code ?? (init.status === 0 ? 'NETWORK_ERROR' : `HTTP_${init.status}`);
    this.title = init.title ?? `HTTP ${init.status}`;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export async function problemFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const retryHeader = res.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors)
      ? b.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
      : [];
    return new ApiError({
      status: res.status,
      code: str(b.code),
      title: str(b.title) ?? (res.statusText || undefined),
      detail: str(b.detail),
      fieldErrors: errors,
      retryAfter,
    });
  }
  return new ApiError({ status: res.status, title: res.statusText || undefined, retryAfter });
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: e instanceof Error ? e.message : String(e) });
}
