/**
 * The rule editor's form values and their conversion to and from the rule engine's JSON
 * (jp.systemgear.ec.rules.RuleDefinition): only the members a match type or transform uses are sent.
 */
import type { RuleDefinition, SupplierRow, TransformDefinition } from './api';

export const MATCH_TYPES = ['EXACT', 'JAN', 'PREFIX', 'REGEX'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];
export const TRANSFORM_TYPES = [
  'TAX_INCLUDE',
  'TAX_EXCLUDE',
  'MARKUP_PERCENT',
  'MARKUP_FIXED',
  'ROUND',
  'PACK',
  'STOCK_SYMBOLS',
  'THRESHOLD',
  'SAFETY_BUFFER',
  'CAP',
] as const;
export type TransformType = (typeof TRANSFORM_TYPES)[number];
export const ROUNDING_MODES = ['FLOOR', 'CEILING', 'HALF_UP'] as const;
export const ROUNDING_UNITS = ['1', '10', '100'] as const;
export const TAX_RATES = ['10', '8'] as const;

export interface TransformValues {
  type: TransformType;
  rate: string;
  percent: string;
  amount: string;
  mode: string;
  unit: string;
  unitsPerCase: string;
  value: string;
  symbols: { symbol: string; quantity: string }[];
}

export interface RuleValues {
  name: string;
  type: MatchType;
  code: string;
  sku: string;
  prefix: string;
  pattern: string;
  skuTemplate: string;
  exclude: boolean;
  transforms: TransformValues[];
}

export interface RulesFormValues {
  rules: RuleValues[];
  comment: string;
}

export function newTransform(type: TransformType = 'TAX_INCLUDE'): TransformValues {
  return {
    type,
    rate: '10',
    percent: '',
    amount: '',
    mode: 'HALF_UP',
    unit: '1',
    unitsPerCase: '',
    value: '',
    symbols: [{ symbol: '○', quantity: '10' }],
  };
}

export function newRule(type: MatchType = 'EXACT', init: Partial<RuleValues> = {}): RuleValues {
  return { name: '', type, code: '', sku: '', prefix: '', pattern: '', skuTemplate: '', exclude: false, transforms: [], ...init };
}

/** A name not used yet in the rule set, e.g. exact-A-100 or exact-A-100-2. */
export function uniqueName(wanted: string, rules: { name: string }[]): string {
  const names = new Set(rules.map((r) => r.name));
  if (!names.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!names.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

const s = (v: string | number | undefined | null) => (v === undefined || v === null ? '' : String(v));

function toTransformValues(t: TransformDefinition): TransformValues {
  return {
    ...newTransform(t.type as TransformType),
    rate: t.rate !== undefined ? s(t.rate) : '10',
    percent: s(t.percent),
    amount: s(t.amount),
    mode: t.mode ?? 'HALF_UP',
    unit: t.unit !== undefined ? s(t.unit) : '1',
    unitsPerCase: s(t.unitsPerCase),
    value: s(t.value),
    symbols: t.symbols ? Object.entries(t.symbols).map(([symbol, q]) => ({ symbol, quantity: String(q) })) : [],
  };
}

export function toRuleValues(r: RuleDefinition): RuleValues {
  const m = r.match ?? { type: 'EXACT' };
  return {
    name: r.name ?? '',
    type: (m.type as MatchType) ?? 'EXACT',
    code: m.code ?? '',
    sku: m.sku ?? '',
    prefix: m.prefix ?? '',
    pattern: m.pattern ?? '',
    skuTemplate: m.skuTemplate ?? '',
    exclude: r.exclude === true,
    transforms: (r.transforms ?? []).map(toTransformValues),
  };
}

/** A number from an input: undefined when empty; the API reports what is out of range. */
const n = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));

