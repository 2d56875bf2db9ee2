import ja from './ja.json';
import en from './en.json';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('ja and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });
  it('no label is empty', () => {
    const empty = (o: object): boolean => Object.values(o).some((v) => (typeof v === 'object' ? empty(v as object) : !v));
    expect(empty(ja)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
