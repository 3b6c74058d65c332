// Issue 2 scenario, through Microsoft 365 Agents Playground: install → welcome card; help;
// an Action.Execute round trip that replaces the card; a proactive post to the team channel
// after a bot restart, from the reference kept in LiteDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startBot, startPlayground, isCard, cardOf, cardText, inConv, repoRoot } from '../lib/harness.mjs';

// The playground user here is office staff (吴苏玲) of this week: only office staff may set the digest channel.
const week = { Week__DefinitionFile: join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json') };
let bot, pg;
before(async () => {
  bot = await startBot({ extraEnv: week });
  pg = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
});
after(async () => { await pg?.stop(); await bot?.stop(); });

test('install sends the welcome card once, even when Teams repeats the install events', async () => {
  const { personal } = pg.ids;
  const since = pg.mark();
  await pg.install(personal);
  const welcome = await pg.waitFrame(f => isCard(f) && inConv(personal)(f), { since });
  assert.match(cardText(cardOf(welcome)), /Welcome to the VocEdWeek Assistant|欢迎使用/);
  await pg.install(personal); // the emulator re-sends installationUpdate + conversationUpdate on reload
  // No sleep: the reply to a later message proves the bot has handled the repeated install events before it
  // (the emulator delivers them in order, and the welcome is sent within its turn).
  const later = pg.mark();
  await pg.say(personal, 'help');
  const isHelp = f => isCard(f) && inConv(personal)(f) && /What I can do|我能做什么/.test(cardText(cardOf(f))) && !/Welcome to|欢迎使用/.test(cardText(cardOf(f)));
  await pg.waitFrame(isHelp, { since: later, timeout: 60000 });
  const welcomes = pg.frames.slice(since).filter(f => isCard(f) && /Welcome to|欢迎使用/.test(cardText(cardOf(f))));
  assert.equal(welcomes.length, 1);
});

test('"help" and "帮助" answer with the help card listing the commands', async () => {
  const { personal } = pg.ids;
  for (const word of ['help', '帮助']) {
    const since = pg.mark();
    await pg.say(personal, word);
    const help = await pg.waitFrame(f => isCard(f) && inConv(personal)(f), { since });
    const text = cardText(cardOf(help));
    assert.match(text, /What I can do|我能做什么/);
    assert.match(text, /set digest channel|设为通知频道/);
  }
});

test('Action.Execute on the welcome card returns the help card in the invoke response', async () => {
  const { personal } = pg.ids;
  const welcome = pg.frames.find(f => isCard(f) && /Welcome to|欢迎使用/.test(cardText(cardOf(f))));
  const response = await pg.invoke(personal, welcome.message.messageId, 'help.show');
  assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
  assert.match(JSON.stringify(response.value), /What I can do|我能做什么/);
  const back = await pg.invoke(personal, welcome.message.messageId, 'welcome.show');
  assert.match(JSON.stringify(back.value), /Welcome to|欢迎使用/);
});

test('an unknown invoke verb gets an error card response, not a hang', async () => {
  const welcome = pg.frames.find(f => isCard(f) && /Welcome to|欢迎使用/.test(cardText(cardOf(f))));
  const r = await pg.invoke(pg.ids.personal, welcome.message.messageId, 'no.such.verb');
  assert.equal(r.type, 'application/vnd.microsoft.error');
  assert.match(JSON.stringify(r.value), /no longer supported|已失效/);
});

test('unknown words get the help card, not a guess', async () => {
  const since = pg.mark();
  await pg.say(pg.ids.personal, 'blorp frobnicate');
  const reply = await pg.waitFrame(f => f.action === 'createMessage' && /didn't understand|没有听懂/.test(f.message.text ?? ''), { since });
  assert.ok(reply);
  await pg.waitFrame(f => isCard(f) && /What I can do|我能做什么/.test(cardText(cardOf(f))), { since });
});

test('set digest channel in the team, restart the bot, and the channel gets a proactive notice', async () => {
  const { team, channel } = pg.ids;
  await pg.install(team);
  let since = pg.mark();
  await pg.say(channel, 'set digest channel', { mentionBot: true });
  await pg.waitFrame(f => f.action === 'createMessage' && /digest channel|通知频道/.test(f.message.text ?? ''), { since });

  // Restart on the same LiteDB folder: nothing in memory survives, only what was stored.
  await bot.stop();
  since = pg.mark();
  bot = await startBot({ dataDir: bot.dataDir, port: bot.port, extraEnv: week });
  const notice = await pg.waitFrame(f => f.action === 'createMessage' && /online|已上线/.test(f.message.text ?? ''), { since, timeout: 20000 });
  assert.equal(notice.actionConversationId.split(';')[0], channel);
});
