import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { server } from '@/testing/server';
import { API, db, problem, resetDb } from '@/testing/handlers';
import { loginAs, renderApp } from '@/testing/render';
import type { RuleDefinition, RuleSetView } from './api';

const supplier = { code: 'ACME', name: 'アクメ商事', active: true, priority: 10, contactName: null, contactEmail: null };

function version(v: number, rules: RuleDefinition[], comment: string | null = null): RuleSetView {
  return { supplierCode: 'ACME', version: v, rules, comment, createdBy: 'operator', restoredFrom: null, createdAt: `2026-11-2${v}T00:00:00Z` };
}

beforeEach(() => {
  resetDb();
  db.suppliers = [supplier];
});

describe('mapping rules', () => {
  it('has loading and empty states (no rules, no versions, nothing unmatched)', async () => {
    await loginAs('operator');
    renderApp('/suppliers/ACME/rules');
    expect(screen.getByRole('status')).toHaveTextContent('読み込み中…');
    expect(await screen.findByText('ルールはまだありません。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'マッピングルール: ACME', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('保存された版はまだありません。')).toBeInTheDocument();
    expect(await screen.findByText('未マッチの商品はありません。')).toBeInTheDocument();
  });

  it('turns an unmatched code into a new EXACT rule in one click, tests the draft and saves it', async () => {
    db.unmatched.ACME = [{ supplierItemCode: 'A-100', jan: '4901234567894', occurrences: 12, runs: 3, lastSeen: '2026-11-27' }];
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME/rules');
    await user.click(await screen.findByRole('button', { name: 'A-100 の完全一致ルールを作成' }));
    const rule = screen.getByRole('group', { name: 'ルール 1: exact-A-100' });
    expect(within(rule).getByLabelText('一致方法')).toHaveValue('EXACT');
    expect(within(rule).getByLabelText('仕入先商品コード')).toHaveValue('A-100');
    // The SKU is what is missing: the cursor is there.
    expect(within(rule).getByLabelText('SKU')).toHaveFocus();
    await user.keyboard('SG-100');

    // A pack transform: 12 per case.
    await user.click(within(rule).getByRole('button', { name: '変換を追加' }));
    await user.selectOptions(within(rule).getByLabelText('変換の種類'), 'PACK');
    await user.type(within(rule).getByLabelText('入数'), '12');

    // The unmatched row goes to the test pane too; add another that no rule takes.
    await user.click(screen.getByRole('button', { name: 'A-100 をテスト行に追加' }));
    const rows = screen.getByLabelText('サンプル行');
    expect(rows).toHaveValue('A-100,4901234567894,,,');
    await user.clear(rows);
    await user.type(rows, 'A-100,,ペン,2,1200{enter}Z-9,,,○,10');
    await user.click(screen.getByRole('button', { name: 'テスト実行' }));
    expect(await screen.findByText('対応付け 1 件、除外 0 件、未マッチ 1 件、エラー 0 件')).toBeInTheDocument();
    const results = screen.getByRole('table', { name: 'テスト結果' });
    const [mapped, unmatched] = within(results).getAllByRole('row').slice(1);
    expect(mapped).toHaveTextContent('exact-A-100');
    expect(mapped).toHaveTextContent('SG-100');
    expect(mapped).toHaveTextContent('24');
    expect(mapped).toHaveTextContent('￥100');
    expect(unmatched).toHaveTextContent('未マッチ');
    expect(unmatched).toHaveTextContent("no rule matches code 'Z-9'");
    expect(db.seen.ruleTests[0]).toEqual({
      rules: [{ name: 'exact-A-100', match: { type: 'EXACT', code: 'A-100', sku: 'SG-100' }, transforms: [{ type: 'PACK', unitsPerCase: 12 }] }],
      rows: [
        { code: 'A-100', jan: null, name: 'ペン', stock: '2', cost: '1200' },
        { code: 'Z-9', jan: null, name: null, stock: '○', cost: '10' },
      ],
    });

    await user.type(screen.getByLabelText('変更内容のメモ'), 'A-100 を追加');
    await user.click(screen.getByRole('button', { name: '新しい版として保存' }));
    expect(await screen.findByText('版 1 として保存しました。')).toBeInTheDocument();
    expect(screen.getByText('現在の版: 1', { exact: false })).toBeInTheDocument();
    const versions = await screen.findByRole('table', { name: '版の履歴' });
    expect(await within(versions).findByText('A-100 を追加')).toBeInTheDocument();
    expect(db.ruleSets.ACME?.[0]?.rules[0]?.match).toEqual({ type: 'EXACT', code: 'A-100', sku: 'SG-100' });
  });

  it('edits every match type and shows the API rule errors next to the fields', async () => {
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME/rules');
    await screen.findByText('ルールはまだありません。');
    await user.selectOptions(screen.getByLabelText('追加するルールの種類'), 'REGEX');
    await user.click(screen.getByRole('button', { name: 'ルールを追加' }));
    const rule = screen.getByRole('group', { name: 'ルール 1: regex-1' });
    await user.type(within(rule).getByLabelText('正規表現'), '^X(\\d+)$');
    // No SKU template: the API says so, on the field.
    await user.click(screen.getByRole('button', { name: '新しい版として保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('マッピングルールに誤りがあります。');
    expect(within(rule).getByLabelText('SKU テンプレート')).toHaveAccessibleDescription(/is required for a REGEX rule/);

    // The other types show their own inputs; exclude hides SKU and transforms.
    await user.selectOptions(within(rule).getByLabelText('一致方法'), 'PREFIX');
    expect(within(rule).getByLabelText('前方一致する文字列')).toBeInTheDocument();
    await user.selectOptions(within(rule).getByLabelText('一致方法'), 'JAN');
    expect(within(rule).queryByLabelText('SKU テンプレート')).toBeNull();
    await user.selectOptions(within(rule).getByLabelText('一致方法'), 'EXACT');
    await user.click(within(rule).getByLabelText('除外ルール（一致した行は意図的に取り込まない）'));
    expect(within(rule).queryByLabelText('SKU')).toBeNull();
    expect(within(rule).queryByRole('button', { name: '変換を追加' })).toBeNull();
  });

  it('lists the rules, edits the chosen one, moves and removes rules from the keyboard', async () => {
    db.ruleSets.ACME = [
      version(1, [
        { name: 'first', match: { type: 'EXACT', code: 'A', sku: 'S-A' } },
        { name: 'second', match: { type: 'PREFIX', prefix: 'B' }, transforms: [{ type: 'CAP', value: 5 }] },
      ]),
    ];
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME/rules');
    await screen.findByRole('group', { name: 'ルール 1: first' });
    const names = () => within(screen.getByRole('table', { name: 'ルール一覧' })).getAllByRole('row').slice(1).map((r) => r.children[1]?.textContent);
    expect(names()).toEqual(['first', 'second']);
    expect(within(screen.getByRole('table', { name: 'ルール一覧' })).getAllByRole('row')[2]).toHaveTextContent('B…');
    await user.click(screen.getByRole('button', { name: 'ルール 2: second を編集' }));
    const second = screen.getByRole('group', { name: 'ルール 2: second' });
    expect(within(second).getByLabelText('上限（数量）')).toHaveValue(5);
    screen.getByRole('button', { name: 'ルール 2: second を上へ移動' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['second', 'first']);
    // The editor follows the rule it shows.
    expect(screen.getByRole('group', { name: 'ルール 1: second' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ルール 2: first を削除' }));
    expect(names()).toEqual(['second']);
  });

  it('shows the diff between two versions and restores an old one', async () => {
    db.ruleSets.ACME = [
      version(1, [{ name: 'a', match: { type: 'EXACT', code: 'A', sku: 'S-A' } }], '最初'),
      version(2, [{ name: 'a', match: { type: 'EXACT', code: 'A', sku: 'S-A2' } }, { name: 'b', match: { type: 'JAN' } }], '二回目'),
    ];
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME/rules');
    const table = await screen.findByRole('table', { name: '版の履歴' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual(['2 現在', '1']);
    await user.selectOptions(screen.getByLabelText('比較元'), '1');
    await user.selectOptions(screen.getByLabelText('比較先'), '2');
    await user.click(screen.getByRole('button', { name: '差分を表示' }));
    expect(await screen.findByRole('heading', { name: '版 1 → 版 2 の差分' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '追加（1）' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '変更（1）' })).toBeInTheDocument();
    expect(screen.getByText(/"sku":"S-A2"/)).toBeInTheDocument();

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: '版 1 に戻す' }));
    expect(await screen.findByText('版 3 として復元しました。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('現在の版: 3', { exact: false })).toBeInTheDocument());
    expect(screen.queryByRole('group', { name: /ルール 2/ })).toBeNull();
  });

  it('says when someone else saved meanwhile (409) and reloads', async () => {
    db.ruleSets.ACME = [version(1, [{ name: 'a', match: { type: 'EXACT', code: 'A', sku: 'S-A' } }])];
    await loginAs('operator');
    const { user } = renderApp('/suppliers/ACME/rules');
    await screen.findByRole('group', { name: 'ルール 1: a' });
    db.ruleSets.ACME.push(version(2, [{ name: 'z', match: { type: 'JAN' } }]));
    await user.click(screen.getByRole('button', { name: '新しい版として保存' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('他の人がルールを保存しました');
    await user.click(within(alert).getByRole('button', { name: '最新の内容を読み込む' }));
    expect(await screen.findByRole('group', { name: 'ルール 1: z' })).toBeInTheDocument();
  });

  it('is read-only for viewers, who can still test', async () => {
    db.ruleSets.ACME = [version(1, [{ name: 'a', match: { type: 'EXACT', code: 'A', sku: 'S-A' } }])];
    db.unmatched.ACME = [{ supplierItemCode: 'Q', jan: null, occurrences: 1, runs: 1, lastSeen: null }];
    await loginAs('viewer');
    const { user } = renderApp('/suppliers/ACME/rules');
    const rule = await screen.findByRole('group', { name: 'ルール 1: a' });
    expect(within(rule).getByLabelText('ルール名')).toBeDisabled();
    // Viewers can open any rule, but not move or remove one.
    expect(screen.getByRole('button', { name: 'ルール 1: a を表示' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'ルール 1: a を削除' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'ルールを追加' })).toBeNull();
    expect(screen.queryByRole('button', { name: '新しい版として保存' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Q の完全一致ルールを作成' })).toBeNull();
    expect(await screen.findByRole('table', { name: '版の履歴' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /に戻す/ })).toBeNull();
    await user.type(screen.getByLabelText('サンプル行'), 'A,,,5,100');
    await user.click(screen.getByRole('button', { name: 'テスト実行' }));
    expect(await screen.findByText('対応付け 1 件、除外 0 件、未マッチ 0 件、エラー 0 件')).toBeInTheDocument();
  });

  it('shows a window of a large rule set, a filter and "show more"; new rules always show', async () => {
    db.ruleSets.ACME = [version(1, Array.from({ length: 120 }, (_, i) => ({ name: `r${i}`, match: { type: 'EXACT', code: `C${i}`, sku: `S${i}` } })))];
    db.unmatched.ACME = [{ supplierItemCode: 'NEW-1', jan: null, occurrences: 1, runs: 1, lastSeen: null }];
    await loginAs('operator');
    const { user, container } = renderApp('/suppliers/ACME/rules');
    const rows = () => [...container.querySelectorAll('.rule-table tbody tr')].map((r) => r.children[1]?.textContent);
    await screen.findByText('ルール 1: r0');
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('120 件中 100 件を表示')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(rows()).toHaveLength(120);
    fireEvent.change(screen.getByLabelText('ルールを絞り込み（名前・コード・SKU など）'), { target: { value: 'C119' } });
    await waitFor(() => expect(rows()).toEqual(['r119']));
    await user.click(await screen.findByRole('button', { name: 'NEW-1 の完全一致ルールを作成' }));
    expect(rows()).toEqual(['r119', 'exact-NEW-1']);
    expect(screen.getByRole('group', { name: 'ルール 121: exact-NEW-1' })).toBeInTheDocument();
  });

  it('has error and forbidden states', async () => {
    await loginAs('operator');
    server.use(http.get(`${API}/api/catalog/suppliers/:code/rules`, () => problem(503, 'DB_CONNECTION_ERROR')));
    const first = renderApp('/suppliers/ACME/rules');
    expect(await screen.findByRole('alert')).toHaveTextContent('データベースに接続できません。');
    first.unmount();
    server.use(
      http.get(`${API}/api/catalog/suppliers/:code/rules`, () => problem(403, 'FORBIDDEN')),
    );
    renderApp('/suppliers/ACME/rules');
    expect(await screen.findByRole('heading', { name: 'アクセス権限がありません' })).toBeInTheDocument();
  });

  it('shows an unmatched-list failure in its own panel', async () => {
    await loginAs('operator');
    server.use(http.get(`${API}/api/catalog/suppliers/:code/unmatched`, () => problem(500, 'INTERNAL_ERROR')));
    renderApp('/suppliers/ACME/rules');
    const panel = await screen.findByRole('region', { name: '未マッチの商品' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('サーバーで予期しないエラーが発生しました。');
  });
});
