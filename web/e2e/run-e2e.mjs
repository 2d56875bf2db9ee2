#!/usr/bin/env node
/**
 * End-to-end tests of the SPA in real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against the real local stack on its own ports and state directory:
 *
 *   PORT_OFFSET=22000 LOCAL_PG_PORT=27432 PLATFORM_STATE_DIR=.local/web-e2e ./platform up --no-build --reset
 *
 * (edge https://localhost:30443). Offset 22000 keeps every port below Linux's ephemeral range
 * (32768-60999): with offset 30000 a management port (39084) was once taken by an outgoing
 * connection and the stack failed to start. A start that fails on "Address already in use" is
 * retried once.
 *
 * The edge serves web/dist, so run `npm run build` first. The stack is stopped with SIGINT at the
 * end (and killed if it does not stop in time); everything listens on loopback only.
 *
 * Environment: E2E_BASE_URL (use an already running stack, do not start one), E2E_PORT_OFFSET
 * (default 22000), E2E_PG_PORT (default 27432), E2E_READY_TIMEOUT (s, default 240), CHROMIUM (default /usr/bin/chromium),
 * E2E_SCREENSHOTS (directory for screenshots; default e2e/output), E2E_TOKEN_TTL (access token
 * lifetime in seconds for the started stack, default 20).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium, request as apiRequest } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, '..');
const root = resolve(webDir, '..');
const offset = Number(process.env.E2E_PORT_OFFSET ?? 22000);
const pgPort = Number(process.env.E2E_PG_PORT ?? 27432);
const edgePort = 8443 + offset;
const external = process.env.E2E_BASE_URL;
const base = external ?? `https://localhost:${edgePort}`;
const stateDir = '.local/web-e2e';
const readyTimeout = Number(process.env.E2E_READY_TIMEOUT ?? 240) * 1000;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const outDir = resolve(process.env.E2E_SCREENSHOTS ?? join(here, 'output'));
const PASSWORD = 'demo-pass-2026';
// Short-lived access tokens (JWT_EXPIRES_IN) so that the silent refresh and the expiry screen run
// within the test; every other test then also runs across several token refreshes.
const tokenTtl = Number(process.env.E2E_TOKEN_TTL ?? 20);
const started = Date.now();

const results = [];
let stack = null;

function log(msg) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

function portOpen(port) {
  return new Promise((res) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });
}

async function startStack() {
  if (!existsSync(join(webDir, 'dist', 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  if (await portOpen(edgePort)) throw new Error(`port ${edgePort} is already in use: is another stack running?`);
  mkdirSync(join(root, stateDir), { recursive: true });
  const logFile = join(root, stateDir, 'platform-up.log');
  const fd = openSync(logFile, 'w');
  log(`starting the stack (PORT_OFFSET=${offset}, log ${logFile})`);
  stack = spawn(join(root, 'platform'), ['up', '--no-build', '--reset'], {
    cwd: root,
    env: { ...process.env, JWT_EXPIRES_IN: `${tokenTtl}s`, PORT_OFFSET: String(offset), LOCAL_PG_PORT: String(pgPort), PLATFORM_STATE_DIR: stateDir, EDGE_HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  const exited = new Promise((res) => stack.once('exit', (code, signal) => res({ code, signal })));
  stack.exited = exited;
  const deadline = Date.now() + readyTimeout;
  while (Date.now() < deadline) {
    const text = readFileSync(logFile, 'utf8');
    if (text.includes('Press Ctrl-C to stop')) {
      log('stack is up');
      return;
    }
    const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 1000))]);
    if (done) throw new Error(`./platform up exited (${JSON.stringify(done)}):\n${text.split('\n').slice(-25).join('\n')}`);
  }
  throw new Error(`the stack was not ready after ${readyTimeout / 1000} s; see ${logFile}`);
}

async function stopStack() {
  if (!stack || stack.exitCode !== null || stack.signalCode !== null) return;
  log('stopping the stack with SIGINT');
  process.kill(stack.pid, 'SIGINT');
  const done = await Promise.race([stack.exited, new Promise((r) => setTimeout(() => r(null), 60_000))]);
  // SIGINT is what Ctrl-C sends; a shell that inherited SIGINT as ignored cannot trap it, so
  // SIGTERM (also trapped by ./platform) follows, and only then the whole process group is killed.
  const termed = done ?? (log('no exit 60 s after SIGINT: sending SIGTERM'), process.kill(stack.pid, 'SIGTERM'),
    await Promise.race([stack.exited, new Promise((r) => setTimeout(() => r(null), 30_000))]));
  if (!termed) {
    log('the stack did not stop: killing its process group');
    try {
      process.kill(-stack.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await stack.exited;
  }
  // Nothing of it may be left: neither its process group nor the edge port.
  let groupAlive = true;
  try {
    process.kill(-stack.pid, 0);
  } catch {
    groupAlive = false;
  }
  // Every port of the stack: edge, services, management, embedded PostgreSQL (its own session).
  const ports = [edgePort, pgPort, ...[8081, 8082, 8083, 8084, 9081, 9082, 9083, 9084].map((p) => p + offset)];
  let open = [];
  for (let i = 0; i < 20; i++) {
    open = (await Promise.all(ports.map(async (p) => ((await portOpen(p)) ? p : null)))).filter((p) => p !== null);
    if (open.length === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  record('the stack stopped and left nothing running', !groupAlive && open.length === 0,
    groupAlive || open.length ? `process group alive: ${groupAlive}, ports still open: ${open.join(' ') || 'none'}` : '');
}

function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok' : 'not ok'} ${results.length} - ${name}${detail ? `\n    ${detail}` : ''}`);
}

async function test(name, context, fn) {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const t0 = Date.now();
  try {
    await fn(page);
    record(`${name} (${Date.now() - t0} ms)`, true);
  } catch (e) {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `failed-${results.length + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    record(name, false, `${e instanceof Error ? e.message.split('\n').slice(0, 6).join('\n    ') : e} (screenshot: ${file})`);
  } finally {
    await page.close();
  }
}

async function login(page, username, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

async function navLinks(page) {
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

/** A valid JAN-13 (EAN-13) starting with 49, the check digit computed. */
function randomJan() {
  const body = `49${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

async function run() {
  if (!external) {
    try {
      await startStack();
    } catch (e) {
      if (!String(e).includes('Address already in use')) throw e;
      log('a port was taken while the stack started; trying once more');
      stack = null;
      await startStack();
    }
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync',
    ],
  });
  const newContext = () => browser.newContext({ ignoreHTTPSErrors: true, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  try {
    let ctx = await newContext();
    await test('the edge serves the built SPA and its runtime config', ctx, async (page) => {
      const res = await page.goto(`${base}/config.json`);
      const cfg = await res.json();
      if (!('apiBaseUrl' in cfg)) throw new Error(`config.json: ${JSON.stringify(cfg)}`);
      await page.goto(`${base}/suppliers`);
      await page.getByRole('button', { name: 'ログイン' }).waitFor();
      if (!page.url().endsWith('/login')) throw new Error(`expected the login page, at ${page.url()}`);
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'login.png') });
    });

    await test('a wrong password shows the API problem', ctx, async (page) => {
      await login(page, 'viewer', 'not-the-password');
      await page.getByRole('alert').getByText('ユーザー名またはパスワードが正しくありません。').waitFor();
    });

    await test('viewer: read-only navigation, service health, suppliers; admin pages refused', ctx, async (page) => {
      await login(page, 'viewer');
      expectEqual(await navLinks(page), ['ダッシュボード', '仕入先', '取込', '在庫・原価', '出力'], 'viewer navigation');
      for (const svc of ['auth', 'catalog', 'import', 'export']) {
        await page.getByTestId(`health-${svc}`).locator('.badge-UP').first().waitFor();
      }
      await page.getByRole('heading', { name: '最近の取込' }).waitFor();
      await page.getByRole('link', { name: '仕入先' }).click();
      await page.getByRole('heading', { name: '仕入先', level: 1 }).waitFor();
      await page.locator('table, .empty').first().waitFor();
      await page.goto(`${base}/admin/users`);
      await page.getByRole('heading', { name: 'アクセス権限がありません' }).waitFor();
      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.getByRole('button', { name: 'ログイン' }).waitFor();
    });
    await ctx.close();

    ctx = await newContext();
    const newUser = `e2e-${Date.now().toString(36)}`;
    await test('admin: full navigation, creates an operator, the session survives a reload, logs out', ctx, async (page) => {
      await login(page, 'admin');
      expectEqual(await navLinks(page), ['ダッシュボード', '仕入先', '取込', '在庫・原価', '出力', 'ユーザー', 'サービスクライアント', '監査ログ'], 'admin navigation');
      await page.getByRole('link', { name: 'ユーザー' }).click();
      await page.getByRole('link', { name: 'operator を編集' }).waitFor();
      const form = page.getByRole('form', { name: 'ユーザーを追加' });
      await form.getByLabel('ユーザー名').fill(newUser);
      await form.getByLabel('表示名').fill('E2E 太郎');
      await form.getByLabel('ロール').selectOption('operator');
      await form.getByLabel('初期パスワード').fill('e2e-password-2026!');
      await form.getByRole('button', { name: '追加する' }).click();
      await page.getByText(`ユーザー「${newUser}」を追加しました。`).waitFor();
      await page.getByRole('link', { name: `${newUser} を編集` }).waitFor();
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'admin-users.png'), fullPage: true });

      // The access token is in memory only; a reload comes back through the HttpOnly refresh cookie.
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      if (/eyJ|token/i.test(stored)) throw new Error(`web storage holds something token-like: ${stored}`);
      const cookies = await ctx.cookies();
      const refresh = cookies.find((c) => c.name === 'sg_refresh');
      if (!refresh || !refresh.httpOnly || refresh.path !== '/api/auth') throw new Error(`refresh cookie: ${JSON.stringify(refresh)}`);
      await page.reload();
      await page.getByRole('link', { name: `${newUser} を編集` }).waitFor();

      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.getByRole('button', { name: 'ログイン' }).waitFor();
      await page.goto(`${base}/admin/users`);
      await page.getByRole('button', { name: 'ログイン' }).waitFor();
    });
    await ctx.close();

    ctx = await newContext();
    await test('the new operator logs in, sees the operator navigation, changes their password, switches to English', ctx, async (page) => {
      await login(page, newUser, 'e2e-password-2026!');
      expectEqual(await navLinks(page), ['ダッシュボード', '仕入先', '取込', '在庫・原価', '出力'], 'operator navigation');
      await page.getByTestId('current-user').getByText('E2E 太郎 (オペレーター)').waitFor();
      mkdirSync(outDir, { recursive: true });
      await page.getByTestId('health-auth').locator('.badge-UP').first().waitFor();
      await page.screenshot({ path: join(outDir, 'dashboard-ja.png'), fullPage: true });

      // Own password change: the API ends every session of the user; the SPA logs in again.
      await page.getByTestId('current-user').click();
      const form = page.getByRole('form', { name: 'パスワードの変更' });
      await form.getByLabel('現在のパスワード').fill('e2e-password-2026!');
      await form.getByLabel('新しいパスワード', { exact: true }).fill('e2e-password-2027!');
      await form.getByLabel('新しいパスワード（確認）').fill('e2e-password-2027!');
      await form.getByRole('button', { name: 'パスワードを変更' }).click();
      await page.getByText('パスワードを変更しました。').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'アカウント', level: 1 }).waitFor();
      await page.goto(`${base}/`);
      await page.getByLabel('表示言語').selectOption('en');
      await page.getByRole('heading', { name: 'Service health' }).waitFor();
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'dashboard-en.png'), fullPage: true });
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Log in' }).waitFor();
    });
    await ctx.close();

    ctx = await newContext();
    await test('operator: supplier with a file profile, rules tested in the draft and saved, stock, an export download', ctx, async (page) => {
      const id = Date.now().toString(36).toUpperCase();
      const supplier = `E2E${id}`;
      const sku = `E2E-${id}`;
      const jan = randomJan();
      // A product for the JAN rule to find, created through the API (the SPA has no product editor).
      const api = await apiRequest.newContext({ baseURL: base, ignoreHTTPSErrors: true });
      try {
        const login = await api.post('/api/auth/login', { data: { username: 'operator', password: PASSWORD } });
        const { accessToken } = await login.json();
        const created = await api.post('/api/catalog/products', {
          headers: { Authorization: `Bearer ${accessToken}` },
          data: { sku, jan, name: `E2E 商品 ${id}` },
        });
        if (created.status() !== 201) throw new Error(`product: ${created.status()} ${await created.text()}`);
      } finally {
        await api.dispose();
      }

      await login(page, 'operator');
      await navLinks(page);
      await page.getByRole('link', { name: '仕入先', exact: true }).click();
      await page.getByRole('link', { name: '仕入先を追加' }).click();
      await page.getByLabel('コード', { exact: true }).fill(supplier);
      await page.getByLabel('名称', { exact: true }).fill('E2E 商事');
      await page.getByLabel('文字コード').selectOption('Windows-31J');
      await page.getByLabel('商品コード の指定方法').selectOption('header');
      await page.getByLabel('商品コード の見出し名').fill('品番');
      await page.getByLabel('JAN の指定方法').selectOption('header');
      await page.getByLabel('JAN の見出し名').fill('JAN');
      await page.getByLabel('在庫数 の指定方法').selectOption('header');
      await page.getByLabel('在庫数 の見出し名').fill('在庫');
      await page.getByLabel('原価 の指定方法').selectOption('position');
      await page.getByLabel('原価 の列番号').fill('4');
      await page.getByLabel('cron 式').fill('0 6 * * 1-5');
      await page.getByRole('radio', { name: '在庫を0にする' }).check();
      await page.getByRole('button', { name: '追加する' }).click();
      await page.getByRole('heading', { name: `仕入先: ${supplier}`, level: 1 }).waitFor();
      // Saved as sent; a change goes back with If-Match through the edge.
      await page.reload();
      if ((await page.getByLabel('商品コード の見出し名').inputValue()) !== '品番') throw new Error('the profile was not kept');
      await page.getByLabel('名称', { exact: true }).fill('E2E 商事（更新）');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('保存しました。').waitFor();

      await page.getByRole('link', { name: `${supplier} のマッピングルール` }).click();
      await page.getByText('ルールはまだありません。').waitFor();
      await page.getByRole('button', { name: 'ルールを追加' }).click();
      const exact = page.getByRole('group', { name: 'ルール 1: exact-1' });
      await exact.getByLabel('仕入先商品コード').fill('A-100');
      await exact.getByLabel('SKU').fill(sku);
      await exact.getByRole('button', { name: '変換を追加' }).click(); // 税抜→税込 10%
      await page.getByLabel('追加するルールの種類').selectOption('JAN');
      await page.getByRole('button', { name: 'ルールを追加' }).click();
      await page.getByLabel('サンプル行').fill(`code,jan,stock,cost\nA-100,,○,1000\nB-200,${jan},5,500\nC-300,,1,1`);
      await page.getByRole('button', { name: 'テスト実行' }).click();
      await page.getByText('対応付け 2 件、除外 0 件、未マッチ 1 件、エラー 0 件').waitFor();
      const results = page.getByRole('table', { name: 'テスト結果' }).getByRole('row');
      const first = await results.nth(1).textContent();
      const second = await results.nth(2).textContent();
      if (!first.includes(sku) || !first.includes('1,100') || !first.includes('10')) throw new Error(`EXACT row: ${first}`);
      if (!second.includes(sku) || !second.includes('jan-2')) throw new Error(`JAN row: ${second}`);
      await page.getByLabel('変更内容のメモ').fill('e2e');
      await page.getByRole('button', { name: '新しい版として保存' }).click();
      await page.getByText('版 1 として保存しました。').waitFor();
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'rules-ja.png'), fullPage: true });

      await page.getByRole('link', { name: '在庫・原価' }).click();
      await page.getByLabel('検索方法').selectOption('jan');
      await page.getByLabel('検索語').fill(jan);
      await page.getByRole('button', { name: '検索', exact: true }).click();
      // No import has brought stock yet: the search says so; the product page shows the product.
      await page.getByText('該当する商品はありません。').waitFor();
      await page.goto(`${base}/stock/${encodeURIComponent(sku)}`);
      await page.getByRole('heading', { name: new RegExp(sku), level: 1 }).waitFor();
      await page.getByText('この商品の在庫を持つ仕入先はありません。').waitFor();

      await page.getByRole('link', { name: '出力' }).click();
      await page.getByLabel('文字コード').selectOption('UTF-8');
      await page.getByLabel('SKU で絞り込み').fill(sku);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ダウンロード' }).click()]);
      const file = readFileSync(await download.path(), 'utf8');
      if (download.suggestedFilename() !== 'stock-product.csv' || !file.startsWith('sku,') || !file.includes(sku)) {
        throw new Error(`export ${download.suggestedFilename()}: ${file.slice(0, 200)}`);
      }
    });
    await ctx.close();

    ctx = await newContext();
    await test('operator: a Windows-31J file previewed, dry run diff applied and committed; a held run approved; its stock found and exported; rolled back', ctx, async (page) => {
      page.setDefaultTimeout(45_000);
      const id = Date.now().toString(36).toUpperCase();
      const supplier = `E2EI${id}`;
      const skus = [1, 2, 3].map((n) => `E2EI-${id}-${n}`);
      // Set-up through the API: products, a supplier with a Windows-31J profile and a guard, its rules.
      const api = await apiRequest.newContext({ baseURL: base, ignoreHTTPSErrors: true });
      try {
        const auth = await api.post('/api/auth/login', { data: { username: 'operator', password: PASSWORD } });
        const headers = { Authorization: `Bearer ${(await auth.json()).accessToken}` };
        for (const sku of skus) {
          const r = await api.post('/api/catalog/products', { headers, data: { sku, jan: randomJan(), name: `E2E 取込 ${sku}` } });
          if (r.status() !== 201) throw new Error(`product ${sku}: ${r.status()} ${await r.text()}`);
        }
        const created = await api.post('/api/catalog/suppliers', {
          headers,
          data: {
            code: supplier,
            name: 'E2E 取込商事',
            active: true,
            profile: {
              format: 'CSV',
              encoding: 'Windows-31J',
              headerRows: 1,
              columns: { code: { header: '品番' }, name: { header: '商品名' }, stock: { header: '在庫' }, cost: { header: '原価' } },
            },
            source: { type: 'UPLOAD' },
            guard: { minRows: 3 },
            missingItemsPolicy: 'KEEP',
          },
        });
        if (created.status() !== 201) throw new Error(`supplier: ${created.status()} ${await created.text()}`);
        const rules = await api.put(`/api/catalog/suppliers/${supplier}/rules`, {
          headers,
          data: { rules: skus.map((sku, i) => ({ name: `e2e-${i + 1}`, match: { type: 'EXACT', code: `A-${i + 1}`, sku } })), comment: 'e2e import', baseVersion: 0 },
        });
        if (!rules.ok()) throw new Error(`rules: ${rules.status()} ${await rules.text()}`);
      } finally {
        await api.dispose();
      }
      // Windows-31J bytes (the header 品番,商品名,在庫,原価 and the names ボールペン, ノート, 消しゴム).
      const sjis = (hex) => Buffer.from(hex, 'hex');
      const HEADER = '956994d42c8fa4956996bc2c8ddd8cc92c8cb489bf';
      const NAMES = ['837b815b838b83798393', '836d815b8367', '8fc182b583538380'];
      const csv = (rows) =>
        Buffer.concat([sjis(HEADER), Buffer.from('\r\n'), ...rows.flatMap(([i, stock, cost]) => [Buffer.from(`A-${i + 1},`), sjis(NAMES[i]), Buffer.from(`,${stock},${cost}\r\n`)])]);

      await login(page, 'operator');
      await navLinks(page);
      await page.getByRole('link', { name: '取込', exact: true }).click();
      await page.getByRole('heading', { name: '取込履歴', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'ファイルを取り込む' }).click();
      await page.getByLabel('仕入先', { exact: true }).selectOption(supplier);
      await page.getByLabel('取り込むファイル').setInputFiles({ name: 'e2e-sjis.csv', mimeType: 'text/csv', buffer: csv([[0, 10, 100], [1, 5, 200], [2, 3, 50]]) });
      // The preview decodes the Windows-31J file with the supplier's profile.
      await page.getByTestId('detected-encoding').getByText('Windows-31J').waitFor();
      await page.getByRole('table', { name: '先頭行のプレビュー' }).getByText('消しゴム').waitFor();
      await page.getByRole('button', { name: 'アップロードして差分を確認' }).click();
      await page.getByRole('heading', { name: /取込 #\d+/, level: 2 }).waitFor();
      await page.getByRole('progressbar', { name: '取込の進捗' }).waitFor();
      // The dry run stops at the diff: three new products.
      await page.getByTestId('diff-NEW').getByText('3', { exact: true }).waitFor({ timeout: 90_000 });
      await page.getByRole('table', { name: '差分: 新規' }).getByText(skus[2]).waitFor();
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'import-diff.png'), fullPage: true });
      await page.getByRole('button', { name: '反映する' }).click();
      await page.getByText('反映しました。').waitFor({ timeout: 90_000 });
      await page.getByRole('heading', { name: /取込 #\d+/, level: 2 }).getByText('反映済').waitFor();

      // A normal run with two rows: the guard (at least 3 rows) holds it; the operator approves it.
      await page.getByRole('button', { name: '別のファイルを取り込む' }).click();
      await page.getByLabel('取り込むファイル').setInputFiles({ name: 'e2e-sjis-2.csv', mimeType: 'text/csv', buffer: csv([[0, 7, 100], [1, 5, 210]]) });
      await page.getByRole('table', { name: '先頭行のプレビュー' }).getByText('ノート').waitFor();
      await page.getByLabel('試行（差分を確認してから反映する）').uncheck();
      await page.getByRole('button', { name: 'アップロードして取り込む' }).click();
      await page.getByRole('heading', { name: '安全チェックにより保留されました' }).waitFor({ timeout: 90_000 });
      await page.getByText(/Only 2 rows/).waitFor();
      await page.getByTestId('diff-CHANGED').getByText('2', { exact: true }).waitFor();
      await page.screenshot({ path: join(outDir, 'import-held.png'), fullPage: true });
      await page.getByRole('button', { name: '承認して反映' }).click();
      await page.getByText('反映しました。').waitFor({ timeout: 90_000 });
      const details = await page.getByRole('link', { name: /取込 #\d+ の詳細/ }).getAttribute('href');

      // The product's new stock (7 from the approved run), and the same in an export.
      await page.goto(`${base}/stock/${encodeURIComponent(skus[0])}`);
      await page.getByTestId('total-quantity').getByText('7', { exact: true }).waitFor();
      await page.getByRole('link', { name: '出力' }).click();
      await page.getByLabel('文字コード').selectOption('UTF-8');
      await page.getByLabel('SKU で絞り込み').fill(skus[0]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ダウンロード' }).click()]);
      const exported = readFileSync(await download.path(), 'utf8');
      const line = exported.split('\n').find((l) => l.startsWith(`${skus[0]},`)) ?? '';
      if (!line.split(',').includes('7')) {
        throw new Error(`the export does not show the new stock 7 of ${skus[0]}: ${exported.slice(0, 300)}`);
      }

      // Its details: phase timings, then a rollback after a confirmation; the stock is 10 again.
      await page.goto(new URL(details, `${base}/`).toString());
      await page.getByTestId('phases').waitFor();
      await page.getByRole('button', { name: 'ロールバックする' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'ロールバックを実行' }).click();
      await page.getByRole('heading', { level: 1 }).getByText('ロールバック済').waitFor({ timeout: 60_000 });
      const rolledBackAt = page.url();
      await page.goto(`${base}/stock/${encodeURIComponent(skus[0])}`);
      await page.getByTestId('total-quantity').getByText('10', { exact: true }).waitFor();
      await page.goto(rolledBackAt);
      await page.getByRole('heading', { level: 1 }).getByText('ロールバック済').waitFor();
      await page.screenshot({ path: join(outDir, 'import-run.png'), fullPage: true });

      // History by supplier: the rolled-back run and the committed dry run.
      await page.getByRole('link', { name: '← 取込履歴' }).click();
      await page.getByRole('search', { name: '取込履歴の絞り込み' }).getByLabel('仕入先').selectOption(supplier);
      await page.getByRole('button', { name: '絞り込む' }).click();
      await page.getByText('2 件').waitFor();
      // The dashboard: the supplier was imported just now.
      await page.getByRole('link', { name: 'ダッシュボード' }).click();
      await page.getByTestId(`fresh-${supplier}`).getByText('最新').waitFor();
      await page.getByTestId('live-status').getByText('ライブ更新中').waitFor();
      await page.screenshot({ path: join(outDir, 'dashboard-live.png'), fullPage: true });
    });
    await ctx.close();

    ctx = await newContext();
    await test('a second tab shares the session through the cookie, and a logout ends both', ctx, async (page) => {
      await login(page, 'viewer');
      await navLinks(page);
      const other = await ctx.newPage();
      try {
        await other.goto(`${base}/suppliers`);
        await other.getByRole('heading', { name: '仕入先', level: 1 }).waitFor({ timeout: 15_000 });
        await page.getByRole('button', { name: 'ログアウト' }).click();
        await page.getByRole('button', { name: 'ログイン' }).waitFor();
        await other.getByRole('button', { name: 'ログイン', exact: true }).waitFor({ timeout: 10_000 });
      } finally {
        await other.close();
      }
    });
    await ctx.close();

    ctx = await newContext();
    await test('the token is refreshed silently before it expires; without the cookie the session expires', ctx, async (page) => {
      page.setDefaultTimeout(tokenTtl * 3000);
      const refreshes = [];
      page.on('response', (r) => {
        if (r.url().endsWith('/api/auth/refresh')) refreshes.push(r.status());
      });
      await login(page, 'operator');
      await navLinks(page);
      const answer = await page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'), { timeout: tokenTtl * 2000 });
      if (answer.status() !== 200) throw new Error(`silent refresh answered ${answer.status()}`);
      await page.getByRole('link', { name: '仕入先' }).click();
      await page.locator('table, .empty').first().waitFor();
      // Without the HttpOnly refresh cookie the next refresh fails: the expiry screen, then login.
      await ctx.clearCookies();
      await page.getByRole('heading', { name: 'セッションの有効期限が切れました' }).waitFor();
      await page.getByRole('button', { name: '再ログイン' }).click();
      await page.getByRole('button', { name: 'ログイン' }).waitFor();
      if (refreshes.filter((s) => s === 200).length < 1) throw new Error(`refresh answers: ${refreshes}`);
    });
    await ctx.close();
  } finally {
    await browser.close();
  }
}

let fatal = null;
const guard = setTimeout(() => {
  console.error('e2e: overall time limit (8 min) reached');
  fatal = new Error('time limit');
  void stopStack().finally(() => process.exit(2));
}, 8 * 60_000);
try {
  await run();
} catch (e) {
  fatal = e;
  console.error(`e2e: ${e instanceof Error ? e.stack : e}`);
  record('the end-to-end run completed', false);
} finally {
  await stopStack().catch((e) => record('the stack stopped', false, String(e)));
  clearTimeout(guard);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`e2e: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed > 0 || fatal ? 1 : 0);
