// Issue 3 scenario in Agents Playground: liaison 张伟 (机电工程学院) fills the plan, two daily reports
// (one of them late), the statistics table and the summary, and sends a photo whose bytes are stored
// as sent. The rehearsal clock puts the bot on 2024-05-14 09:30 Beijing time (the week's third day).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startBot, startPlayground, startFileServer, mediaBytes, isCard, cardOf, cardText, actionData, inputIds, choices, repoRoot } from '../lib/harness.mjs';

let bot, pg, files;
const photo = mediaBytes('jpg', 700_000);
const sha = b => createHash('sha256').update(b).digest('hex');

before(async () => {
  files = await startFileServer({ '/download/opening.jpg': photo });
  bot = await startBot({ extraEnv: {
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-14T09:30:00+08:00',
  } });
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
});
after(async () => { await pg?.stop(); await bot?.stop(); await files?.close(); });

/** Sends a command and returns the form card it brings. */
async function open(command, pattern) {
  const since = pg.mark();
  await pg.say(pg.ids.personal, command);
  const frame = await pg.waitFrame(f => isCard(f) && pattern.test(cardText(cardOf(f))), { since });
  return { card: cardOf(frame), id: frame.message.messageId };
}

async function submit(form, verb, fields) {
  const data = actionData(form.card, verb);
  for (const key of Object.keys(fields)) assert.ok(inputIds(form.card).includes(key) || key.startsWith('a_'), `input ${key} missing`);
  return pg.invoke(pg.ids.personal, form.id, verb, { ...data, ...fields });
}

test('plan and information form: submitted after the 12th 12:00 deadline, accepted and marked 补交', async () => {
  const form = await open('计划', /活动方案|plan/i);
  const row = actionData(form.card, 'plan.submit').rows.split(',')[0];
  const r = await submit(form, 'plan.submit', {
    liaisonName: '张伟', phone: '13800000001', email: 'zhangwei@college.example.edu.cn',
    planSummary: '围绕“一技在手，一生无忧”，开展实训中心开放日和校企签约。', columnUrl: 'https://jd.college.example.edu.cn/vocweek',
    [`a_${row}_name`]: '智能制造实训中心开放日', [`a_${row}_category`]: 'openCampus', [`a_${row}_date`]: '2024-05-14',
    [`a_${row}_place`]: '实训楼A', [`a_${row}_audience`]: '中小学生、家长', [`a_${row}_expected`]: '200', [`a_${row}_public`]: 'true',
  });
  assert.equal(r.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(r).slice(0, 400));
  const receipt = JSON.stringify(r.value);
  assert.match(receipt, /补交|Made up/);
});

test('a photo sent in the chat is stored byte for byte and acknowledged by name', async () => {
  const since = pg.mark();
  await pg.custom({
    type: 'message', id: 'photo-1', channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN', text: '',
    from: { id: pg.config.currentUser.id, name: pg.config.currentUser.name, aadObjectId: pg.config.currentUser.aadObjectId },
    recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: pg.ids.personal, conversationType: 'personal', tenantId: pg.config.tenantId },
    channelData: { tenant: { id: pg.config.tenantId } },
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: '开幕式.jpg',
      contentUrl: 'https://college.sharepoint.example/personal/zhangwei/Documents/开幕式.jpg',
      content: { downloadUrl: files.url('/download/opening.jpg'), uniqueId: 'F1', fileType: 'jpg' } }],
  });
  const ack = await pg.waitFrame(f => f.action === 'createMessage' && /已收到|Received/.test(f.message.text ?? ''), { since });
  assert.match(ack.message.text, /1 张照片/);
  assert.match(ack.message.text, /开幕式\.jpg/);
  const dir = join(bot.dataDir, 'files', '2024年职业教育活动周', '机电工程学院', '2024-05-14');
  const stored = readFileSync(join(dir, readdirSync(dir).find(n => n.startsWith('开幕式'))));
  assert.equal(sha(stored), sha(photo));
});

test('today\'s daily report before 12:00 is on time, and its receipt lists the photo', async () => {
  const form = await open('日报', /日报|report/i);
  assert.match(cardText(form.card), /5月14日|May 14/);
  const held = choices(form.card, 'held');
  assert.ok(held.length >= 1, 'the plan\'s activity for May 14 is offered');
  const r = await submit(form, 'report.submit', {
    held: held[0], newActivities: '',
    participants: '180', typicalCase: '开放日吸引了周边三所初中的学生参与职业体验。',
    story: '2019届校友李明返校分享成长经历。', featureReport: '', mediaLinks: 'https://news.example.com/a/1',
  });
  const receipt = JSON.stringify(r.value);
  assert.match(receipt, /已提交|Submitted/);
  assert.doesNotMatch(receipt, /迟交|补交|Late|Made up/);
  assert.match(receipt, /开幕式\.jpg/);
});

test('yesterday\'s report sent today is accepted and marked 补交', async () => {
  const form = await open('日报 5月13日', /日报|report/i);
  assert.match(cardText(form.card), /5月13日|May 13/);
  const r = await submit(form, 'report.submit', { held: '', newActivities: '“十年·回眸”展览', participants: '60', typicalCase: '“十年·回眸”展览开展。', story: '', featureReport: '', mediaLinks: '' });
  assert.match(JSON.stringify(r.value), /补交|Made up/);
});

test('after the week (bot restarted on the 19th, same data): statistics table and summary; bad numbers keep the typed values', async () => {
  await bot.stop();
  bot = await startBot({ dataDir: bot.dataDir, port: bot.port, extraEnv: {
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-19T10:00:00+08:00',
  } });
  const stats = await open('统计', /统计|statistics/i);
  const numbers = { activitiesHeld: '4', studentParticipants: '520', teacherParticipants: '64', publicParticipants: '210', enterprises: '12',
    agreements: '3', jobsOffered: '260', mediaNational: '0', mediaProvincial: '1', mediaMunicipal: '4', onlineViews: '15000' };
  const bad = await submit(stats, 'stats.submit', { ...numbers, enterprises: '-3' });
  const badText = JSON.stringify(bad.value);
  assert.match(badText, /负数|negative/i);
  assert.match(badText, /"520"|520/);
  const ok = await submit(stats, 'stats.submit', numbers);
  assert.match(JSON.stringify(ok.value), /已提交|Submitted/);

  const summary = await open('总结', /总结|summary/i);
  const done = await submit(summary, 'summary.submit', { summaryText: '本周共开展活动4项，参与师生和公众近800人次。' });
  assert.match(JSON.stringify(done.value), /已提交|Submitted/);
});

test('"我的提交" shows every item with its status', async () => {
  const mine = await open('我的提交', /我的提交|submissions/i);
  const text = cardText(mine.card);
  assert.match(text, /May 13|5月13日/);
  for (const [zh, en] of [['补交', 'Made up'], ['已提交', 'Submitted'], ['未提交', 'Not submitted']]) assert.match(text, new RegExp(`${zh}|${en}`));
});
