// The personal upload page in Debian's Chromium. Liaison 张伟 (机电工程学院) types "上传链接" in the Teams
// emulator, opens the card's button, and uploads two photos and a video on Tuesday 14 May 2024 (rehearsal clock):
// progress bars fill one file after another, three ✓ lines, one acknowledgement in the chat, the files on disk
// under that day's report and listed on the report's receipt. Then: a phone-sized screen refusing a .exe with
// its reason, a tampered link and an expired link (a second bot whose links last 3 seconds).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { startBot, startPlayground, freePort, mediaBytes, isCard, cardOf, cardText, actionData, choices, artifacts, repoRoot } from '../lib/harness.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const weekFile = join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json');
const reportDir = dataDir => join(dataDir, 'files', '2024年职业教育活动周', '机电工程学院', '2024-05-14');
const sha = b => createHash('sha256').update(b).digest('hex');
const files = mkdtempSync(join(tmpdir(), 'vocedweek-upload-files-'));
let bot, pg, ctx, link, desktop;

/** A bot on a known port, so its links (Links:PublicBaseUrl) point at itself. */
async function startLinkedBot(extraEnv = {}) {
  const port = await freePort();
  return startBot({ port, extraEnv: {
    Week__DefinitionFile: weekFile, Clock__StartAt: '2024-05-14T09:30:00+08:00', Links__PublicBaseUrl: `http://127.0.0.1:${port}`, ...extraEnv,
  } });
}

/** The rows the page shows for picked files, once each has its final line. */
async function finishedRows(page, count, timeout = 60000) {
  await page.waitForFunction(n => document.querySelectorAll('#list li.ok, #list li.bad').length >= n, count, { timeout });
  return page.$$eval('#list li', lis => lis.map(li => ({ ok: li.classList.contains('ok'), text: li.innerText, bar: li.querySelector('progress')?.value ?? null })));
}

/**
 * Asks the bot for the page until it calls the link expired (410). The bot runs on the rehearsal clock, so the link's
 * expiry cannot be compared with this machine's clock; the limit is generous, it only ends a run that would hang.
 */
async function untilExpired(url, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status === 410) return;
    assert.equal(response.status, 200, `${url} before it expires`);
    if (Date.now() > end) throw new Error(`${url} still valid after ${ms} ms`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Types in the personal chat as 张伟 with a Chinese Teams client (the emulator's own messages are en-US). */
async function sayInChinese(text, id) {
  await pg.custom({
    type: 'message', id, channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN', text,
    from: { id: pg.config.currentUser.id, name: pg.config.currentUser.name, aadObjectId: pg.config.currentUser.aadObjectId },
    recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: pg.ids.personal, conversationType: 'personal', tenantId: pg.config.tenantId },
    channelData: { tenant: { id: pg.config.tenantId } },
  });
}

before(async () => {
  bot = await startLinkedBot();
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
  ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vocedweek-chromium-')), {
    executablePath: chromiumPath, headless: true, args: flags, viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
  });
  // Real JPEGs (screenshots of a page) and a video-sized file.
  const shot = ctx.pages()[0] ?? await ctx.newPage();
  await shot.setContent('<body style="background:linear-gradient(#4f52b2,#f3f2f1);font:40px sans-serif">开幕式</body>');
  writeFileSync(join(files, '开幕式.jpg'), await shot.screenshot({ type: 'jpeg', quality: 80 }));
  await shot.setViewportSize({ width: 900, height: 600 });
  writeFileSync(join(files, '实训 现场.jpg'), await shot.screenshot({ type: 'jpeg', quality: 90 }));
  writeFileSync(join(files, '技能展示.mp4'), mediaBytes('mp4', 12 * 1024 * 1024));
  writeFileSync(join(files, '校企签约.jpg'), await shot.screenshot({ type: 'jpeg', quality: 60 }));
  writeFileSync(join(files, 'virus.exe'), randomBytes(4096));
  await shot.setViewportSize({ width: 1280, height: 900 });
});
after(async () => { await ctx?.close(); await pg?.stop(); await bot?.stop(); });

