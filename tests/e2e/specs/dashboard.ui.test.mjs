// The office dashboard in Debian's Chromium, with data made the way users make it: liaisons hand in today's report
// (Action.Execute POSTed to the bot as Teams delivers it) and 张伟 sends a photo and a video in his chat (Teams file
// attachments whose download links a local file server answers); office staff 吴苏玲 types "看板" in Agents Playground
// and gets the link. A valid link shows the grid and the gallery (a photo that really loaded) and lists the video, which
// plays and seeks in Chromium's own player; a phone-sized screenshot is kept;
// an altered link and an expired one (a second bot whose links last 3 seconds) show no department and no grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startBot, startPlayground, startFileServer, startConnector, freePort, isCard, cardOf, artifacts, repoRoot } from '../lib/harness.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const weekFile = join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json');
const departments = JSON.parse(readFileSync(weekFile, 'utf8')).departments.map(d => d.name);
const users = {
  zhang: { id: '29:liaison-jd', name: '张伟', aadObjectId: '11a150a0-0000-4000-8000-000000000001' },
  li: { id: '29:liaison-xx', name: '李娜', aadObjectId: '11a150a0-0000-4000-8000-000000000002' },
  wu: { id: '29:office-wu', name: '吴苏玲', aadObjectId: '0ff1ce00-0000-4000-8000-000000000001' },
};
let bot, pg, files, connector, browser, photo, video;

const envelope = (b, user, extra) => ({
  channelId: 'msteams', serviceUrl: connector.url, locale: 'zh-CN', timestamp: new Date().toISOString(),
  from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
  recipient: { id: '28:00000000-0000-0000-0000-0000000b0700', name: '职教活动周助手' },
  conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: '6f1a8c2e-0000-4000-8000-00000000c0de' },
  channelData: { tenant: { id: '6f1a8c2e-0000-4000-8000-00000000c0de' } },
  ...extra,
});

