// The real bot as a separate process for the reliability figures: started from its Release build in anonymous
// Development mode on 127.0.0.1 (replies go to a local fake connector), stopped with SIGINT or killed with SIGKILL.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Agent, request } from 'node:https';
import { openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export const repo = new URL('../../../', import.meta.url).pathname;
export const botDll = join(repo, 'bot/bin/Release/net10.0/VocEdWeek.Bot.dll');
export const readerDll = join(repo, 'tests/VocEdWeek.Bot.StoreReader/bin/Release/net10.0/VocEdWeek.Bot.StoreReader.dll');
export const weekId = '2024-wuxi';
const sleep = ms => new Promise(ok => setTimeout(ok, ms));

export const freePort = () => new Promise(ok => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

/**
 * The sample week (2024-wuxi) with `extra` more departments, every liaison with an Entra object id, so each is
 * recognised from the activity alone (no get-member round trip). Returns the file and the liaisons.
 */
export function writeWeek(path, extra) {
  const week = JSON.parse(readFileSync(join(repo, 'bot/Weeks/Samples/2024-wuxi.json'), 'utf8'));
  for (let i = 1; i <= extra; i++) {
    const n = String(i).padStart(2, '0');
    week.departments.push({ id: `d${n}`, name: `测试学院${n}`, liaisons: [{ name: `联络员${n}`, email: `liaison${n}@college.example.edu.cn` }] });
  }
  const liaisons = [];
  week.departments.forEach((d, di) => d.liaisons.forEach((l, li) => {
    l.aadObjectId ??= `11a150a0-0000-4000-8${String(li).padStart(3, '0')}-${String(di + 1).padStart(12, '0')}`;
    liaisons.push({ department: d.id, name: l.name, aadObjectId: l.aadObjectId, teamsId: `29:${l.aadObjectId}` });
  }));
  writeFileSync(path, JSON.stringify(week, null, 2));
  return liaisons;
}

// A script that ends (or is stopped) never leaves a bot behind.
const running = new Set();
process.on('exit', () => { for (const p of running) p.kill('SIGKILL'); });

/** Starts the bot (on `port`, else a free one); resolves once /healthz answers. `startMs` is from spawn to that answer. */
export async function startBot({ storage, week, log, env = {}, port: given }) {
  const port = given ?? await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = openSync(log, 'a');
  const started = performance.now();
  const proc = spawn('dotnet', [botDll, '--urls', url], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      MicrosoftAppId: '',
      Storage__Directory: storage,
      Week__DefinitionFile: week,
      Clock__StartAt: '2024-05-14T10:30:00+08:00',
      Office__AnnounceStartup: 'false',
      Links__PublicBaseUrl: url,
      Logging__LogLevel__Default: 'Warning',
      ...env,
    },
  });
  closeSync(out);
  running.add(proc);
  let exit = null;
  const exited = new Promise(ok => proc.on('exit', (code, signal) => { exit = { code, signal }; running.delete(proc); ok(exit); }));
  for (let i = 0; i < 600 && exit === null; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    await sleep(50);
  }
  if (exit !== null) throw new Error(`the bot exited during start-up (${JSON.stringify(exit)}); see ${log}`);
  return {
    url, proc, spawnedAt: started, startMs: performance.now() - started, exited,
    alive: () => exit === null,
    kill: async () => { proc.kill('SIGKILL'); return exited; },
    /** SIGINT, as systemd or Ctrl-C would; SIGKILL only if it hangs for 20 s. */
    stop: async () => {
      proc.kill('SIGINT');
      const t = setTimeout(() => proc.kill('SIGKILL'), 20000);
      const e = await exited;
      clearTimeout(t);
      return e;
    },
  };
}

/** Connections to an https front (nginx) that trust only `ca` (a PEM file), kept open between requests as Teams does. */
export const tlsAgent = (ca, maxSockets = 64) => new Agent({ ca: readFileSync(ca), keepAlive: true, maxSockets });

/**
 * POSTs one activity; never throws: a refused or cut connection is { status: 0, error }. With `agent` (tlsAgent) the
 * url is an https front with a test CA, which fetch cannot be told to trust. `token` is the channel token Teams would
 * send (Authorization: Bearer), for a bot started with authentication on.
 */
export async function post(url, activity, timeoutMs = 30000, { agent = null, token = null } = {}) {
  if (agent) return postTls(url, activity, timeoutMs, agent);
  try {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST', headers, body: JSON.stringify(activity), signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = text; }
    return { status: res.status, body };
  } catch (e) {
    return { status: 0, error: e.cause?.code ?? e.name };
  }
}

