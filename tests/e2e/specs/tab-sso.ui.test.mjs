// The dashboard tab signed in with Teams SSO, in Debian's Chromium (Must show 4 of issue 11). A fake Teams host page,
// served by the test at https://teams.microsoft.com (so the bot's real CSP frame-ancestors and TeamsJS's own list of
// Teams origins both apply), iframes {bot}/tab and answers TeamsJS's postMessage protocol: initialize, getContext and
// authentication.getAuthToken with a token minted by a fake Entra tenant on 127.0.0.1, whose metadata and keys the bot
// fetches. Staff see the dashboard; a liaison only their department (no other department's name or photo in the DOM);
// wrong audience, wrong issuer, expired, unsigned tokens and someone not on the roster see nothing of the week.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startBot, startFileServer, startConnector, startFakeEntra, freePort, artifacts, repoRoot, e2eDir } from '../lib/harness.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The host page is on a public origin (teams.microsoft.com) and the bot on 127.0.0.1: Chromium's Local Network Access
// would refuse that frame, which in real use is a public https host. Only that check is switched off.
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=LocalNetworkAccessChecks'];
const weekFile = join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json');
const week = JSON.parse(readFileSync(weekFile, 'utf8'));
const departments = week.departments.map(d => d.name);
const tenantId = '6f1a8c2e-0000-4000-8000-00000000c0de';
const clientId = 'b1e7c0de-5a5a-4c4c-9d9d-000000007ab5';
const users = {
  wu: { id: '29:office-wu', name: '吴苏玲', aadObjectId: '0ff1ce00-0000-4000-8000-000000000001', upn: 'wusuling@college.example.edu.cn' },
  zhang: { id: '29:liaison-jd', name: '张伟', aadObjectId: '11a150a0-0000-4000-8000-000000000001', upn: 'zhangwei@college.example.edu.cn' },
  li: { id: '29:liaison-xx', name: '李娜', aadObjectId: '11a150a0-0000-4000-8000-000000000002', upn: 'lina@college.example.edu.cn' },
  stranger: { aadObjectId: '99999999-0000-4000-8000-000000000009', upn: 'luren@college.example.edu.cn' },
};
const teamsJs = readFileSync(join(e2eDir, 'node_modules', '@microsoft', 'teams-js', 'dist', 'umd', 'MicrosoftTeams.min.js'));
let bot, entra, files, connector, browser, audience, photos;

const envelope = (user, extra) => ({
  channelId: 'msteams', serviceUrl: connector.url, locale: 'zh-CN', timestamp: new Date().toISOString(),
  from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
  recipient: { id: '28:00000000-0000-0000-0000-0000000b0700', name: '职教活动周助手' },
  conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId },
  channelData: { tenant: { id: tenantId } },
  ...extra,
});

async function post(activity) {
  const r = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  assert.ok(r.status === 200 || r.status === 201 || r.status === 202, `bot answered ${r.status}`);
}

async function waitFor(pred, what, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const hit = pred();
    if (hit) return hit;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A liaison sends a photo in their chat, as Teams delivers a file; waits for the bot's acknowledgement. */
async function sendPhoto(user, name, n) {
  const before = connector.posts.length;
  await post(envelope(user, {
    type: 'message', id: `tab-photo-${n}`, text: '',
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name,
      contentUrl: `https://college.sharepoint.example/personal/${user.id}/Documents/${name}`,
      content: { downloadUrl: files.url(`/download/${n}.png`), uniqueId: `P${n}`, fileType: 'png' } }],
  }));
  await waitFor(() => connector.posts.slice(before).find(p => /已收到/.test(p?.text ?? '')), `${user.name}'s photo acknowledgement`);
}

/**
 * The Teams web client as far as a tab sees it: an iframe of the tab's contentUrl and answers to TeamsJS's requests
 * ({id, uuidAsString, func, args} in, {id, uuidAsString, args} out), in the shapes teams-js 2.58.0 reads them.
 */
