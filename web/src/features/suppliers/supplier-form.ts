/**
 * The supplier edit form's values (strings as the inputs hold them) and their conversion to and from
 * catalog-service's SupplierRequest/SupplierView. Only the members that apply to the chosen format
 * and source type are sent, since the API refuses the others (e.g. a delimiter for XLSX).
 */
import { z } from 'zod';
import {
  PROFILE_FIELDS,
  type ColumnSpec,
  type FileFormat,
  type MissingItemsPolicy,
  type ProfileField,
  type SourceType,
  type SupplierRequest,
  type SupplierView,
} from './api';

export type ColumnMode = 'none' | 'header' | 'position' | 'bytes';

export interface ColumnValues {
  mode: ColumnMode;
  header: string;
  position: string;
  startByte: string;
  endByte: string;
}

export interface SupplierFormValues {
  code: string;
  name: string;
  active: boolean;
  priority: string;
  contactName: string;
  contactEmail: string;
  profile: {
    format: FileFormat;
    encoding: string;
    delimiter: string;
    quote: string;
    headerRows: string;
    skipRows: string;
    columns: Record<ProfileField, ColumnValues>;
    decimalSeparator: string;
    thousandsSeparator: string;
    sheetName: string;
    stockSymbols: { symbol: string; quantity: string }[];
  };
  source: {
    type: SourceType;
    folder: string;
    filePattern: string;
    url: string;
    authHeaderName: string;
    authSecretRef: string;
  };
  scheduleCron: string;
  guard: { minRows: string; maxRowDropPercent: string; maxZeroStockPercent: string; maxCostChangePercent: string };
  missingItemsPolicy: MissingItemsPolicy;
}

/** What a Japanese wholesaler's symbols usually mean (the API's default table). */
export const DEFAULT_STOCK_SYMBOLS: { symbol: string; quantity: string }[] = [
  { symbol: '○', quantity: '10' },
  { symbol: '◯', quantity: '10' },
  { symbol: '△', quantity: '3' },
  { symbol: '×', quantity: '0' },
  { symbol: '', quantity: '0' },
];

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function column(spec: ColumnSpec | undefined | null): ColumnValues {
  const mode: ColumnMode = !spec
    ? 'none'
    : spec.header !== undefined && spec.header !== null
      ? 'header'
      : spec.position !== undefined && spec.position !== null
        ? 'position'
        : 'bytes';
  return {
    mode,
    header: str(spec?.header),
    position: str(spec?.position),
    startByte: str(spec?.startByte),
    endByte: str(spec?.endByte),
  };
}

export function emptySupplierForm(): SupplierFormValues {
  return toFormValues(null);
}

export function toFormValues(s: SupplierView | null): SupplierFormValues {
  const p = s?.profile ?? {};
  const src = s?.source ?? {};
  const g = s?.guard ?? {};
  const columns = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, column(p.columns?.[f])])) as Record<
    ProfileField,
    ColumnValues
  >;
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    active: s?.active ?? true,
    priority: str(s?.priority ?? 100),
    contactName: s?.contactName ?? '',
    contactEmail: s?.contactEmail ?? '',
    profile: {
      format: ((p.format as FileFormat | null | undefined) ?? 'CSV'),
      encoding: p.encoding ?? 'Windows-31J',
      delimiter: p.delimiter ?? ',',
      quote: p.quote ?? '"',
      headerRows: str(p.headerRows ?? 1),
      skipRows: str(p.skipRows ?? 0),
      columns,
      decimalSeparator: p.decimalSeparator ?? '.',
      thousandsSeparator: p.thousandsSeparator ?? ',',
      sheetName: p.sheetName ?? '',
      stockSymbols: p.stockSymbols
        ? Object.entries(p.stockSymbols).map(([symbol, q]) => ({ symbol, quantity: String(q) }))
        : DEFAULT_STOCK_SYMBOLS.map((x) => ({ ...x })),
    },
    source: {
      type: (src.type as SourceType | null | undefined) ?? 'UPLOAD',
      folder: src.folder ?? '',
      filePattern: src.filePattern ?? '',
      url: src.url ?? '',
      authHeaderName: src.authHeaderName ?? '',
      authSecretRef: src.authSecretRef ?? '',
    },
    scheduleCron: s?.scheduleCron ?? '',
    guard: {
      minRows: str(g.minRows ?? 1),
      maxRowDropPercent: str(g.maxRowDropPercent ?? 30),
      maxZeroStockPercent: str(g.maxZeroStockPercent ?? 50),
      maxCostChangePercent: str(g.maxCostChangePercent ?? 50),
    },
    missingItemsPolicy: s?.missingItemsPolicy ?? 'KEEP',
  };
}

const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));
const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

