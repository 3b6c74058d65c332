// Fuzzing figure (issue 15): mutations of every recorded Teams payload POSTed to the real bot process
// (anonymous Development mode on loopback), replies going to a local fake connector. Prints and writes the table.
//   node fuzz.mjs <bot.dll> <repo root>      FUZZ_TOTAL (10000), FUZZ_PER_PAYLOAD (overrides the total), FUZZ_CONCURRENCY (8)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { kinds, mutate, rng } from './mutate.mjs';

const [botDll, root] = process.argv.slice(2);
const fixtures = path.join(root, 'tests/fixtures/teams');
const out = path.join(root, 'artifacts/reliability');
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 8);

function listen(handler) {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The fake connector: every call accepted (activities get an id, file downloads get a few bytes).
let connectorCalls = 0;
const connector = await listen((req, res) => {
  connectorCalls++;
  req.resume();
  req.on('end', () => {
    if (req.method === 'GET' && !req.url.includes('/v3/')) { res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.from('89504e470d0a1a0a0000', 'hex')); return; }
    res.writeHead(req.method === 'GET' ? 200 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: String(connectorCalls) }));
  });
});
const fake = `http://127.0.0.1:${connector.address().port}/`;

/** Recorded payloads; fragments go into a personal-chat envelope as the .NET fixture test does; URLs point at the fake. */
function payloads() {
  const names = fs.readdirSync(fixtures).filter((n) => n.endsWith('.json')).sort();
  const envelope = JSON.parse(fs.readFileSync(path.join(fixtures, 'message_personal_chat.json'), 'utf8'));
  const local = (node) => {
    if (typeof node === 'string') return /^https?:/i.test(node) ? fake + 'x/' + encodeURIComponent(node.slice(-40)) : node;
    if (Array.isArray(node)) return node.map(local);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, local(v)]));
    return node;
  };
  return names.map((name) => {
    let json = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
    if (name.startsWith('fragment_')) {
      const e = structuredClone(envelope);
      if (name.includes('invoke')) { e.type = 'invoke'; e.name = json.name ?? 'fileConsent/invoke'; e.value = json.value ?? json; delete e.text; }
      else { e.text = ''; e.attachments = json.attachments ?? (json.contentType ? [json] : []); }
      json = e;
    }
    if (json && typeof json === 'object' && !Array.isArray(json) && 'type' in json) json.serviceUrl = fake;
    return { name, json: local(json) };
  });
}

/** Each request its own activity id and conversation: no de-duplication, no shared send window hides a turn. */
function fresh(json, seed) {
  if (!json || typeof json !== 'object' || Array.isArray(json) || !('type' in json)) return json;
  const copy = structuredClone(json);
  copy.id = `fuzz-${seed}`;
  if (copy.conversation && typeof copy.conversation.id === 'string') copy.conversation.id += `-${seed}`;
  return copy;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function waitHealthy(base) {
  for (let i = 0; i < 600; i++) {
    try { const r = await fetch(base + 'healthz'); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not start');
}

function post(port, bytes) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e) => resolve({ status: 'error: ' + e.code, body: '' }));
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.end(bytes);
  });
}

