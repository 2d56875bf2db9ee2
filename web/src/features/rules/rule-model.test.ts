import { newRule, newTransform, parseSampleRows, rulePathOf, toRuleDefinition, toRuleValues, uniqueName } from './rule-model';
import type { RuleDefinition } from './api';

describe('rule model', () => {
  it('writes each match type with only its members', () => {
    expect(toRuleDefinition(newRule('EXACT', { name: 'a', code: ' A-1 ', sku: 'SG-1', prefix: 'x' }))).toEqual({
      name: 'a',
      match: { type: 'EXACT', code: 'A-1', sku: 'SG-1' },
    });
    expect(toRuleDefinition(newRule('JAN', { name: 'j', code: 'ignored' }))).toEqual({ name: 'j', match: { type: 'JAN' } });
    expect(toRuleDefinition(newRule('PREFIX', { name: 'p', prefix: 'AB', skuTemplate: '' }))).toEqual({
      name: 'p',
      match: { type: 'PREFIX', prefix: 'AB' },
    });
    expect(toRuleDefinition(newRule('REGEX', { name: 'r', pattern: '^(\\d+)-(?<color>[A-Z]+)$', skuTemplate: 'SG-{1}-{color}' }))).toEqual({
      name: 'r',
      match: { type: 'REGEX', pattern: '^(\\d+)-(?<color>[A-Z]+)$', skuTemplate: 'SG-{1}-{color}' },
    });
  });

  it('writes an exclude rule without SKU and transforms', () => {
    const r = newRule('PREFIX', { name: 'x', prefix: 'DISC-', skuTemplate: '{code}', exclude: true, transforms: [newTransform('CAP')] });
    expect(toRuleDefinition(r)).toEqual({ name: 'x', match: { type: 'PREFIX', prefix: 'DISC-' }, exclude: true });
  });

  it('writes every transform as the rule engine reads it', () => {
    const t = (type: Parameters<typeof newTransform>[0], init: Partial<ReturnType<typeof newTransform>>) => ({ ...newTransform(type), ...init });
    const rule = newRule('EXACT', {
      name: 'all',
      code: 'A',
      sku: 'S',
      transforms: [
        t('TAX_INCLUDE', { rate: '10' }),
        t('TAX_EXCLUDE', { rate: '8' }),
        t('MARKUP_PERCENT', { percent: '12.5' }),
        t('MARKUP_FIXED', { amount: '-30' }),
        t('ROUND', { mode: 'FLOOR', unit: '10' }),
        t('PACK', { unitsPerCase: '12' }),
        t('STOCK_SYMBOLS', { symbols: [{ symbol: '◎', quantity: '50' }, { symbol: '', quantity: '0' }] }),
        t('THRESHOLD', { value: '2' }),
        t('SAFETY_BUFFER', { value: '1' }),
        t('CAP', { value: '99' }),
      ],
    });
    const def = toRuleDefinition(rule);
    expect(def.transforms).toEqual([
      { type: 'TAX_INCLUDE', rate: 10 },
      { type: 'TAX_EXCLUDE', rate: 8 },
      { type: 'MARKUP_PERCENT', percent: 12.5 },
      { type: 'MARKUP_FIXED', amount: -30 },
      { type: 'ROUND', mode: 'FLOOR', unit: 10 },
      { type: 'PACK', unitsPerCase: 12 },
      { type: 'STOCK_SYMBOLS', symbols: { '◎': 50, '': 0 } },
      { type: 'THRESHOLD', value: 2 },
      { type: 'SAFETY_BUFFER', value: 1 },
      { type: 'CAP', value: 99 },
    ]);
    // And back: what the API stores shows in the editor unchanged.
    expect(toRuleDefinition(toRuleValues(def))).toEqual(def);
  });

  it('reads stored rules into editor values', () => {
    const stored: RuleDefinition = { name: 'r', match: { type: 'REGEX', pattern: '^X(\\d+)$', skuTemplate: 'SG-{1}' }, transforms: [{ type: 'ROUND', mode: 'CEILING', unit: 100 }] };
    const v = toRuleValues(stored);
    expect(v).toMatchObject({ name: 'r', type: 'REGEX', pattern: '^X(\\d+)$', skuTemplate: 'SG-{1}', exclude: false });
    expect(v.transforms[0]).toMatchObject({ type: 'ROUND', mode: 'CEILING', unit: '100' });
  });

  it('places rule errors on the editor inputs', () => {
    expect(rulePathOf('rules[2].match.pattern')).toBe('rules.2.pattern');
    expect(rulePathOf('rules[0].match.type')).toBe('rules.0.type');
    expect(rulePathOf('rules[0].match')).toBe('rules.0.type');
    expect(rulePathOf('rules[1].name')).toBe('rules.1.name');
    expect(rulePathOf('rules[1].transforms[3].rate')).toBe('rules.1.transforms.3.rate');
    expect(rulePathOf('rules[1].transforms[0].symbols.○')).toBe('rules.1.transforms.0.symbols');
    expect(rulePathOf('rules[1].transforms')).toBe('rules.1.transforms');
    expect(rulePathOf('rules')).toBeNull();
  });

  it('parses pasted CSV, TSV and a header line', () => {
    expect(parseSampleRows('A-1,4901234567894,"ペン, 黒",○,"1,200"\n\nB-2')).toEqual([
      { code: 'A-1', jan: '4901234567894', name: 'ペン, 黒', stock: '○', cost: '1,200' },
      { code: 'B-2', jan: null, name: null, stock: null, cost: null },
    ]);
    expect(parseSampleRows('code\tstock\tcost\nA-1\t\t980')).toEqual([{ code: 'A-1', jan: null, name: null, stock: '', cost: '980' }]);
  });

  it('finds a free rule name', () => {
    expect(uniqueName('exact-A', [{ name: 'exact-A' }, { name: 'exact-A-2' }])).toBe('exact-A-3');
    expect(uniqueName('exact-B', [{ name: 'exact-A' }])).toBe('exact-B');
  });
});
