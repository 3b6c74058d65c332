// Issue 16, Must show 2, in Agents Playground: two departments (张伟 of 机电, 李娜 of 信息) send photos and their daily
// reports with typical cases; office staff 吴苏玲 picks 机电's case and its red photo on the "择优推荐" card, then
// "导出推荐材料" answers with three links. The downloaded package holds exactly what was picked, and LibreOffice renders
// the docx with the Chinese text and the red photo visible (PDF text, and red pixels on a rendered page; PNG in artifacts/e2e).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startBot, startPlayground, startFileServer, freePort, isCard, cardOf, cardText, actionData, inConv, repoRoot, e2eDir, artifacts } from '../lib/harness.mjs';
import { readZip } from '../lib/zip.mjs';
import { solidPng, countColour } from '../lib/png.mjs';

const RED = [0xe0, 0x20, 0x20];
const photos = {
  '/jd/red-opening.png': solidPng(1600, 1200, RED),
  '/jd/green-visit.png': solidPng(400, 300, [0x20, 0xc0, 0x20]),
  '/xx/blue-signing.png': solidPng(400, 300, [0x20, 0x20, 0xe0]),
};
const cases = {
  jd: '机电案例：智能制造实训中心开放日，三所初中的学生体验工业机器人编程。',
  xx: '信息案例：网络安全攻防演示进社区，居民学习防范电信诈骗。',
};
const sha = b => createHash('sha256').update(b).digest('hex');
let bot, files, jd, xx, office;

before(async () => {
  files = await startFileServer(photos);
  const port = await freePort();
  bot = await startBot({ port, extraEnv: {
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-14T09:30:00+08:00',
    Office__AnnounceStartup: 'false',
    Links__PublicBaseUrl: `http://127.0.0.1:${port}`,
  } });
  jd = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  xx = await startPlayground({ botEndpoint: bot.endpoint, config: join(e2eDir, 'playground', 'liaison-xx.yml') });
  office = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
  for (const pg of [jd, xx, office]) {
    await pg.install(pg.ids.personal);
    await pg.waitFrame(isCard);
  }
});
after(async () => { for (const pg of [jd, xx, office]) await pg?.stop(); await bot?.stop(); await files?.close(); });

/** A message with files as Teams sends it (pre-authorised download links on the local file server). */
async function sendPhotos(pg, paths) {
  const since = pg.mark();
  const me = pg.config.currentUser;
  await pg.custom({
    type: 'message', id: `photos-${me.id}`, channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN', text: '',
    from: { id: me.id, name: me.name, aadObjectId: me.aadObjectId }, recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: pg.ids.personal, conversationType: 'personal', tenantId: pg.config.tenantId }, channelData: { tenant: { id: pg.config.tenantId } },
    attachments: paths.map((p, i) => ({ contentType: 'application/vnd.microsoft.teams.file.download.info', name: p.split('/').pop(),
      contentUrl: `https://college.sharepoint.example/personal/Documents/${p.split('/').pop()}`,
      content: { downloadUrl: files.url(p), uniqueId: `${me.id}-${i}`, fileType: 'png' } })),
  });
  await pg.waitFrame(f => f.action === 'createMessage' && /已收到|Received/.test(f.message.text ?? ''), { since, timeout: 60000 });
}

async function report(pg, typicalCase) {
  const since = pg.mark();
  await pg.say(pg.ids.personal, '日报');
  const frame = await pg.waitFrame(f => isCard(f) && /report\.submit/.test(cardText(cardOf(f))), { since });
  const data = actionData(cardOf(frame), 'report.submit');
  const r = await pg.invoke(pg.ids.personal, frame.message.messageId, 'report.submit', {
    ...data, held: '', newActivities: '职业体验日', participants: '120', typicalCase, story: '', featureReport: '', mediaLinks: '',
  });
  assert.match(JSON.stringify(r.value), /已提交|Submitted/);
}

/** The recommend card's items: toggle id and the line shown above it. */
function items(card) {
  const found = [];
  const walk = n => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && n.type === 'Container' && n.items?.some(i => i.type === 'Input.Toggle')) {
      found.push({ id: n.items.find(i => i.type === 'Input.Toggle').id, text: n.items.filter(i => i.type === 'TextBlock').map(i => i.text).join(' ') });
    }
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return found;
}

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

