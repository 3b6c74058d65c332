// Exports in Agents Playground: office staff 吴苏玲 sends "导出统计表" and gets a card whose link downloads the
// xlsx from the bot (a zip, as an attachment with the Chinese file name); liaison 张伟 sending the same is refused.
// Works with whatever export writers the bot registers: only delivery is checked, never the file's content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startBot, startPlayground, freePort, isCard, cardOf, cardText, inConv, repoRoot, artifacts } from '../lib/harness.mjs';

let bot, office, liaison;

before(async () => {
  const port = await freePort();
  bot = await startBot({ port, extraEnv: {
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-19T18:00:00+08:00',
    Office__AnnounceStartup: 'false',
    Links__PublicBaseUrl: `http://127.0.0.1:${port}`,
  } });
  office = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
  liaison = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  for (const pg of [office, liaison]) {
    await pg.install(pg.ids.personal);
    await pg.waitFrame(isCard);
  }
});
after(async () => { await office?.stop(); await liaison?.stop(); await bot?.stop(); });

/** Every Action.OpenUrl url in a card. */
function links(card) {
  const found = [];
  const walk = n => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && n.type === 'Action.OpenUrl') found.push(n.url);
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return found;
}

test('staff export the statistics table and the card\'s link downloads the xlsx', async () => {
  const since = office.mark();
  await office.say(office.ids.personal, '导出统计表');
  const frame = await office.waitFrame(f => isCard(f) && inConv(office.ids.personal)(f) && /export\.send/.test(cardText(cardOf(f))), { since, timeout: 60000 });
  const card = cardOf(frame);
  assert.match(cardText(card), /情况统计表|Statistics table/); // the emulator's locale decides the language
  assert.match(cardText(card), /2024年职业教育活动周/);
  const [link, ...more] = links(card);
  assert.equal(more.length, 0, 'one file, one link');
  assert.ok(link.startsWith(`http://127.0.0.1:${bot.port}/download/`), link);

  const response = await fetch(link);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const disposition = response.headers.get('content-disposition');
  assert.match(disposition, /^attachment; filename="statistics-2024-wuxi\.xlsx"; filename\*=UTF-8''/);
  assert.match(decodeURIComponent(disposition.split("UTF-8''")[1]), /\.xlsx$/);
  assert.match(response.headers.get('cache-control'), /no-store/);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.ok(bytes.length > 100, `${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'an xlsx is a zip: PK\\x03\\x04');

  // A link altered by one character is refused.
  const altered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
  assert.equal((await fetch(altered)).status, 404);
});

test('a liaison asking for the statistics table is refused and gets no link', async () => {
  const since = liaison.mark();
  await liaison.say(liaison.ids.personal, '导出统计表');
  const reply = await liaison.waitFrame(f => f.action === 'createMessage' && inConv(liaison.ids.personal)(f) && /仅供教务处使用|for 教务处 only/.test(f.message.text ?? ''), { since });
  assert.match(reply.message.text, /我的提交|my submissions/);
  // No sleep: the reply to a later message proves the refusing turn is over.
  const later = liaison.mark();
  await liaison.say(liaison.ids.personal, 'help');
  const help = await liaison.waitFrame(f => isCard(f) && inConv(liaison.ids.personal)(f) && /What I can do|我能做什么/.test(cardText(cardOf(f))), { since: later, timeout: 60000 });
  assert.ok(!liaison.frames.slice(since).some(f => f !== help && isCard(f) && /download/.test(cardText(cardOf(f)))), 'no export card for a liaison');
});

test('the export card in the emulator\'s web UI (screenshot)', { skip: !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && 'no Chromium' }, async () => {
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vocedweek-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = ctx.pages()[0] ?? await ctx.newPage();
    await page.goto(office.base + '/');
    await page.getByText('Connected.').first().waitFor({ timeout: 30000 });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    const box = page.locator('[role=textbox][contenteditable=true]').last();
    await box.click();
    await box.fill('export all');
    await box.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: /导出文件|Exports/ }).last();
    await card.waitFor({ timeout: 60000 });
    await card.locator('button', { hasText: /发送到聊天|Send to chat/ }).first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'ui-export-card.png') });
    assert.ok(await card.locator('button', { hasText: /下载|Download/ }).count() >= 1);
  } finally {
    await ctx.close();
  }
});