const data = fs.mkdtempSync(path.join(os.tmpdir(), 'vocedweek-fuzz-'));
const port = await new Promise((resolve) => { const s = http.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const bot = spawn('dotnet', [botDll, '--urls', `http://127.0.0.1:${port}`], {
  env: {
    ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', MicrosoftAppId: '', Storage__Directory: data,
    Week__DefinitionFile: path.join(root, 'bot/Weeks/Samples/2024-wuxi.json'), Clock__StartAt: '2024-05-14T09:30:00+08:00',
    Office__AnnounceStartup: 'false', Scheduling__Enabled: 'false', Logging__LogLevel__Default: 'Warning',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const botLog = fs.createWriteStream(path.join(out, 'fuzz-bot.log'));
bot.stdout.pipe(botLog);
bot.stderr.pipe(botLog);
let exitCode = 0;
try {
  await waitHealthy(`http://127.0.0.1:${port}/`);
  const all = payloads();
  const per = process.env.FUZZ_PER_PAYLOAD ? Number(process.env.FUZZ_PER_PAYLOAD) : Math.ceil(Number(process.env.FUZZ_TOTAL ?? 10000) / all.length);
  const jobs = [];
  all.forEach((p, i) => { for (let n = 0; n < per; n++) jobs.push([p, i * 1_000_003 + n + 1]); });
  // Warm up with the unmutated payloads, then measure memory before.
  for (const p of all) await post(port, Buffer.from(JSON.stringify(p.json)));
  const rssBefore = rssMb(bot.pid);
  const byStatus = new Map();
  const byKind = new Map(kinds.map((k) => [k, new Map()]));
  const failures = [];
  const started = Date.now();
  let next = 0;
  let peak = rssBefore;
  const worker = async () => {
    while (next < jobs.length) {
      const [p, seed] = jobs[next++];
      const m = mutate(fresh(p.json, seed), rng(seed));
      const { status, body } = await post(port, m.bytes);
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const k = byKind.get(m.kind); k.set(status, (k.get(status) ?? 0) + 1);
      // 501 is the protocol's answer to an invoke nobody handles (e.g. its name was removed), not a failure.
      const bad = typeof status !== 'number' || (status >= 500 && status !== 501) || /at VocEdWeek|\.cs\b|Exception/.test(body);
      if (bad && failures.length < 20) failures.push({ payload: p.name, kind: m.kind, seed, status, body: body.slice(0, 300), sent: m.bytes.subarray(0, 2000).toString('base64') });
      if (next % 500 === 0) peak = Math.max(peak, rssMb(bot.pid));
      if (next % 2000 === 0) process.stderr.write(`  ${next}/${jobs.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  const rssAfter = rssMb(bot.pid);
  const fivexx = [...byStatus].filter(([s]) => typeof s === 'number' && s >= 500 && s !== 501).reduce((a, [, n]) => a + n, 0);
  const errors = [...byStatus].filter(([s]) => typeof s !== 'number').reduce((a, [, n]) => a + n, 0);
  const botLogText = () => { try { return fs.readFileSync(path.join(out, 'fuzz-bot.log'), 'utf8'); } catch { return ''; } };
  const logText = botLogText();
  const errorLines = (logText.match(/^fail: /gm) ?? []).length;
  const leaks = failures.filter((f) => /at VocEdWeek|\.cs\b|Exception/.test(f.body)).length;
  const statuses = [...byStatus.keys()].sort((a, b) => String(a).localeCompare(String(b)));
  const lines = [
    '# Fuzzing /api/messages',
    '',
    `${jobs.length} mutated requests: ${per} mutations of each of the ${all.length} recorded payloads in tests/fixtures/teams ` +
      `(byte flips, invalid UTF-8, lone surrogates, nulls in arrays, wrong types, huge strings, deep nesting, removed fields, duplicated keys, combinations), ` +
      `POSTed by ${concurrency} connections to the real bot process (Release, anonymous Development mode on loopback, replies to a local fake connector). ` +
      `Measured on ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| HTTP status | requests |',
    '|---|---:|',
    ...statuses.map((s) => `| ${s} | ${byStatus.get(s)} |`),
    '',
    '| figure | value |',
    '|---|---:|',
    `| requests | ${jobs.length} |`,
    `| **5xx answers** (other than 501 for an invoke nobody handles) | **${fivexx}** |`,
    `| connection errors / timeouts | ${errors} |`,
    `| answers with a stack trace or source path | ${leaks} |`,
    `| bot RSS before (after warm-up), MB | ${rssBefore.toFixed(1)} |`,
    `| bot RSS after, MB | ${rssAfter.toFixed(1)} |`,
    `| bot RSS peak (sampled), MB | ${peak.toFixed(1)} |`,
    `| duration, s | ${seconds.toFixed(1)} |`,
    `| requests per second | ${(jobs.length / seconds).toFixed(0)} |`,
    `| calls the bot made to the fake connector | ${connectorCalls} |`,
    `| error-level lines in the bot's log | ${errorLines} |`,
    '',
    '| mutation | ' + statuses.join(' | ') + ' |',
    '|---|' + statuses.map(() => '---:').join('|') + '|',
    ...[...byKind].map(([k, m]) => `| ${k} | ` + statuses.map((s) => m.get(s) ?? 0).join(' | ') + ' |'),
    '',
  ];
  const table = lines.join('\n');
  fs.writeFileSync(path.join(out, 'fuzz.md'), table);
  if (failures.length) fs.writeFileSync(path.join(out, 'fuzz-failures.json'), JSON.stringify(failures, null, 2));
  console.log(table);
  if (fivexx > 0 || errors > 0 || leaks > 0) { console.error(`FUZZ: ${fivexx} x 5xx, ${errors} connection errors, ${leaks} leaks; see artifacts/reliability/fuzz-failures.json`); exitCode = 1; }
} catch (e) {
  console.error('FUZZ failed: ' + e.message);
  exitCode = 1;
} finally {
  bot.kill('SIGINT');
  await new Promise((r) => { const t = setTimeout(() => { bot.kill('SIGKILL'); r(); }, 10_000); bot.on('exit', () => { clearTimeout(t); r(); }); });
  connector.close();
  fs.rmSync(data, { recursive: true, force: true });
}
process.exit(exitCode);