function hostPage(tabUrl, token, { locale = 'zh-cn' } = {}) {
  const context = { locale, theme: 'default', entityId: 'dashboard', frameContext: 'content', hostClientType: 'web', tid: tenantId };
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Microsoft Teams</title></head>
<body style="margin:0"><iframe id="tab" src="${tabUrl}" style="border:0;width:100vw;height:100vh"></iframe><script>
const token = ${JSON.stringify(token)};
const runtime = JSON.stringify({ apiVersion: 4, supports: { appInitialization: {}, authentication: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} } });
window.seen = [];
window.addEventListener('message', e => {
  const tab = document.getElementById('tab').contentWindow;
  if (e.source !== tab || !e.data || typeof e.data.func !== 'string') return;
  const m = e.data;
  window.seen.push(m.func);
  let args;
  if (m.func === 'initialize') args = ['content', 'web', runtime, '2.58.0'];
  else if (m.func === 'getContext') args = [${JSON.stringify(context)}];
  else if (m.func === 'authentication.getAuthToken') args = token ? [true, token] : [false, 'resourceRequiresConsent'];
  else return;
  tab.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
});
</script></body></html>`;
}

/** Opens the tab inside the fake Teams host with `token`; returns the page and the tab's frame once it has settled. */
async function openTab(token, { locale = 'zh-cn', viewport = { width: 1280, height: 900 } } = {}) {
  const ctx = await browser.newContext({ viewport, locale: locale.startsWith('en') ? 'en-US' : 'zh-CN' });
  // TeamsJS asks Microsoft's CDN for its list of Teams hosts only when the host is not on its built-in list; no network here.
  await ctx.route('https://res.cdn.office.net/**', r => r.abort());
  await ctx.route('https://teams.microsoft.com/**', r => r.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8',
    body: hostPage(`http://127.0.0.1:${bot.port}/tab?lang=${locale}`, token, { locale }),
  }));
  const page = await ctx.newPage();
  const sessions = [];
  page.on('response', r => { if (r.url().includes('/tab/session')) sessions.push(r.status()); });
  await page.goto('https://teams.microsoft.com/_#/apps/vocedweek/sections/dashboard');
  const frame = () => page.frames().find(f => f.url().startsWith(`http://127.0.0.1:${bot.port}/`));
  await waitFor(() => frame(), 'the tab frame');
  // Settled: sent on to a dashboard page, or a sentence shown on the tab page.
  const end = Date.now() + 20000;
  for (;;) {
    const f = frame();
    if (/\/dashboard\?t=/.test(f.url()) || await f.locator('body[data-state="done"]').count().catch(() => 0)) break;
    if (Date.now() > end) throw new Error(`the tab did not settle: ${f.url()}`);
    await new Promise(r => setTimeout(r, 100));
  }
  const tab = frame();
  await tab.locator('body').waitFor();
  if (/\/dashboard\?t=/.test(tab.url())) await tab.locator('main').waitFor();
  return { ctx, page, tab, sessions, seen: await page.evaluate(() => window.seen) };
}

async function assertNothingOfTheWeek(tab, expected) {
  assert.ok(!/\/dashboard\?t=/.test(tab.url()), `stays on the tab page, not ${tab.url()}`);
  const html = await tab.content();
  assert.ok(!html.includes(week.title), 'the week title must not be in the DOM');
  for (const name of departments) assert.ok(!html.includes(name), `${name} must not be in the DOM`);
  assert.equal(await tab.locator('img, table').count(), 0);
  assert.match(await tab.locator('#tab-message').innerText(), expected);
}

