// Issue 4, digest part, in Agents Playground: the digest channel is the configured one (Office:DigestChannelId) — the
// liaison 张伟 (机电工程学院) may not set it (issue 15: office staff only) — he hands in today's report before 12:00, and at the (test-shortened) digest time the bot posts the progress
// digest to that channel through its outbox: 按时 1, 未交 4, the missing departments' liaisons @mentioned.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startBot, startPlayground, isCard, cardOf, cardText, actionData, repoRoot } from '../lib/harness.mjs';

let bot, pg;

before(async () => {
  bot = await startBot({ extraEnv: {
    Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'),
    Clock__StartAt: '2024-05-14T11:58:50+08:00',
    Digest__Times__0: '12:00',
    Scheduling__TickInterval: '00:00:01',
    Office__AnnounceStartup: 'false',
    Office__DigestChannelId: '19:jwc-vocweek@thread.tacv2',
  } });
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  await pg.install(pg.ids.personal);
  await pg.waitFrame(isCard);
});
after(async () => { await pg?.stop(); await bot?.stop(); });

test('the digest is posted to the office channel at its time with the right counts and mentions', { timeout: 120000 }, async () => {
  const { team, channel } = pg.ids;
  await pg.install(team);
  let since = pg.mark();
  // A liaison cannot take the channel; his message still makes the bot store the channel's conversation.
  await pg.say(channel, '设为通知频道', { mentionBot: true });
  await pg.waitFrame(f => f.action === 'createMessage' && /仅供教务处使用|for 教务处 only/.test(f.message.text ?? ''), { since });

  since = pg.mark();
  await pg.say(pg.ids.personal, '日报');
  const frame = await pg.waitFrame(f => isCard(f) && /report.submit/.test(cardText(cardOf(f))), { since });
  const data = actionData(cardOf(frame), 'report.submit');
  const r = await pg.invoke(pg.ids.personal, frame.message.messageId, 'report.submit', {
    ...data, held: '', newActivities: '智能制造实训中心开放日', participants: '120',
    typicalCase: '开放日吸引了周边三所初中的学生参与职业体验。', story: '2019届校友李明返校分享成长经历。', featureReport: '', mediaLinks: '',
  });
  assert.match(JSON.stringify(r.value), /已提交|Submitted/);

  // 12:00 on the rehearsal clock is at most ~70 s after start; the scheduler ticks every second.
  const digest = await pg.waitFrame(f => isCard(f) && /报送进度/.test(cardText(cardOf(f))), { since, timeout: 100000 });
  assert.equal(String(digest.actionConversationId ?? digest.message.conversation?.id ?? '').split(';')[0], channel);
  const card = cardOf(digest);
  const counts = Object.fromEntries(card.body.find(e => e.type === 'ColumnSet').columns.map(c => [c.items[1].text, Number(c.items[0].text)]));
  assert.deepEqual(counts, { '按时': 1, '迟交/补交': 0, '未交': 4 });
  const text = cardText(card);
  assert.match(text, /开放日吸引了周边三所初中的学生参与职业体验/);
  assert.ok(card.body.some(e => e.type === 'Table'), 'the department × day grid is a Table');
  const mentioned = card.msteams.entities.map(e => e.mentioned.name).sort();
  assert.deepEqual(mentioned, ['刘洋', '李娜', '王强', '赵敏', '陈静'].sort());
  assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024);
});
