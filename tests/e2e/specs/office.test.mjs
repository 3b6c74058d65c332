// Issue 4 scenario in Agents Playground, as office staff 吴苏玲: of three departments two hand in today's
// report and one doesn't; "今天谁还没报送" lists exactly that one; 一键催报 sends its liaison a 1:1 reminder,
// which shows up in the connector traffic the emulator records; the receipt says it was delivered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startBot, startPlayground, isCard, cardOf, cardText, actionData, repoRoot } from '../lib/harness.mjs';

let bot, pg;
const week = JSON.parse(readFileSync(join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'), 'utf8'));
week.departments = week.departments.slice(0, 3); // 机电 (张伟), 信息 (李娜), 经管 (王强)
week.departments[2].liaisons[0].aadObjectId = '11a150a0-0000-4000-8000-000000000003';
const weekFile = join(mkdtempSync(join(tmpdir(), 'vocedweek-week-')), 'week.json');
writeFileSync(weekFile, JSON.stringify(week, null, 2));

before(async () => {
  bot = await startBot({ extraEnv: { Week__DefinitionFile: weekFile, Clock__StartAt: '2024-05-14T10:00:00+08:00', Office__AnnounceStartup: 'false' } });
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
});
after(async () => { await pg?.stop(); await bot?.stop(); });

/**
 * A liaison's Action.Execute on today's report card, POSTed to the bot as the Teams connector delivers it (the
 * emulator only plays its current user, and forwards custom activities without waiting for the bot's answer).
 */
async function liaisonSubmits(user, n) {
  const response = await fetch(bot.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
    type: 'invoke', name: 'adaptiveCard/action', id: `submit-${n}`, channelId: 'msteams', serviceUrl: `${pg.base}/_connector`, locale: 'zh-CN',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: pg.ids.bot.id, name: pg.ids.bot.name },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: pg.config.tenantId },
    channelData: { tenant: { id: pg.config.tenantId } },
    value: { action: { type: 'Action.Execute', verb: 'report.submit', data: {
      verb: 'report.submit', weekId: '2024-wuxi', itemKey: 'report:2024-05-14', cardId: `e2e-card-${n}`,
      held: '', newActivities: '校园开放日', participants: '80', typicalCase: '开放日吸引了周边初中学生参与职业体验。',
      story: '', featureReport: '', mediaLinks: '' } }, trigger: 'manual' },
  }) });
  assert.equal(response.status, 200);
  const answer = await response.json();
  assert.match(JSON.stringify(answer.value), /已提交|Submitted/, `${user.name}'s report was not accepted: ${JSON.stringify(answer).slice(0, 300)}`);
}

test('the office team is installed, so liaisons can be found in its roster', async () => {
  const since = pg.mark();
  await pg.install(pg.ids.team);
  await pg.waitFrame(f => f.action === 'createMessage' && f.actionConversationId?.startsWith(pg.ids.team.split('@')[0].slice(0, 6)), { since }).catch(() => {});
});

test('two departments submit; staff ask who hasn\'t; exactly the third is listed; one click reminds its liaison', async () => {
  const [zhang, li, wang] = ['29:liaison-jd', '29:liaison-xx', '29:liaison-jg'].map(id => pg.config.users.find(u => u.id === id));
  await liaisonSubmits(zhang, 1);
  await liaisonSubmits(li, 2);

  const since = pg.mark();
  await pg.say(pg.ids.personal, '今天谁还没报送');
  const frame = await pg.waitFrame(f => isCard(f) && /remind\.missing/.test(cardText(cardOf(f))), { since });
  const card = cardOf(frame);
  const text = cardText(card);
  assert.match(text, /经济管理学院/);
  assert.match(text, /王强/);
  for (const done of ['机电工程学院', '信息工程学院']) {
    const rows = JSON.stringify(card.body.filter(e => e.type === 'ColumnSet'));
    assert.doesNotMatch(rows, new RegExp(done), `${done} submitted and must not be listed as missing`);
  }

  const receipt = await pg.invoke(pg.ids.personal, frame.message.messageId, 'remind.missing', actionData(card, 'remind.missing'));
  assert.equal(receipt.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(receipt).slice(0, 300));
  assert.match(JSON.stringify(receipt.value), /已送达 1 人|Delivered to 1|delivered 1/i);

  // The reminder went to 王强's 1:1 chat: his Teams id found in the team roster (the week file only has his
  // Entra id), the chat opened with tenant + that id, then the card posted — as the emulator recorded it.
  const traffic = readFileSync(pg.recordingFile, 'utf8');
  assert.match(traffic, /"members":\s*\[\s*\{\s*"id":\s*"29:liaison-jg"/);
  assert.match(traffic, /报送提醒|Reminder/);
  assert.match(traffic, /王强老师|Hello 王强/);
});