before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
  const painter = await browser.newPage({ viewport: { width: 800, height: 600 } });
  photos = {};
  for (const [n, text, colour] of [[1, '机电 开幕式', '#c8471e'], [2, '信息 机房开放', '#245fa8']]) {
    await painter.setContent(`<body style="margin:0;background:${colour};font:64px sans-serif;color:#fff;display:flex;align-items:center;justify-content:center;height:600px">${text}</body>`);
    photos[`/download/${n}.png`] = await painter.screenshot({ type: 'png' });
  }
  await painter.close();
  files = await startFileServer(photos);
  connector = await startConnector();
  entra = await startFakeEntra({ tenantId });
  const port = await freePort();
  audience = `api://127.0.0.1:${port}/${clientId}`;
  bot = await startBot({ port, extraEnv: {
    Week__DefinitionFile: weekFile, Clock__StartAt: '2024-05-14T10:00:00+08:00', Office__AnnounceStartup: 'false',
    Links__PublicBaseUrl: `http://127.0.0.1:${port}`, ...entra.env(clientId),
  } });
  await sendPhoto(users.zhang, '开幕式.png', 1);
  await sendPhoto(users.li, '机房开放.png', 2);
});
after(async () => { await browser?.close(); await bot?.stop(); await entra?.close(); await files?.close(); await connector?.close(); });

test('the bot serves TeamsJS byte for byte as the pinned npm package has it, and names that version', async () => {
  const html = await (await fetch(`http://127.0.0.1:${bot.port}/tab`)).text();
  const src = /<script nonce="[^"]+" src="([^"]+)"/.exec(html)[1];
  const served = Buffer.from(await (await fetch(`http://127.0.0.1:${bot.port}${src}`)).arrayBuffer());
  assert.ok(served.equals(teamsJs), 'bot/Features/Dashboard/SignIn/TeamsJs/MicrosoftTeams.min.js differs from the npm package: run `npm run update-teams-js`');
  const { version } = JSON.parse(readFileSync(join(e2eDir, 'node_modules', '@microsoft', 'teams-js', 'package.json'), 'utf8'));
  const pinned = JSON.parse(readFileSync(join(e2eDir, 'package.json'), 'utf8')).dependencies['@microsoft/teams-js'];
  assert.equal(version, pinned);
  assert.match(readFileSync(join(repoRoot, 'bot', 'Features', 'Dashboard', 'SignIn', 'TeamsJs', 'NOTICE.md'), 'utf8'), new RegExp(`^version: ${version.replace(/\./g, '\\.')}$`, 'm'));
});

test('office staff signed in by Teams see the whole dashboard in the tab', async () => {
  const { ctx, page, tab, seen, sessions } = await openTab(entra.token({ aud: clientId, oid: users.wu.aadObjectId, preferred_username: users.wu.upn }));
  assert.deepEqual(seen.slice(0, 3), ['initialize', 'getContext', 'authentication.getAuthToken']);
  assert.deepEqual(sessions, [200]);
  assert.match(tab.url(), /\/dashboard\?t=/);
  assert.equal(await tab.locator('h1').innerText(), week.title);
  for (const name of departments) assert.ok(await tab.locator('table.grid th.dept', { hasText: name }).isVisible(), `${name} row`);
  // Lazy-loaded photos: scrolled into view, both really load (the media endpoint serves the staff link every department's).
  for (const img of await tab.locator('ul.gallery img').all()) await img.scrollIntoViewIfNeeded();
  await tab.waitForFunction(() => [...document.querySelectorAll('ul.gallery img')].length === 2 && [...document.querySelectorAll('ul.gallery img')].every(i => i.complete && i.naturalWidth > 0), null, { timeout: 15000 });
  await tab.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'tab-sso-staff.png') });
  await ctx.close();
});

