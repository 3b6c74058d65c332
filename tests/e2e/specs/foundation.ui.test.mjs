// The same bot in the playground's real web UI, in Debian's Chromium: the welcome card renders,
// its Action.Execute button replaces it with the help card, and a screenshot is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { startBot, startPlayground, artifacts } from '../lib/harness.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let bot, pg, ctx;

before(async () => {
  bot = await startBot();
  pg = await startPlayground({ botEndpoint: bot.endpoint });
  ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vocedweek-chromium-')), {
    executablePath: chromiumPath, headless: true, args: flags, viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
  });
});
after(async () => { await ctx?.close(); await pg?.stop(); await bot?.stop(); });

test('welcome card renders in the Teams emulator and its button updates it in place', async () => {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(pg.base + '/');
  await page.getByText('Connected.').first().waitFor({ timeout: 30000 });
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  const welcome = page.locator('.ac-adaptiveCard', { hasText: /Welcome to the VocEdWeek Assistant|欢迎使用/ }).last();
  await welcome.waitFor({ timeout: 20000 });
  await page.screenshot({ path: join(artifacts, 'ui-welcome.png') });
  await welcome.locator('button', { hasText: /Show help|查看帮助/ }).click();
  const help = page.locator('.ac-adaptiveCard', { hasText: /What I can do|我能做什么/ }).last();
  await help.waitFor({ timeout: 20000 });
  await page.screenshot({ path: join(artifacts, 'ui-help-after-execute.png') });
  assert.ok(await help.isVisible());
});