async function post(b, activity) {
  const r = await fetch(b.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  assert.ok(r.status === 200 || r.status === 201 || r.status === 202, `bot answered ${r.status}`);
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

async function submitReport(b, user, n, typicalCase) {
  const answer = await post(b, envelope(b, user, {
    type: 'invoke', name: 'adaptiveCard/action', id: `dash-submit-${n}`,
    value: { action: { type: 'Action.Execute', verb: 'report.submit', data: {
      verb: 'report.submit', weekId: '2024-wuxi', itemKey: 'report:2024-05-14', cardId: `dash-card-${n}`,
      held: '', newActivities: '智能制造实训中心开放日', participants: '120', typicalCase, story: '', featureReport: '', mediaLinks: '' } }, trigger: 'manual' },
  }));
  assert.match(JSON.stringify(answer.value), /已提交/, `${user.name}'s report: ${JSON.stringify(answer).slice(0, 300)}`);
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

const openUrlOf = card => {
  let url = null;
  const walk = n => { if (url || !n || typeof n !== 'object') return; if (n.type === 'Action.OpenUrl') { url = n.url; return; } Object.values(n).forEach(walk); };
  walk(card);
  assert.ok(url, `no Action.OpenUrl in ${JSON.stringify(card).slice(0, 300)}`);
  return url;
};

async function startOfficeBot(extraEnv = {}) {
  const port = await freePort();
  return startBot({ port, extraEnv: {
    Week__DefinitionFile: weekFile, Clock__StartAt: '2024-05-14T10:00:00+08:00', Office__AnnounceStartup: 'false',
    Links__PublicBaseUrl: `http://127.0.0.1:${port}`, ...extraEnv,
  } });
}

before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
  // A real photo (a rendered 800×600 PNG), so the gallery's <img> has something to decode.
  const painter = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await painter.setContent('<body style="margin:0;background:linear-gradient(135deg,#c8471e,#f2b134);font:64px sans-serif;color:#fff;display:flex;align-items:center;justify-content:center;height:600px">开幕式 2024</body>');
  photo = await painter.screenshot({ type: 'png' });
  // A real video: two seconds of a canvas recorded by Chromium's own MediaRecorder (WebM), so the player can decode it.
  video = Buffer.from(await painter.evaluate(async () => {
    document.body.innerHTML = '<canvas id="c" width="320" height="240"></canvas>';
    const c = document.getElementById('c');
    const g = c.getContext('2d');
    const recorder = new MediaRecorder(c.captureStream(15), { mimeType: 'video/webm' });
    const chunks = [];
    recorder.ondataavailable = e => chunks.push(e.data);
    recorder.start();
    for (let i = 0; i < 20; i++) {
      g.fillStyle = `hsl(${i * 18},70%,50%)`; g.fillRect(0, 0, 320, 240);
      g.fillStyle = '#fff'; g.font = '40px sans-serif'; g.fillText(`技能展示 ${i}`, 20, 130);
      await new Promise(r => setTimeout(r, 100));
    }
    recorder.stop();
    await new Promise(r => { recorder.onstop = r; });
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }), 'base64');
  await painter.close();

  files = await startFileServer({ '/download/opening.png': photo, '/download/skills.webm': video });
  connector = await startConnector();
  bot = await startOfficeBot();
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
});
after(async () => { await browser?.close(); await pg?.stop(); await bot?.stop(); await files?.close(); await connector?.close(); });

let link, chineseLink;

test('liaisons hand in today\'s report and a photo; staff ask "看板" and get a signed link', async () => {
  await submitReport(bot, users.zhang, 1, '开放日吸引了周边三所初中的学生参与职业体验。');
  await submitReport(bot, users.li, 2, '信息工程学院举办网络安全体验课。');

  await post(bot, envelope(bot, users.zhang, {
    type: 'message', id: 'dash-photo-1', text: '',
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: '开幕式.png',
      contentUrl: 'https://college.sharepoint.example/personal/zhangwei/Documents/开幕式.png',
      content: { downloadUrl: files.url('/download/opening.png'), uniqueId: 'D1', fileType: 'png' } }],
  }));
  const ack = await waitFor(() => connector.posts.find(p => /已收到/.test(p?.text ?? '')), 'the photo acknowledgement');
  assert.match(ack.text, /1 张照片/);
  await post(bot, envelope(bot, users.zhang, {
    type: 'message', id: 'dash-video-1', text: '',
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: '技能展示.webm',
      contentUrl: 'https://college.sharepoint.example/personal/zhangwei/Documents/技能展示.webm',
      content: { downloadUrl: files.url('/download/skills.webm'), uniqueId: 'D2', fileType: 'webm' } }],
  }));
  const videoAck = await waitFor(() => connector.posts.find(p => /1 个视频/.test(p?.text ?? '')), 'the video acknowledgement');
  assert.match(videoAck.text, /技能展示\.webm/);

  // The emulator's client is English (it sends locale en-US), so the card and the page it opens are in English.
  const since = pg.mark();
  await pg.say(pg.ids.personal, '看板');
  const frame = await pg.waitFrame(f => isCard(f) && /Open dashboard|打开看板/.test(JSON.stringify(cardOf(f))), { since });
  const card = cardOf(frame);
  assert.match(JSON.stringify(card), /valid until May 14, 22:0\d \(Beijing time\)|链接有效期至 5月14日 22:0\d（北京时间）/);
  link = openUrlOf(card);
  assert.match(link, new RegExp(`^http://127\\.0\\.0\\.1:${bot.port}/dashboard\\?t=[\\w-]+\\.[\\w-]+$`));

  // The same command from a Chinese Teams client (the connector delivers it straight to the bot).
  const before = connector.posts.length;
  await post(bot, envelope(bot, users.wu, { type: 'message', id: 'dash-ask-zh', text: '进度看板' }));
  const answer = await waitFor(() => connector.posts.slice(before).find(p => p?.attachments?.length), 'the Chinese dashboard card');
  assert.match(JSON.stringify(answer), /打开看板/);
  chineseLink = openUrlOf(answer.attachments[0].content);
});