test('a liaison signed in by Teams sees only their own department: no other department\'s name or photo in the DOM', async () => {
  // A v1 token this time: issuer sts.windows.net and the Application ID URI as audience, as Entra issues by default.
  const token = entra.token({ aud: audience, iss: `https://sts.windows.net/${tenantId}/`, ver: '1.0', oid: users.zhang.aadObjectId, upn: users.zhang.upn });
  const { ctx, page, tab } = await openTab(token, { viewport: { width: 390, height: 844 } });
  assert.match(tab.url(), /\/dashboard\?t=/);
  assert.equal(await tab.locator('body').getAttribute('data-view'), 'department');
  const html = await tab.content();
  assert.ok(html.includes('机电工程学院'));
  for (const name of departments.filter(d => d !== '机电工程学院')) assert.ok(!html.includes(name), `${name} must not be in the DOM`);
  assert.equal(await tab.locator('table.grid').count(), 0);
  assert.equal(await tab.locator('li[data-item="report:2024-05-14"]').count(), 1);
  assert.equal(await tab.locator('ul.gallery img').count(), 1);
  assert.match(await tab.locator('ul.gallery img').getAttribute('alt'), /开幕式\.png/);
  assert.ok(!html.includes('机房开放'), 'the other department\'s photo must not be in the DOM');
  await tab.locator('ul.gallery img').scrollIntoViewIfNeeded();
  await tab.waitForFunction(() => { const i = document.querySelector('ul.gallery img'); return i && i.complete && i.naturalWidth === 800; }, null, { timeout: 15000 });
  await tab.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'tab-sso-liaison.png') });
  await ctx.close();
});

const refused = [
  ['wrong-audience', () => entra.token({ aud: `api://elsewhere.example.org/${clientId}`, oid: users.wu.aadObjectId, preferred_username: users.wu.upn })],
  ['wrong-issuer', () => entra.token({ aud: clientId, iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', oid: users.wu.aadObjectId })],
  ['expired', () => { const now = Math.floor(Date.now() / 1000); return entra.token({ aud: clientId, oid: users.wu.aadObjectId, iat: now - 7200, nbf: now - 7200, exp: now - 3600 }); }],
  ['unsigned', () => entra.unsigned({ aud: clientId, oid: users.wu.aadObjectId, preferred_username: users.wu.upn })],
  ['unknown-key', () => entra.token({ aud: clientId, oid: users.wu.aadObjectId }, { key: entra.otherKey() })],
];
for (const [name, make] of refused) {
  test(`a token with ${name.replace('-', ' ')} sees nothing of the week`, async () => {
    const { ctx, page, tab, sessions } = await openTab(make());
    // The bot refused the token (not TeamsJS or the page failing on the way).
    assert.deepEqual(sessions, [401]);
    await assertNothingOfTheWeek(tab, /无法通过 Teams 确认您的身份。请在 Teams 中向机器人发送“看板”获取链接/);
    await page.screenshot({ path: join(artifacts, `tab-sso-refused-${name}.png`) });
    await ctx.close();
  });
}

test('someone Teams signs in who is not on the roster is told so, in English when Teams is in English', async () => {
  const { ctx, page, tab, sessions } = await openTab(entra.token({ aud: clientId, oid: users.stranger.aadObjectId, preferred_username: users.stranger.upn }), { locale: 'en-us' });
  assert.deepEqual(sessions, [403]);
  await assertNothingOfTheWeek(tab, /not on this week's office or liaison list/);
  await page.screenshot({ path: join(artifacts, 'tab-sso-not-on-roster.png') });
  await ctx.close();
});

test('when Teams gives no token the tab says how to get a link; opened outside Teams it says where it belongs', async () => {
  const { ctx, tab, sessions } = await openTab(null);
  assert.deepEqual(sessions, [], 'without a token nothing is sent');
  await assertNothingOfTheWeek(tab, /请在 Teams 中向机器人发送“看板”获取链接/);
  const outside = await ctx.newPage();
  await outside.goto(`http://127.0.0.1:${bot.port}/tab?lang=zh-cn`);
  await outside.locator('body[data-state="done"]').waitFor();
  assert.match(await outside.locator('#tab-message').innerText(), /需要在 Teams 的“进度看板”标签页中打开/);
  await ctx.close();
});
