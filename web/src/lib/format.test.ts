import { formatDateTime, formatNumber, formatYen } from './format';

describe('format', () => {
  it('shows instants in JST whatever the machine zone', () => {
    expect(formatDateTime('2026-11-28T15:30:05Z')).toBe('2026/11/29 00:30:05 JST');
  });
  it('marks missing and keeps unparsable values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('nonsense')).toBe('nonsense');
  });
  it('formats numbers and yen for Japan', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(null)).toBe('—');
    expect(formatYen(1980)).toMatch(/^[￥¥]1,980$/);
  });
});