test('desktop: the valid link shows the grid with the statuses and the gallery with the photo loaded', async () => {
  assert.ok(link, 'needs the link from the first test');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const response = await page.goto(link);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['cache-control'], 'no-store');

  await page.locator('table.grid').waitFor({ state: 'visible' });
  for (const name of departments) assert.ok(await page.locator('table.grid th.dept', { hasText: name }).isVisible(), `${name} row`);
  const jd = page.locator('tr[data-department="jd"] td.today');
  assert.equal(await jd.getAttribute('data-status'), 'on');
  assert.match(await jd.innerText(), /✓/);
  assert.equal(await page.locator('tr[data-department="jg"] td.today').getAttribute('data-status'), 'open');
  assert.match(await page.locator('[data-total="photos"] .n').innerText(), /^1$/);
  assert.match(await page.locator('[data-total="today"]').innerText(), /2\s*On time/);
  assert.match(await page.locator('html').getAttribute('lang'), /^en/);

  const img = page.locator('ul.gallery img').first();
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => { const i = document.querySelector('ul.gallery img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 15000 });
  assert.equal(await img.evaluate(i => i.naturalWidth), 800);
  assert.match(await page.locator('ul.gallery .cap').first().innerText(), /机电工程学院 · May 14/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'dashboard-desktop.png'), fullPage: true });
  await ctx.close();
});

test('phone (390×844): readable without zooming, the grid scrolls sideways with the department column kept, two photo columns', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  assert.ok(chineseLink, 'needs the link from the first test');
  await page.goto(chineseLink);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.match(await page.locator('[data-total="today"]').innerText(), /2\s*按时/);
  assert.match(await page.locator('ul.gallery .cap').first().innerText(), /机电工程学院 · 5月14日/);
  await page.locator('table.grid').waitFor({ state: 'visible' });

  const layout = await page.evaluate(() => {
    const wrap = document.querySelector('.grid-wrap');
    const before = document.querySelector('tr[data-department="jd"] th.dept').getBoundingClientRect().left;
    wrap.scrollLeft = wrap.scrollWidth;
    const after = document.querySelector('tr[data-department="jd"] th.dept').getBoundingClientRect().left;
    const sizes = [...document.querySelectorAll('main, main *')].filter(e => e.childElementCount === 0 && e.textContent.trim() && getComputedStyle(e).display !== 'none' && !e.closest('.sr'))
      .map(e => parseFloat(getComputedStyle(e).fontSize));
    wrap.scrollLeft = 0;
    return {
      pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
      gridScrolls: wrap.scrollWidth > wrap.clientWidth, deptMoved: Math.abs(after - before),
      galleryColumns: getComputedStyle(document.querySelector('ul.gallery')).gridTemplateColumns.split(' ').length,
      smallestFont: Math.min(...sizes),
    };
  });
  assert.equal(layout.viewport, 390);
  assert.ok(layout.pageWidth <= 390, `the page itself must not scroll sideways (${layout.pageWidth}px)`);
  assert.ok(layout.gridScrolls, 'the grid scrolls inside its box');
  assert.ok(layout.deptMoved < 1, `the department column stays in place (moved ${layout.deptMoved}px)`);
  assert.equal(layout.galleryColumns, 2);
  assert.ok(layout.smallestFont >= 12, `smallest text ${layout.smallestFont}px`);

  const img = page.locator('ul.gallery img').first();
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => { const i = document.querySelector('ul.gallery img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 15000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'dashboard-phone.png'), fullPage: true });
  await ctx.close();
});

test('the video is listed under the gallery and plays in its own tab, seekable', async () => {
  assert.ok(link, 'needs the link from the first test');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(link);
  assert.match(await page.locator('[data-total="videos"] .n').innerText(), /^1$/);
  const entry = page.locator('ul.videos li').first();
  assert.match(await entry.innerText(), /技能展示\.webm[\s\S]*机电工程学院 · May 14/);
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, 'dashboard-videos.png'), fullPage: true });

  const [player] = await Promise.all([ctx.waitForEvent('page'), entry.locator('a').click()]);
  await player.waitForLoadState();
  // Chromium's own player: the video's metadata loads (so the headers let it), and it can be seeked (byte ranges).
  await player.waitForFunction(() => { const v = document.querySelector('video'); return v && v.readyState >= 1 && v.duration > 0; }, null, { timeout: 15000 });
  const target = await player.evaluate(() => {
    const v = document.querySelector('video');
    window.seeked = false;
    v.addEventListener('seeked', () => { window.seeked = true; }, { once: true });
    v.currentTime = v.duration / 2;
    return v.currentTime;
  });
  // The seek must finish (the limit only ends a run that would hang): a player that cannot seek fails here.
  await player.waitForFunction(() => window.seeked, null, { timeout: 30000 });
  const state = await player.evaluate(() => {
    const v = document.querySelector('video');
    return { duration: v.duration, width: v.videoWidth, at: v.currentTime, error: v.error?.code ?? null };
  });
  assert.equal(state.error, null);
  assert.ok(target > 0 && Math.abs(state.at - target) < 0.5, `seeked to ${state.at}, asked for ${target}`);
  assert.equal(state.width, 320);
  assert.ok(state.duration > 1 || !Number.isFinite(state.duration), `duration ${state.duration}`);
  await player.screenshot({ path: join(artifacts, 'dashboard-video-player.png') });
  await ctx.close();
});