test('two departments report, staff pick one case and one photo, and the exported package holds exactly those', async () => {
  await sendPhotos(jd, ['/jd/red-opening.png', '/jd/green-visit.png']);
  await sendPhotos(xx, ['/xx/blue-signing.png']);
  await report(jd, cases.jd);
  await report(xx, cases.xx);

  // Staff pick 机电's case and its red photo on the 择优推荐 card.
  let since = office.mark();
  await office.say(office.ids.personal, '择优推荐 5月14日');
  const frame = await office.waitFrame(f => isCard(f) && /recommend\.submit/.test(cardText(cardOf(f))), { since, timeout: 60000 });
  const shown = items(cardOf(frame));
  const caseItem = shown.find(i => i.text.includes('机电案例'));
  const photoItem = shown.find(i => i.text.includes('red-opening.png'));
  assert.ok(caseItem && photoItem, JSON.stringify(shown));
  assert.ok(shown.some(i => i.text.includes('信息案例')) && shown.some(i => i.text.includes('blue-signing.png')), 'both departments are candidates');
  const picked = await office.invoke(office.ids.personal, frame.message.messageId, 'recommend.submit', {
    ...actionData(cardOf(frame), 'recommend.submit'), [caseItem.id]: 'true', [photoItem.id]: 'true', reason: '开放日成效突出',
  });
  assert.match(JSON.stringify(picked.value), /2/, 'the receipt counts two picks');

  // 导出推荐材料: one card, three links.
  since = office.mark();
  await office.say(office.ids.personal, '导出推荐材料');
  const exported = await office.waitFrame(f => isCard(f) && inConv(office.ids.personal)(f) && /export\.send/.test(cardText(cardOf(f))), { since, timeout: 120000 });
  const urls = links(cardOf(exported));
  assert.equal(urls.length, 3, cardText(cardOf(exported)));
  const got = {};
  for (const url of urls) {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    got[response.headers.get('content-type')] = Buffer.from(await response.arrayBuffer());
  }
  const docx = got['application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
  const xlsx = got['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
  const zip = got['application/zip'];
  assert.ok(docx && xlsx && zip, Object.keys(got).join(', '));

  // The zip: the red photo only, renamed, byte for byte.
  const entries = readZip(zip);
  assert.deepEqual(entries.map(e => e.name).length, 1, entries.map(e => e.name).join(', '));
  assert.match(entries[0].name, /^机电工程学院_2024-05-14_\d{3}_red-opening\.png$/);
  assert.equal(entries[0].size, photos['/jd/red-opening.png'].length);
  assert.equal(sha(entries[0].bytes()), sha(photos['/jd/red-opening.png']));

  // The docx: 机电's case and the red photo embedded as sent; nothing of what was not picked.
  const parts = readZip(docx);
  const body = parts.find(p => p.name === 'word/document.xml').bytes().toString('utf8');
  assert.ok(body.includes(cases.jd), 'the picked case is in the docx');
  assert.ok(body.includes('开放日成效突出'), 'with its reason');
  for (const absent of [cases.xx, 'green-visit.png', 'blue-signing.png']) assert.ok(!body.includes(absent), `${absent} is not in the docx`);
  const images = parts.filter(p => p.name.startsWith('word/media/'));
  assert.equal(images.length, 1);
  assert.equal(sha(images[0].bytes()), sha(photos['/jd/red-opening.png']));

  // The xlsx: two rows, the case and the photo (with its name in the zip).
  const sheet = readZip(xlsx).find(p => p.name === 'xl/worksheets/sheet1.xml').bytes().toString('utf8');
  assert.ok(sheet.includes(entries[0].name));
  assert.ok(sheet.includes('机电案例'));
  for (const absent of ['信息案例', 'green-visit.png', 'blue-signing.png']) assert.ok(!sheet.includes(absent), `${absent} is not in the xlsx`);

  // LibreOffice renders the docx: the Chinese text is in the PDF and the red photo on a page.
  const dir = mkdtempSync(join(tmpdir(), 'vocedweek-recpack-'));
  writeFileSync(join(dir, 'package.docx'), docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'package.docx')], { timeout: 240000, stdio: 'ignore' });
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'package.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /推荐材料汇编|recommended materials/i); // the emulator's locale decides the language
  assert.match(text.replace(/\s+/g, ''), /机电案例：智能制造实训中心开放日/);
  assert.match(text, /机电工程学院/);
  execFileSync('pdftoppm', ['-r', '60', join(dir, 'package.pdf'), join(dir, 'page')]);
  const pages = readdirSync(dir).filter(n => /^page-\d+\.ppm$/.test(n)).sort();
  const red = pages.map(p => countColour(readFileSync(join(dir, p)), RED));
  const withPhoto = red.findIndex(n => n > 20000);
  assert.ok(withPhoto >= 0, `red pixels per page: ${red.join(', ')}`);
  // Every page as PNG in artifacts/e2e: recommend-package-docx-1.png (the Chinese case text), … and the photo's page.
  execFileSync('pdftoppm', ['-png', '-r', '80', join(dir, 'package.pdf'), join(dir, 'shot')]);
  const shots = readdirSync(dir).filter(n => n.startsWith('shot') && n.endsWith('.png')).sort();
  shots.forEach((shot, i) => copyFileSync(join(dir, shot), join(artifacts, `recommend-package-docx-${i + 1}.png`)));
  copyFileSync(join(dir, shots[withPhoto]), join(artifacts, 'recommend-package-docx.png'));
});
