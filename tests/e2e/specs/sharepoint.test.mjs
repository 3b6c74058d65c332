// Issue 5 scenario in Agents Playground: liaison 张伟 sends photos in the chat; the bot stores them locally, then its
// upload worker puts them at the right path of the office's SharePoint (a fake Graph on 127.0.0.1), byte for byte;
// "我的提交" then links to the SharePoint copy, and so does the office's "文件状态". A second photo sent while SharePoint
// is down waits and arrives after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startBot, startPlayground, startFileServer, startFakeGraph, mediaBytes, isCard, cardOf, cardText, repoRoot } from '../lib/harness.mjs';
import { quickXorHash } from '../lib/fake-graph.mjs';

let bot, pg, files, graph;
const opening = mediaBytes('jpg', 700_000);   // above the 4 MiB switch? no: one PUT; the video below takes a session
const video = mediaBytes('mp4', 5 * 1024 * 1024 + 123);
const later = mediaBytes('jpg', 90_000);
const folder = '职业教育活动周/2024年职业教育活动周/机电工程学院/2024-05-14';

before(async () => {
  graph = await startFakeGraph();
  files = await startFileServer({ '/d/opening.jpg': opening, '/d/video.mp4': video, '/d/later.jpg': later });
  bot = await startBot({ extraEnv: {
    ...graph.env,
    SharePoint__QueueRetryBaseDelay: '00:00:01',
    SharePoint__QueuePollInterval: '00:00:01',
    SharePoint__MaxAttempts: '1',
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-14T09:30:00+08:00',
  } });
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
});
after(async () => { await pg?.stop(); await bot?.stop(); await files?.close(); await graph?.close(); });

async function sendFiles(id, attachments) {
  const since = pg.mark();
  await pg.custom({
    type: 'message', id, channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN', text: '',
    from: { id: pg.config.currentUser.id, name: pg.config.currentUser.name, aadObjectId: pg.config.currentUser.aadObjectId },
    recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: pg.ids.personal, conversationType: 'personal', tenantId: pg.config.tenantId },
    channelData: { tenant: { id: pg.config.tenantId } },
    attachments: attachments.map(([name, path], i) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info', name,
      contentUrl: `https://college.sharepoint.example/personal/zhangwei/Documents/${name}`,
      content: { downloadUrl: files.url(path), uniqueId: `${id}-${i}`, fileType: name.split('.').pop() },
    })),
  });
  return pg.waitFrame(f => f.action === 'createMessage' && /已收到|Received/.test(f.message.text ?? ''), { since, timeout: 60_000 });
}

/** 吴苏玲 (office staff in the week file) types "文件状态" in the same emulated tenant; the text of the card she gets. */
async function fileStatus(id) {
  const since = pg.mark();
  await pg.custom({
    type: 'message', id, channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN', text: '文件状态',
    from: { id: '29:office-wu', name: '吴苏玲', aadObjectId: '0ff1ce00-0000-4000-8000-000000000001' },
    recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: pg.ids.personal, conversationType: 'personal', tenantId: pg.config.tenantId },
    channelData: { tenant: { id: pg.config.tenantId } },
  });
  const frame = await pg.waitFrame(f => isCard(f) && /文件上传状态/.test(cardText(cardOf(f))), { since });
  return cardText(cardOf(frame));
}

async function waitForFile(path, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const listed = await (await fetch(`${graph.url}/_files`)).json();
    const hit = listed.find(f => f.path === path);
    if (hit) return { hit, listed };
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`${path} never reached the fake SharePoint`);
}

test('photos and a video sent in the chat land at the department/day path of SharePoint, byte for byte', async () => {
  const ack = await sendFiles('sp-1', [['开幕式.jpg', '/d/opening.jpg'], ['实训开放日.mp4', '/d/video.mp4']]);
  assert.match(ack.message.text, /1 张照片、1 个视频/);
  const { hit: photo } = await waitForFile(`${folder}/开幕式.jpg`);
  const { hit: clip, listed } = await waitForFile(`${folder}/实训开放日.mp4`);
  assert.equal(photo.size, opening.length);
  assert.equal(photo.quickXorHash, quickXorHash([opening]));
  assert.equal(clip.size, video.length);
  assert.equal(clip.quickXorHash, quickXorHash([video]));
  assert.equal(listed.length, 2, 'each file once');
  // The video went up in an upload session, in 320 KiB multiples, without a bearer token on the chunks.
  const chunks = graph.requests.filter(r => r.kind === 'chunk');
  assert.ok(chunks.length >= 1, JSON.stringify(graph.requests.map(r => r.kind)));
});

test('"我的提交" links the day\'s files to their SharePoint copies', async () => {
  await waitForFile(`${folder}/开幕式.jpg`);
  // The record gets its webUrl right after the upload; give the worker a moment to write it.
  let text = '';
  for (let i = 0; i < 20 && !/\]\(https:\/\//.test(text); i++) {
    const since = pg.mark();
    await pg.say(pg.ids.personal, '我的提交');
    const frame = await pg.waitFrame(f => isCard(f) && /我的提交|submissions/i.test(cardText(cardOf(f))), { since });
    text = cardText(cardOf(frame));
    if (!/\]\(https:\/\//.test(text)) await new Promise(r => setTimeout(r, 500));
  }
  const listed = await (await fetch(`${graph.url}/_files`)).json();
  const photo = listed.find(f => f.path === `${folder}/开幕式.jpg`);
  assert.ok(text.includes(`[开幕式.jpg](${photo.webUrl})`), `no link to ${photo.webUrl} in ${text.slice(0, 600)}`);
});

test('office staff ask "文件状态": the count and the newest files, linked to their SharePoint copies', async () => {
  const text = await fileStatus('sp-status');
  const listed = await (await fetch(`${graph.url}/_files`)).json();
  assert.match(text, /已存入 SharePoint 2 个，等待上传 0 个，上传失败 0 个/);
  for (const name of ['开幕式.jpg', '实训开放日.mp4']) {
    const file = listed.find(f => f.path === `${folder}/${name}`);
    assert.ok(file, `${name} in the fake SharePoint`);
    assert.ok(text.includes(`[${name}](${file.webUrl})`), `no link to ${file.webUrl} in ${text.slice(0, 800)}`);
  }
});

test('a photo sent while SharePoint is down waits, then arrives once it is back', async () => {
  graph.down = true;
  await sendFiles('sp-2', [['合影.jpg', '/d/later.jpg']]);
  // The worker has tried twice and been refused twice: it keeps the photo waiting instead of giving up on it.
  await graph.answered(r => r.refused && r.path.includes('合影.jpg'), { count: 2 });
  let listed = await (await fetch(`${graph.url}/_files`)).json();
  assert.equal(listed.filter(f => f.path.endsWith('合影.jpg')).length, 0);
  assert.match(await fileStatus('sp-status-down'), /已存入 SharePoint 2 个，等待上传 1 个，上传失败 0 个/);
  graph.down = false;
  const { hit } = await waitForFile(`${folder}/合影.jpg`);
  assert.equal(hit.quickXorHash, quickXorHash([later]));
  listed = await (await fetch(`${graph.url}/_files`)).json();
  assert.equal(listed.length, 3, 'nothing twice');
});