function postTls(url, activity, timeoutMs, agent) {
  return new Promise(ok => {
    const req = request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, res => {
      const parts = [];
      res.on('data', c => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body = null;
        try { body = text ? JSON.parse(text) : null; } catch { body = text; }
        ok({ status: res.statusCode, body });
      });
      res.on('error', e => ok({ status: 0, error: e.code ?? e.name }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TimeoutError' })));
    req.on('error', e => ok({ status: 0, error: e.code ?? e.name }));
    req.end(JSON.stringify(activity));
  });
}

function base(liaison, serviceUrl) {
  return {
    channelId: 'msteams', id: `f:${randomUUID()}`, serviceUrl, timestamp: new Date().toISOString(), locale: 'zh-CN',
    from: { id: liaison.teamsId, name: liaison.name, aadObjectId: liaison.aadObjectId },
    recipient: { id: '28:reliability-bot', name: '职教活动周助手' },
    conversation: { id: `a:${liaison.aadObjectId}`, conversationType: 'personal', tenantId: 'reliability-tenant' },
    channelData: { tenant: { id: 'reliability-tenant' } },
  };
}

/** "@bot text" in a team channel, as Teams sends it (e.g. office staff's 设为通知频道). */
export const channelMessage = (person, serviceUrl, channelId, text) => ({
  ...base(person, serviceUrl), type: 'message', text: `<at>职教活动周助手</at> ${text}`,
  entities: [{ type: 'mention', text: '<at>职教活动周助手</at>', mentioned: { id: '28:reliability-bot', name: '职教活动周助手' } }],
  conversation: { id: `${channelId};messageid=${Date.now()}`, conversationType: 'channel', isGroup: true, tenantId: 'reliability-tenant' },
  channelData: { tenant: { id: 'reliability-tenant' }, team: { id: '19:reliability-team@thread.tacv2' }, channel: { id: channelId } },
});

/** A personal-chat message, as Teams sends it. */
export const message = (liaison, serviceUrl, text) => ({ ...base(liaison, serviceUrl), type: 'message', text });

/**
 * Files sent in the personal chat, as Teams desktop sends them: one file.download.info attachment per file, whose
 * downloadUrl (no token needed) is where the bot fetches the bytes. `files`: [{ name, url }].
 */
export const fileMessage = (liaison, serviceUrl, files) => ({
  ...message(liaison, serviceUrl, ''),
  attachments: files.map(({ name, url }, i) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info', name,
    contentUrl: `https://college.sharepoint.example/personal/${liaison.aadObjectId}/Documents/${encodeURIComponent(name)}`,
    content: { downloadUrl: url, uniqueId: `${liaison.aadObjectId}-${i}-${randomUUID()}`, fileType: name.split('.').pop() },
  })),
});

/** An Action.Execute click, as Teams sends it: adaptiveCard/action with the action's data merged with the inputs. */
export const execute = (liaison, serviceUrl, verb, data) => ({
  ...base(liaison, serviceUrl), type: 'invoke', name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
});

/** The daily report card's submit button for `day`, filled in; `marker` starts the typical case so the receipt shows it. */
export const reportSubmit = (liaison, serviceUrl, day, cardId, marker, typicalCase = '') => execute(liaison, serviceUrl, 'report.submit', {
  weekId, itemKey: `report:${day}`, cardId,
  newActivities: '智能制造实训中心开放日', participants: '120',
  typicalCase: `${marker} ${typicalCase || '中小学生在师生指导下体验工业机器人编程。'}`, story: '', featureReport: '', mediaLinks: '',
});

/**
 * "Acknowledged" means what Teams would show the liaison as done: HTTP 200 whose invoke response is
 * {statusCode: 200, type: adaptive card} and the card is the receipt (已提交 / 迟交 / 补交 ✓) naming this submission.
 */
export function isReceipt(res, marker) {
  const b = res.body;
  if (res.status !== 200 || !b || b.statusCode !== 200 || b.type !== 'application/vnd.microsoft.card.adaptive') return false;
  const text = JSON.stringify(b.value);
  return /(已提交|迟交|补交) ✓/.test(text) && text.includes(marker);
}

/** The invoke's answer in words: the card's or message's text, for the log and for "a clear message" checks. */
export const answerText = res => res.status === 0 ? `(${res.error})` : JSON.stringify(res.body ?? '').slice(0, 400);

/** What the storage folder holds, read with the bot's own BotDatabase after the bot stopped. */
export function readStore(storage) {
  try {
    return JSON.parse(execFileSync('dotnet', [readerDll, storage], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  } catch (e) {
    const out = e.stdout ? String(e.stdout).trim() : '';
    try { return JSON.parse(out); } catch { return { opened: false, error: out || String(e.message).split('\n')[0] }; }
  }
}

/** Runs `tasks` (functions returning promises) with at most `limit` in flight; stops taking new ones when `stop()`. */
export async function pool(tasks, limit, stop = () => false) {
  let next = 0;
  const worker = async () => { while (next < tasks.length && !stop()) await tasks[next++](); };
  await Promise.all(Array.from({ length: limit }, worker));
  return next;
}

export { sleep };
