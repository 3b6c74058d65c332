// Starts the real bot (a child process on loopback) and Microsoft 365 Agents Playground, and
// talks to the playground through the HTTP + WebSocket API its own web UI uses.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import WebSocket from 'ws';

const here = dirname(fileURLToPath(import.meta.url));
export const e2eDir = resolve(here, '..');
export const repoRoot = resolve(e2eDir, '..', '..');
export const artifacts = resolve(repoRoot, 'artifacts', 'e2e');
mkdirSync(artifacts, { recursive: true });

export const botDll = process.env.BOT_DLL ?? join(repoRoot, 'artifacts', 'bot', 'VocEdWeek.Bot.dll');

// Children die with the test process, even when a test times out or throws.
const children = new Set();
const killAll = () => { for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } } };
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killAll(); process.exit(130); });
function track(child) { children.add(child); child.once('exit', () => children.delete(child)); return child; }

export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
    srv.on('error', fail);
  });
}

async function waitHttp(url, ms = 30000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 150));
  }
  throw new Error(`not ready: ${url}`);
}

/** Starts the bot with its own LiteDB folder; extraEnv overrides configuration (ASP.NET env-var names). */
export async function startBot({ dataDir, port, extraEnv = {} } = {}) {
  if (!existsSync(botDll)) throw new Error(`bot not built: ${botDll} (run the test script, which builds it)`);
  dataDir ??= mkdtempSync(join(tmpdir(), 'vocedweek-e2e-'));
  port ??= await freePort();
  const log = [];
  const child = spawn('dotnet', [botDll, '--urls', `http://127.0.0.1:${port}`], {
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      MicrosoftAppId: '',
      Storage__Directory: dataDir,
      Logging__LogLevel__Default: 'Warning',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  child.stdout.on('data', d => log.push(String(d)));
  child.stderr.on('data', d => log.push(String(d)));
  await waitHttp(`http://127.0.0.1:${port}/healthz`).catch(e => { child.kill(); throw new Error(`${e.message}\n${log.join('')}`); });
  return {
    port, dataDir, log, endpoint: `http://127.0.0.1:${port}/api/messages`,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([done, new Promise(r => setTimeout(r, 10000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Starts Agents Playground pointed at a bot endpoint; returns an API client. */
/** as: 'liaison' (default, .m365agentsplayground.yml) or 'office' (playground/office.yml); config: another config file. */
export async function startPlayground({ botEndpoint, port, as = 'liaison', config } = {}) {
  port ??= await freePort();
  const cli = join(e2eDir, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const runDir = mkdtempSync(join(tmpdir(), 'vocedweek-pg-'));
  const child = spawn('node', [cli, 'start', '-p', String(port), '-e', botEndpoint, '--disable-telemetry'], {
    cwd: runDir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: config ?? (as === 'office' ? join(e2eDir, 'playground', 'office.yml') : join(e2eDir, '.m365agentsplayground.yml')),
      M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: 'true',
      M365_AGENTS_PLAYGROUND_RECORDING_FILE: join(artifacts, `playground-events-${port}.log`),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let out = '';
  const listening = new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`playground did not start: ${out}`)), 120000);
    const on = d => { out += d; const m = /Listening on (\d+)/.exec(out); if (m) { clearTimeout(t); ok(Number(m[1])); } };
    child.stdout.on('data', on); child.stderr.on('data', on);
  });
  const actualPort = await listening;
  const base = `http://127.0.0.1:${actualPort}`;
  await waitHttp(`${base}/_debug/ping`);
  const pg = new Playground(base, child);
  pg.recordingFile = join(artifacts, `playground-events-${port}.log`);
  await pg.connect();
  return pg;
}

export class Playground {
  constructor(base, child) { this.base = base; this.child = child; this.frames = []; this.waiters = []; }

  async connect() {
    this.config = (await (await fetch(`${this.base}/_internal/v1/testConfig`)).json()).config;
    this.ws = new WebSocket(this.base.replace('http', 'ws') + '/_ws_conversation/v1/conversations/stream');
    await new Promise((ok, fail) => { this.ws.once('open', ok); this.ws.once('error', fail); });
    this.ws.on('message', raw => {
      const frame = JSON.parse(String(raw));
      this.frames.push(frame);
      this.waiters = this.waiters.filter(w => !(w.pred(frame) && (w.ok(frame), true)));
    });
  }

  get ids() {
    const c = this.config;
    return {
      me: c.currentUser.id, bot: c.bot, personal: c.personalChat.id, group: c.groupChats[0].id,
      team: c.teams[0].id, channel: c.teams[0].channels.find(ch => ch.id !== c.teams[0].id)?.id ?? c.teams[0].id,
    };
  }

  /** Waits for a bot message frame matching pred, considering frames from index `since`. */
  waitFrame(pred, { since = 0, timeout = 45000 } = {}) {
    const hit = this.frames.slice(since).find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((ok, fail) => {
      const w = { pred, ok: f => { clearTimeout(w.t); ok(f); } };
      w.t = setTimeout(() => {
        this.waiters = this.waiters.filter(x => x !== w);
        fail(new Error(`no matching frame in ${timeout} ms; last frames:\n${JSON.stringify(this.frames.slice(-3), null, 1).slice(0, 3000)}`));
      }, timeout);
      this.waiters.push(w);
    });
  }

  mark() { return this.frames.length; }

  async post(path, body) {
    const r = await fetch(this.base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await r.text();
    if (!r.ok) throw new Error(`${path} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  install(conversationId) { return this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {}); }

  say(conversationId, text, { mentionBot = false } = {}) {
    const bot = this.config.bot;
    const body = { text: mentionBot ? `<at>${bot.name}</at> ${text}` : text, textFormat: 'plain', from: { id: this.config.currentUser.id } };
    if (mentionBot) body.mentions = [{ mentioned: { id: bot.id, name: bot.name }, text: `<at>${bot.name}</at>` }];
    return this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
  }

  invoke(conversationId, replyToId, verb, data = {}) {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action', conversation: { id: conversationId }, from: { id: this.config.currentUser.id }, replyToId,
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } },
    });
  }

  submit(conversationId, replyToId, value) {
    return this.post('/_conversation/v1/submit', { conversation: { id: conversationId }, from: { id: this.config.currentUser.id }, replyToId, value });
  }

  /** Any activity, passed verbatim to the bot (other users, files, uninstall …). */
  custom(activity) { return this.post('/_internal/v1/customActivities', activity); }

  async stop() {
    this.ws?.close();
    if (this.child.exitCode !== null) return;
    const done = new Promise(r => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await Promise.race([done, new Promise(r => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

export const isCard = f => f.action === 'createMessage' && f.message?.attachments?.some(a => a.contentType === 'application/vnd.microsoft.card.adaptive');
export const cardOf = f => f.message.attachments.find(a => a.contentType === 'application/vnd.microsoft.card.adaptive').content;
export const cardText = card => JSON.stringify(card);
export const inConv = id => f => f.actionConversationId === id || f.message?.conversationId === id || f.message?.conversation?.id === id;

/** The data of the card's Action.Execute with this verb (ids the form needs: weekId, itemKey, cardId …). */
export function actionData(card, verb) {
  let found = null;
  const walk = n => {
    if (found || n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && n.type === 'Action.Execute' && n.verb === verb) { found = n.data ?? {}; return; }
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  if (!found) throw new Error(`no Action.Execute "${verb}" in card: ${JSON.stringify(card).slice(0, 500)}`);
  return found;
}

/** Ids of all inputs in a card. */
export function inputIds(card) {
  const ids = [];
  const walk = n => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && typeof n.type === 'string' && n.type.startsWith('Input.')) ids.push(n.id);
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return ids;
}

/**
 * `size` bytes that start like a real file of that kind (the bot checks a file's first bytes against its name), the
 * rest random: a stand-in photo or video that is counted as one.
 */
export function mediaBytes(kind, size) {
  const heads = {
    jpg: [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00],
    mp4: [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
  };
  const head = Buffer.from(heads[kind]);
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

/** A small HTTP server on 127.0.0.1 that serves files, standing in for Teams' pre-authorised download links. */
export async function startFileServer(files) {
  const http = await import('node:http');
  const server = http.createServer((req, res) => {
    const body = files[decodeURIComponent(req.url)];
    if (!body) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  return { url: path => `http://127.0.0.1:${server.address().port}${path}`, close: () => new Promise(r => server.close(r)) };
}

/** A stand-in for the Bot Connector of people's own chats: accepts every call and keeps what the bot posted. */
export async function startConnector() {
  const http = await import('node:http');
  const posts = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
      if (req.method === 'POST') posts.push(body ? JSON.parse(body) : null);
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `m${posts.length}` }));
    });
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, posts, close: () => new Promise(r => server.close(r)) };
}

/** The values offered by a ChoiceSet input. */
export function choices(card, id) {
  let found = [];
  const walk = n => {
    if (n === null || typeof n !== 'object') return;
    if (!Array.isArray(n) && n.type === 'Input.ChoiceSet' && n.id === id) { found = (n.choices ?? []).map(c => c.value); return; }
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return found;
}

/** A fake Microsoft Graph document library on 127.0.0.1 (see fake-graph.mjs); `graph.env` points the bot at it. */
export { startFakeGraph } from './fake-graph.mjs';

/** A fake Entra tenant on 127.0.0.1 (see fake-entra.mjs) for the tab's Teams single sign-on. */
export { startFakeEntra } from './fake-entra.mjs';