/** The page shows no department, no grid and no photo; it says how to get a link. */
async function assertShowsNothing(page) {
  const text = await page.locator('body').innerText();
  for (const name of departments) assert.ok(!text.includes(name), `${name} must not be shown`);
  assert.equal(await page.locator('table').count(), 0);
  assert.equal(await page.locator('img').count(), 0);
  assert.match(text, /请在 Teams 中向机器人发送“看板”获取链接/);
}

test('a tampered link shows nothing (403), nor does the tab without a link', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const [body, signature] = new URL(link).searchParams.get('t').split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  payload.exp = String(Number(payload.exp) + 86400 * 30); // "valid for another month"
  const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
  for (const token of [forged, `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`]) {
    const response = await page.goto(`http://127.0.0.1:${bot.port}/dashboard?t=${token}`);
    assert.equal(response.status(), 403);
    await assertShowsNothing(page);
  }
  const tab = await page.goto(`http://127.0.0.1:${bot.port}/dashboard?lang=zh-cn`);
  assert.equal(tab.status(), 200);
  await assertShowsNothing(page);
  await page.screenshot({ path: join(artifacts, 'dashboard-no-link.png') });
  await ctx.close();
});

test('an expired link shows nothing: the open page clears itself when it runs out, and reloading it is refused (410)', async () => {
  const shortBot = await startOfficeBot({ Links__DashboardLinkLifetime: '00:00:03' });
  try {
    const before = connector.posts.length;
    await post(shortBot, envelope(shortBot, users.wu, { type: 'message', id: 'dash-ask-short', text: '看板' }));
    const answer = await waitFor(() => connector.posts.slice(before).find(p => p?.attachments?.length), 'the dashboard card');
    const shortLink = openUrlOf(answer.attachments[0].content);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const first = await page.goto(shortLink);
    if (first.status() === 200) {
      // Served with the data while the link was valid; still open on screen when it runs out, the page removes the
      // data by itself. (On a slow machine the three seconds may be gone already when the page arrives: then 410.)
      // The page counts down the time left that the bot stated (data-remaining, on the bot's clock): once it has
      // cleared itself, the link has run out on the bot's clock too.
      assert.match(await first.text(), /<table class="grid">[\s\S]*机电工程学院/);
      assert.ok(Number(await page.locator('body').getAttribute('data-remaining')) <= 3000);
      await page.locator('table.grid').waitFor({ state: 'detached', timeout: 30000 });
      await assertShowsNothing(page);
      assert.match(await page.locator('body').innerText(), /已过期/);
    } else {
      assert.equal(first.status(), 410);
    }

    const again = await page.goto(shortLink);
    assert.equal(again.status(), 410);
    await assertShowsNothing(page);
    assert.match(await page.locator('body').innerText(), /此看板链接已过期/);
    await page.screenshot({ path: join(artifacts, 'dashboard-expired.png') });
    await ctx.close();
  } finally {
    await shortBot.stop();
  }
});
