// Issue 11, Must show 3, in Agents Playground: the bot starts with no week at all. The admin (吴苏玲, named in
// Office:Admins) creates the week from the 2024 notice's text, imports the 12-department liaison sheet, and 张伟 — a
// liaison of that sheet, in his own Playground — opens the plan form at once. The admin changes 机电工程学院's liaison
// to 欧阳明: 张伟 is refused and 欧阳明 (a third Playground) is served, without a restart; "设置记录" lists both changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, startPlayground, startFileServer, isCard, cardOf, cardText, actionData, repoRoot, e2eDir } from '../lib/harness.mjs';

const notice = readFileSync(join(repoRoot, 'tests', 'VocEdWeek.Bot.Tests', 'TestData', 'notices', '2024-wuxi-college.txt'), 'utf8');
const roster = readFileSync(join(repoRoot, 'tests', 'e2e', 'fixtures', 'roster-2024-12.xlsx'));
const newLiaison = { id: '29:liaison-jd-new', name: '欧阳明', email: 'ouyangming@college.example.edu.cn', aadObjectId: '11a150a0-0000-4000-8000-0000000000f1' };
let bot, admin, zhang, zhou, files;

/** A Playground config like the default one, with another current user. */
function configFor(user) {
  const yml = readFileSync(join(e2eDir, '.m365agentsplayground.yml'), 'utf8')
    .replace(/currentUser:\n(?:  .*\n)+/, `currentUser:\n  id: "${user.id}"\n  name: ${user.name}\n  userPrincipleName: ${user.email}\n  aadObjectId: ${user.aadObjectId}\n  givenName: 明\n  surname: 欧阳\n  email: ${user.email}\n`)
    .replace(/personalChat:\n  id: .*\n/, `personalChat:\n  id: "a:personal-${user.id}"\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'vocedweek-pg-')), 'playground.yml');
  writeFileSync(file, yml);
  return file;
}

before(async () => {
  files = await startFileServer({ '/download/roster.xlsx': roster });
  bot = await startBot({ extraEnv: {
    Week__DefinitionFile: '',
    Office__Admins__0: 'wusuling@college.example.edu.cn',
    Clock__StartAt: '2024-05-08T10:00:00+08:00',
    Office__AnnounceStartup: 'false',
  } });
  admin = await startPlayground({ botEndpoint: bot.endpoint, as: 'office' });
  zhang = await startPlayground({ botEndpoint: bot.endpoint, as: 'liaison' });
  zhou = await startPlayground({ botEndpoint: bot.endpoint, config: configFor(newLiaison) });
  for (const pg of [admin, zhang, zhou]) { await pg.install(pg.ids.personal); await pg.waitFrame(isCard); }
});
after(async () => { for (const pg of [admin, zhang, zhou]) await pg?.stop(); await bot?.stop(); await files?.close(); });

async function say(pg, text, pred = isCard) {
  const since = pg.mark();
  await pg.say(pg.ids.personal, text);
  return pg.waitFrame(f => f.action === 'createMessage' && pred(f), { since });
}

/** Every input's value as the card shows it. */
function inputs(card) {
  const found = {};
  const walk = n => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) found[n.id] = n.value ?? '';
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return found;
}

async function press(pg, frame, verb, extra = {}) {
  const card = cardOf(frame);
  return pg.invoke(pg.ids.personal, frame.message.messageId, verb, { ...actionData(card, verb), ...inputs(card), ...extra });
}

const isPlanForm = f => isCard(f) && cardText(cardOf(f)).includes('plan.submit');
const textOf = f => f.message?.text ?? '';

test('with no week, a liaison is told there is none', async () => {
  const answer = await say(zhang, '计划', f => textOf(f).length > 0);
  assert.match(textOf(answer), /没有进行中的职业教育活动周|No Vocational Education Week is running/);
});

test('the admin creates the week from the notice text: the draft has the notice\'s dates and deadlines', async () => {
  const draft = await say(admin, `新建活动周\n${notice}`, f => isCard(f) && cardText(cardOf(f)).includes('week.create'));
  const fields = inputs(cardOf(draft));
  assert.equal(fields.start, '2024-05-12');
  assert.equal(fields.end, '2024-05-18');
  assert.equal(`${fields.planDate} ${fields.planTime}`, '2024-05-12 12:00');
  assert.equal(fields.dailyTime, '12:00');
  assert.equal(`${fields.statsDate} ${fields.statsTime}`, '2024-05-19 17:30');
  const created = await press(admin, draft, 'week.create');
  assert.match(JSON.stringify(created), /已创建|Created “2024年职业教育活动周”/);
});

test('the admin imports the 12-department sheet; 张伟 of that sheet opens the plan form at once', async () => {
  const since = admin.mark();
  await admin.custom({
    type: 'message', id: 'roster-1', channelId: 'msteams', serviceUrl: `${admin.base}/_connector`, locale: 'zh-CN', text: '导入名单',
    from: { id: admin.config.currentUser.id, name: admin.config.currentUser.name, aadObjectId: admin.config.currentUser.aadObjectId },
    recipient: { id: admin.ids.bot.id, name: admin.ids.bot.name },
    conversation: { id: admin.ids.personal, conversationType: 'personal', tenantId: admin.config.tenantId },
    channelData: { tenant: { id: admin.config.tenantId } },
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: '2024年联络员名单.xlsx',
      contentUrl: 'https://college.sharepoint.example/personal/wusuling/Documents/2024年联络员名单.xlsx',
      content: { downloadUrl: files.url('/download/roster.xlsx'), uniqueId: 'R1', fileType: 'xlsx' } }],
  });
  const preview = await admin.waitFrame(f => isCard(f) && cardText(cardOf(f)).includes('roster.apply'), { since });
  assert.match(cardText(cardOf(preview)), /12/);
  const applied = await press(admin, preview, 'roster.apply');
  assert.match(JSON.stringify(applied), /已导入名单：12 个部门|Imported: 12 departments/);

  await say(zhang, '计划', isPlanForm);
});

test('the admin changes 机电工程学院\'s liaison to 欧阳明: 张伟 is refused, 欧阳明 is served, no restart', async () => {
  const confirm = await say(admin, `更换联络员 机电工程学院 欧阳明 ${newLiaison.email}`, f => isCard(f) || textOf(f).length > 0);
  assert.ok(isCard(confirm), textOf(confirm));
  assert.match(cardText(cardOf(confirm)), /张伟/);
  assert.match(cardText(cardOf(confirm)), /欧阳明/);
  const done = await press(admin, confirm, 'settings.confirm');
  assert.doesNotMatch(JSON.stringify(done), /settings\.confirm/);

  const refused = await say(zhang, '计划', f => textOf(f).length > 0);
  assert.match(textOf(refused), /不在“2024年职业教育活动周”的联络员名单中|not on the liaison list of "2024年职业教育活动周"/);
  await say(zhou, '计划', isPlanForm);
});

test('"设置记录" lists the roster import and the liaison change, newest first', async () => {
  const log = await say(admin, '设置记录', f => isCard(f) || textOf(f).length > 0);
  const shown = isCard(log) ? cardText(cardOf(log)) : textOf(log);
  const replaced = shown.search(/更换联络员|Liaison replaced/);
  const imported = shown.search(/导入名单|Roster imported/);
  assert.ok(replaced >= 0 && imported > replaced, shown.slice(0, 1500));
  assert.match(shown, /欧阳明/);
});