export function toTransformDefinition(t: TransformValues): TransformDefinition {
  switch (t.type) {
    case 'TAX_INCLUDE':
    case 'TAX_EXCLUDE':
      return { type: t.type, rate: n(t.rate) };
    case 'MARKUP_PERCENT':
      return { type: t.type, percent: n(t.percent) };
    case 'MARKUP_FIXED':
      return { type: t.type, amount: n(t.amount) };
    case 'ROUND':
      return { type: t.type, mode: t.mode, unit: n(t.unit) };
    case 'PACK':
      return { type: t.type, unitsPerCase: n(t.unitsPerCase) };
    case 'STOCK_SYMBOLS':
      return { type: t.type, symbols: Object.fromEntries(t.symbols.map((x) => [x.symbol.trim(), Number(x.quantity)])) };
    default:
      return { type: t.type, value: n(t.value) };
  }
}

export function toRuleDefinition(r: RuleValues): RuleDefinition {
  const keep = !r.exclude;
  const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const match =
    r.type === 'EXACT'
      ? { type: r.type, code: opt(r.code), ...(keep ? { sku: opt(r.sku) } : {}) }
      : r.type === 'PREFIX'
        ? { type: r.type, prefix: opt(r.prefix), ...(keep ? { skuTemplate: opt(r.skuTemplate) } : {}) }
        : r.type === 'REGEX'
          ? { type: r.type, pattern: r.pattern === '' ? undefined : r.pattern, ...(keep ? { skuTemplate: opt(r.skuTemplate) } : {}) }
          : { type: r.type };
  const def: RuleDefinition = { name: r.name.trim(), match: JSON.parse(JSON.stringify(match)) as RuleDefinition['match'] };
  if (r.exclude) def.exclude = true;
  else if (r.transforms.length) def.transforms = r.transforms.map(toTransformDefinition);
  return JSON.parse(JSON.stringify(def)) as RuleDefinition;
}

/**
 * Where the API's rule error (RuleCompiler's path, e.g. rules[2].match.pattern or
 * rules[0].transforms[1].rate) is shown in the form; null for the set as a whole.
 */
export function rulePathOf(field: string): string | null {
  const m = /^rules\[(\d+)\](.*)$/.exec(field);
  if (!m) return null;
  const i = m[1];
  const rest = m[2] ?? '';
  if (rest === '' || rest === '.name') return `rules.${i}.name`;
  const match = /^\.match(?:\.(\w+))?$/.exec(rest);
  if (match) {
    const member = match[1];
    return member && ['code', 'sku', 'prefix', 'pattern', 'skuTemplate'].includes(member) ? `rules.${i}.${member}` : `rules.${i}.type`;
  }
  const tr = /^\.transforms(?:\[(\d+)\](?:\.(\w+))?)?/.exec(rest);
  if (tr) {
    if (tr[1] === undefined) return `rules.${i}.transforms`;
    const member = tr[2];
    const known = ['rate', 'percent', 'amount', 'mode', 'unit', 'unitsPerCase', 'value', 'symbols'];
    return `rules.${i}.transforms.${tr[1]}.${member && known.includes(member) ? member : 'type'}`;
  }
  return `rules.${i}.name`;
}

function splitLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === sep) {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells.map((x) => x.trim());
}

const ROW_FIELDS = ['code', 'jan', 'name', 'stock', 'cost'] as const;

/**
 * Sample rows pasted as CSV or TSV (from a spreadsheet): columns code, jan, name, stock, cost in that
 * order, or named by a first line such as "code,stock,cost". A missing stock or cost column is sent as
 * null (the file has no such column); a present but empty cell as "" (the symbol table's blank).
 */
export function parseSampleRows(text: string): SupplierRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const sep = lines[0]!.includes('\t') ? '\t' : ',';
  let order: (typeof ROW_FIELDS)[number][] = [...ROW_FIELDS];
  const first = splitLine(lines[0]!, sep).map((c) => c.toLowerCase());
  if (first.includes('code') && first.every((c) => (ROW_FIELDS as readonly string[]).includes(c))) {
    order = first as typeof order;
    lines.shift();
  }
  return lines.map((line) => {
    const cells = splitLine(line, sep);
    const row: SupplierRow = { code: null, jan: null, name: null, stock: null, cost: null };
    order.forEach((f, i) => {
      const v = cells[i];
      if (v === undefined) return;
      row[f] = f === 'stock' || f === 'cost' ? v : v === '' ? null : v;
    });
    return row;
  });
}