test('the liaison asks for the link in the chat and the card\'s button opens the page', async () => {
  // The emulator's web UI shows what arrives while it is open: open it first, then ask.
  const chat = ctx.pages()[0];
  await chat.goto(pg.base + '/');
  await chat.getByText('Connected.').first().waitFor({ timeout: 30000 });
  await chat.getByRole('treeitem', { name: 'Personal Chat' }).click();
  const since = pg.mark();
  await sayInChinese('上传链接', 'ask-upload-link-1');
  const frame = await pg.waitFrame(f => isCard(f) && /Action\.OpenUrl/.test(cardText(cardOf(f))), { since });
  const card = cardOf(frame);
  assert.match(cardText(card), /机电工程学院 · 5月14日 日报/);
  assert.match(cardText(card), /5月14日 21:3\d（北京时间）/);
  link = card.actions.find(a => a.type === 'Action.OpenUrl').url;
  assert.ok(link.startsWith(`http://127.0.0.1:${bot.port}/upload/`), link);

  // Click the button in the emulator's own rendering of the card: Teams opens the link in the browser.
  const rendered = chat.locator('.ac-adaptiveCard', { hasText: '照片和视频上传链接' }).last();
  await rendered.waitFor({ timeout: 20000 });
  await chat.screenshot({ path: join(artifacts, 'upload-link-card.png') });
  [desktop] = await Promise.all([ctx.waitForEvent('page', { timeout: 15000 }), rendered.locator('button', { hasText: '打开上传页面' }).click()]);
  await desktop.waitForLoadState('domcontentloaded');
  assert.equal(desktop.url(), link);
  assert.equal(await desktop.title(), '上传照片和视频');
  assert.equal(await desktop.locator('#target').innerText(), '机电工程学院 · 5月14日 日报');
  assert.match(await desktop.locator('#expires').innerText(), /链接有效期至 5月14日 21:3\d（北京时间）/);
});