export function toRequest(v: SupplierFormValues): SupplierRequest {
  const p = v.profile;
  const fixed = p.format === 'FIXED_WIDTH';
  const xlsx = p.format === 'XLSX';
  const columns: Record<string, ColumnSpec> = {};
  for (const f of PROFILE_FIELDS) {
    const c = p.columns[f];
    if (c.mode === 'none') continue;
    // A fixed-width file locates fields by bytes only; other formats never by bytes.
    const mode = fixed ? 'bytes' : c.mode === 'bytes' ? 'position' : c.mode;
    if (mode === 'header') columns[f] = { header: c.header.trim() };
    else if (mode === 'position') columns[f] = { position: num(c.position) ?? null };
    else columns[f] = { startByte: num(c.startByte) ?? null, endByte: num(c.endByte) ?? null };
  }
  const stockSymbols: Record<string, number> = {};
  for (const s of p.stockSymbols) stockSymbols[s.symbol.trim()] = Number(s.quantity);
  const src = v.source;
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    active: v.active,
    priority: num(v.priority),
    contactName: text(v.contactName),
    contactEmail: text(v.contactEmail),
    profile: {
      format: p.format,
      ...(xlsx ? {} : { encoding: p.encoding }),
      ...(p.format === 'CSV' ? { delimiter: p.delimiter } : {}),
      ...(p.format === 'CSV' || p.format === 'TSV' ? { quote: p.quote } : {}),
      headerRows: num(p.headerRows) ?? null,
      skipRows: num(p.skipRows) ?? null,
      columns,
      decimalSeparator: p.decimalSeparator,
      thousandsSeparator: p.thousandsSeparator,
      ...(xlsx && p.sheetName.trim() ? { sheetName: p.sheetName.trim() } : {}),
      stockSymbols,
    },
    source:
      src.type === 'DROP_FOLDER'
        ? { type: src.type, folder: text(src.folder), filePattern: text(src.filePattern) }
        : src.type === 'URL'
          ? { type: src.type, url: text(src.url), authHeaderName: text(src.authHeaderName), authSecretRef: text(src.authSecretRef) }
          : { type: 'UPLOAD' },
    scheduleCron: text(v.scheduleCron),
    guard: {
      minRows: num(v.guard.minRows) ?? null,
      maxRowDropPercent: num(v.guard.maxRowDropPercent) ?? null,
      maxZeroStockPercent: num(v.guard.maxZeroStockPercent) ?? null,
      maxCostChangePercent: num(v.guard.maxCostChangePercent) ?? null,
    },
    missingItemsPolicy: v.missingItemsPolicy,
  };
}

/**
 * Where a server field error (SupplierSettings' dotted path) is shown: the input's own path, or the
 * nearest one the form has (stockSymbols.○ → the symbol table). Null: not a field of this form.
 */
export function formPathOf(field: string): string | null {
  if (field.startsWith('profile.stockSymbols')) return 'profile.stockSymbols';
  const col = /^profile\.columns\.(\w+)(?:\.(header|position|startByte|endByte))?$/.exec(field);
  if (col) {
    if (!(PROFILE_FIELDS as readonly string[]).includes(col[1] ?? '')) return 'profile.columns';
    return col[2] ? `profile.columns.${col[1]}.${col[2]}` : `profile.columns.${col[1]}`;
  }
  if (field === 'profile.columns') return field;
  return KNOWN_PATHS.has(field) ? field : null;
}

const KNOWN_PATHS = new Set([
  'code', 'name', 'active', 'priority', 'contactName', 'contactEmail',
  'profile.format', 'profile.encoding', 'profile.delimiter', 'profile.quote', 'profile.headerRows', 'profile.skipRows',
  'profile.decimalSeparator', 'profile.thousandsSeparator', 'profile.sheetName',
  'source.type', 'source.folder', 'source.filePattern', 'source.url', 'source.authHeaderName', 'source.authSecretRef',
  'scheduleCron', 'guard.minRows', 'guard.maxRowDropPercent', 'guard.maxZeroStockPercent', 'guard.maxCostChangePercent',
  'missingItemsPolicy',
]);

const intText = (min: number, max: number) =>
  z.string().refine((s) => s.trim() === '' || (/^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max), {
    message: 'validation.integerRange',
  });
const percentText = (max: number) =>
  z.string().refine((s) => s.trim() === '' || (/^\d+(\.\d+)?$/.test(s.trim()) && Number(s) <= max), {
    message: 'validation.percent',
  });

/** Quick client-side checks; the API checks everything (and its field errors land on the same inputs). */
export const supplierSchema = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'validation.supplierCode'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  active: z.boolean(),
  priority: intText(0, 10000),
  contactName: z.string().max(200, 'validation.tooLong'),
  contactEmail: z.string().trim().refine((s) => s === '' || /^[^@\s]+@[^@\s]+$/.test(s), 'validation.email'),
  profile: z.object({
    format: z.enum(['CSV', 'TSV', 'FIXED_WIDTH', 'XLSX']),
    encoding: z.string(),
    delimiter: z.string(),
    quote: z.string(),
    headerRows: intText(0, 10),
    skipRows: intText(0, 1000),
    columns: z.record(
      z.object({ mode: z.enum(['none', 'header', 'position', 'bytes']), header: z.string(), position: z.string(), startByte: z.string(), endByte: z.string() }),
    ),
    decimalSeparator: z.string(),
    thousandsSeparator: z.string(),
    sheetName: z.string(),
    stockSymbols: z.array(z.object({ symbol: z.string(), quantity: intText(0, 10_000_000) })),
  }),
  source: z.object({
    type: z.enum(['UPLOAD', 'DROP_FOLDER', 'URL']),
    folder: z.string(),
    filePattern: z.string(),
    url: z.string(),
    authHeaderName: z.string(),
    authSecretRef: z.string(),
  }),
  scheduleCron: z
    .string()
    .refine((s) => s.trim() === '' || s.trim().split(/\s+/).length === 5, 'validation.cronFields'),
  guard: z.object({
    minRows: intText(0, 100_000_000),
    maxRowDropPercent: percentText(100),
    maxZeroStockPercent: percentText(100),
    maxCostChangePercent: percentText(1000),
  }),
  missingItemsPolicy: z.enum(['KEEP', 'ZERO', 'DISCONTINUE']),
});