test('three files go up one after another with progress bars, three ✓ lines, and one acknowledgement in the chat', async () => {
  const page = desktop;
  await page.setViewportSize({ width: 1280, height: 900 });
  // Throttle the upload so the progress can be seen (and photographed) part-way.
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
  // Every value a progress bar takes, recorded by the page itself.
  await page.evaluate(() => {
    window.seenProgress = [];
    new MutationObserver(ms => ms.forEach(m => window.seenProgress.push(Number(m.target.getAttribute('value')))))
      .observe(document.getElementById('list'), { subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  const since = pg.mark();
  // The page's "done" calls: the one the chat acknowledgement answers.
  const doneCalls = [];
  page.on('request', r => { if (r.method() === 'POST' && r.url().endsWith('/done')) doneCalls.push(r); });
  await page.locator('#files').setInputFiles(['开幕式.jpg', '实训 现场.jpg', '技能展示.mp4'].map(n => join(files, n)));
  await page.waitForFunction(() => window.seenProgress.some(v => v > 0.05 && v < 0.95), null, { timeout: 30000 });
  await page.screenshot({ path: join(artifacts, 'upload-progress.png'), fullPage: true });
  const rows = await finishedRows(page, 3);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  assert.deepEqual(rows.map(r => r.ok), [true, true, true], JSON.stringify(rows));
  assert.match(rows[0].text, /✓ 已保存为“开幕式\.jpg”/);
  assert.match(rows[1].text, /✓ 已保存为“实训 现场\.jpg”/);
  assert.match(rows[2].text, /✓ 已保存为“技能展示\.mp4”（12\.0 MB）/);
  assert.deepEqual(rows.map(r => r.bar), [1, 1, 1]);
  const seen = await page.evaluate(() => window.seenProgress);
  assert.ok(seen.filter(v => v > 0 && v < 1).length >= 2, `progress seen part-way: ${seen.join(', ')}`);
  await page.locator('#summary').filter({ hasText: '本次已保存 3 个文件' }).waitFor();
  await page.screenshot({ path: join(artifacts, 'upload-desktop.png'), fullPage: true });

  const ack = await pg.waitFrame(f => f.action === 'createMessage' && /通过上传页面/.test(f.message?.text ?? ''), { since });
  assert.equal(ack.message.text, '（通过上传页面）已收到 2 张照片、1 个视频：开幕式.jpg、实训 现场.jpg、技能展示.mp4。已归入 机电工程学院 · 5月14日 日报。');
  // The summary shows once the page has said "done" and had its answer, and the bot posts the acknowledgement before
  // answering: the run is over, with one "done".
  assert.equal(doneCalls.length, 1);
  assert.equal((await doneCalls[0].response())?.status(), 200);
  // Whatever the bot posted to this chat before, the emulator shows before the answer to a later message.
  const later = pg.mark();
  await sayInChinese('我的提交', 'after-upload-1');
  await pg.waitFrame(f => isCard(f) && /我的提交/.test(cardText(cardOf(f))), { since: later });
  assert.equal(pg.frames.slice(since).filter(f => f.action === 'createMessage' && /已收到/.test(f.message?.text ?? '')).length, 1);
});

test('the files are on disk under that day\'s report, byte for byte, and listed on the report\'s receipt', async () => {
  const dir = reportDir(bot.dataDir);
  assert.deepEqual(readdirSync(dir).sort(), ['实训 现场.jpg', '开幕式.jpg', '技能展示.mp4'].sort());
  for (const name of readdirSync(dir)) assert.equal(sha(readFileSync(join(dir, name))), sha(readFileSync(join(files, name))), name);

  const since = pg.mark();
  await sayInChinese('日报', 'ask-report-1');
  const frame = await pg.waitFrame(f => isCard(f) && /report\.submit/.test(cardText(cardOf(f))), { since });
  const card = cardOf(frame);
  const held = choices(card, 'held');
  const receipt = await pg.invoke(pg.ids.personal, frame.message.messageId, 'report.submit', { ...actionData(card, 'report.submit'),
    held: held[0] ?? '', newActivities: held.length ? '' : '实训中心开放日', participants: '120', typicalCase: '开放日现场展示了学生技能。',
    story: '', featureReport: '', mediaLinks: '' });
  const text = JSON.stringify(receipt.value);
  // The emulator's button clicks come in English.
  assert.match(text, /已提交|Submitted/);
  assert.match(text, /(2 张照片、1 个视频：|2 photo\(s\), 1 video\(s\): )开幕式\.jpg(、|, )实训 现场\.jpg(、|, )技能展示\.mp4/);
});

test('on a phone-sized screen the page fits, and a .exe is refused with its reason while a photo goes through', async () => {
  const phone = await ctx.newPage();
  const complaints = [];
  phone.on('console', m => { if (m.type() === 'error') complaints.push(m.text()); });
  phone.on('pageerror', e => complaints.push(String(e)));
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(link);
  const pick = await phone.locator('#pick').boundingBox();
  assert.ok(pick.width >= 300 && pick.height >= 48, `big button: ${JSON.stringify(pick)}`);
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
  await phone.locator('#files').setInputFiles([join(files, 'virus.exe'), join(files, '校企签约.jpg')]);
  const rows = await finishedRows(phone, 2);
  assert.equal(rows[0].ok, false);
  assert.match(rows[0].text, /✗ virus\.exe（不支持此文件类型，可发送照片、视频、Word、PDF、PPT、Excel）/);
  assert.equal(rows[1].ok, true);
  assert.match(rows[1].text, /✓ 已保存为“校企签约\.jpg”/);
  await phone.locator('#summary').filter({ hasText: '本次已保存 1 个文件' }).waitFor();
  await phone.screenshot({ path: join(artifacts, 'upload-phone.png'), fullPage: true });
  // The strict Content-Security-Policy lets the page's own script and style run, and nothing else was needed.
  assert.deepEqual(complaints, []);
  assert.ok(!readdirSync(reportDir(bot.dataDir)).some(n => n.endsWith('.exe')));
  await phone.close();
});

test('a tampered link shows the error page and no form', async () => {
  const token = link.slice(link.lastIndexOf('/') + 1);
  const payload = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  payload.d = 'xx'; // another department
  const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${token.split('.')[1]}`;
  const page = await ctx.newPage();
  const response = await page.goto(link.replace(token, forged));
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('h1').innerText(), '链接无效');
  assert.match(await page.locator('#message').innerText(), /发送“上传链接”获取新链接/);
  assert.equal(await page.locator('input, form, script').count(), 0);
  assert.doesNotMatch(await page.content(), /机电工程学院|信息工程学院|张伟/);
  await page.screenshot({ path: join(artifacts, 'upload-tampered.png') });
  await page.close();
});

test('an expired link shows the expired page, and a page left open past expiry refuses further files', async () => {
  // A second bot whose links last 3 seconds, asked directly at its endpoint; replies land in a tiny local connector.
  const replies = [];
  const connector = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => { body += c; });
    req.on('end', () => { if (body) replies.push(JSON.parse(body)); res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ id: `r${replies.length}` })); });
  });
  await new Promise(r => connector.listen(0, '127.0.0.1', r));
  const shortBot = await startLinkedBot({ Links__UploadLinkLifetime: '00:00:03' });
  try {
    const response = await fetch(shortBot.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
      type: 'message', id: 'ask-link-1', channelId: 'msteams', serviceUrl: `http://127.0.0.1:${connector.address().port}/`, locale: 'zh-CN', text: '上传链接',
      from: { id: '29:liaison-jd', name: '张伟', aadObjectId: '11a150a0-0000-4000-8000-000000000001' },
      recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
      conversation: { id: 'a:personal-liaison-jd', conversationType: 'personal', tenantId: pg.config.tenantId },
      channelData: { tenant: { id: pg.config.tenantId } },
    }) });
    assert.equal(response.status, 200);
    const card = replies.flatMap(r => r.attachments ?? []).map(a => a.content).find(c => c?.actions);
    const shortLink = card.actions.find(a => a.type === 'Action.OpenUrl').url;

    const open = await ctx.newPage();
    await open.goto(shortLink);
    assert.equal(await open.locator('#target').innerText(), '机电工程学院 · 5月14日 日报');
    await untilExpired(shortLink);

    await open.locator('#files').setInputFiles([join(files, '校企签约.jpg'), join(files, '开幕式.jpg')]);
    const rows = await finishedRows(open, 2);
    assert.deepEqual(rows.map(r => r.ok), [false, false]);
    assert.match(rows[0].text, /链接已过期|已过期/);
    assert.match(rows[1].text, /链接已失效，未上传/);
    await open.close();

    const page = await ctx.newPage();
    const expired = await page.goto(shortLink);
    assert.equal(expired.status(), 410);
    assert.equal(await page.locator('h1').innerText(), '链接已过期');
    assert.match(await page.locator('#message').innerText(), /发送“上传链接”获取新链接/);
    assert.equal(await page.locator('input, form, script').count(), 0);
    assert.doesNotMatch(await page.content(), /机电工程学院|张伟/);
    await page.screenshot({ path: join(artifacts, 'upload-expired.png') });
    await page.close();
    let stored = [];
    try { stored = readdirSync(reportDir(shortBot.dataDir)); } catch { /* never created: nothing stored */ }
    assert.deepEqual(stored, []);
  } finally {
    await shortBot.stop();
    await new Promise(r => connector.close(r));
  }
});
