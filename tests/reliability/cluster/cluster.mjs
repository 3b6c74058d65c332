// CLUSTER scenario (issue 13): three bot instances on one PostgreSQL behind the repository's nginx site (three upstream
// servers, no sticky sessions); a report-day morning just before a reminder slot; every department's daily report sent
// through nginx; the scheduler's leader killed with SIGKILL half-way and started again under its name. What happened is
// checked in the database and at the fake connector afterwards (verify.mjs); runCluster returns the figures and the
// violations. Used by run.mjs (the 2,000-department figure) and tests/server/cluster.test.mjs (CI, fewer departments).
import { mkdtempSync, mkdirSync, chmodSync, readFileSync, readdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { makeCertificates } from '../../server/lib/pki.mjs';
import { startConnector } from '../../server/lib/fakes.mjs';
import { startPostgres } from '../../server/lib/postgres.mjs';
import * as stack from '../../server/lib/stack.mjs';
import { writeWeek, startBot, post, reportSubmit, channelMessage, isReceipt, tlsAgent, pool, sleep } from '../node/bot.mjs';
import { currentLeader, watchTakeover } from './leader.mjs';
import { waitUntilUp } from '../../server/lib/https.mjs';
import { verify } from './verify.mjs';

export const day = '2024-05-14';
export const channelId = '19:reliability-office@thread.tacv2';
const instances = ['a', 'b', 'c'];

/**
 * One run. `departments` in the week, every `missingEvery`-th never reports (the reminder's known recipients); the reminder
 * slot (11:00 Beijing time) comes `reminderAfterS` seconds after the start, the digest `digestAfterMin` minutes after it.
 */
export async function runCluster({ departments = 2000, missingEvery = 20, concurrency = 40, reminderAfterS = 90, digestAfterMin = 1, restartAfterMs = 3000, logDir }) {
  const began = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'vocedweek-cluster-'));
  // nginx's workers run as an unprivileged user when the script runs as root: they must reach the temp folders.
  chmodSync(work, 0o755);
  mkdirSync(logDir, { recursive: true });
  for (const f of readdirSync(logDir).filter(f => f.startsWith('cluster-'))) rmSync(join(logDir, f));
  const tls = makeCertificates(work);
  const pg = await startPostgres();
  const connector = await startConnector({});
  const weekFile = join(work, 'week.json');
  const liaisons = writeWeek(weekFile, departments - 5);
  const week = JSON.parse(readFileSync(weekFile, 'utf8'));
  const staff = { ...week.office.staff[0], teamsId: `29:${week.office.staff[0].aadObjectId}` };
  const missing = new Set(week.departments.filter((_, i) => i % missingEvery === missingEvery - 1).map(d => d.id));
  const submitters = week.departments.filter(d => !missing.has(d.id)).map(d => liaisons.find(l => l.department === d.id));

  // One rehearsal clock for all: it reads 11:00 - reminderAfterS at `anchor`, whichever instance asks, whenever it started.
  const anchor = Date.now();
  const reminderAt = anchor + reminderAfterS * 1000;
  const slotKeys = [`2024-wuxi|remind|${day}T11:00`, `2024-wuxi|digest|${day}T11:${String(digestAfterMin).padStart(2, '0')}`];
  const env = {
    Storage__Provider: 'PostgreSql',
    ConnectionStrings__VocEdWeek: pg.connectionString,
    Links__SigningKey: randomBytes(32).toString('base64'),
    Storage__SharedDirectory: 'true',
    Clock__StartAt: new Date(Date.parse(`${day}T03:00:00Z`) - reminderAfterS * 1000).toISOString(),
    Clock__StartAtUtcInstant: new Date(anchor).toISOString(),
    Reminders__Schedule__DailyReport__0: '11:00',
    Digest__Times__0: `11:${String(digestAfterMin).padStart(2, '0')}`,
    // Who leads, which slot ran: the lines the checks read.
    'Logging__LogLevel__VocEdWeek.Bot.Scheduling': 'Information',
    'Logging__LogLevel__VocEdWeek.Bot.Storage.PostgreSql.Scheduling': 'Information',
  };
  const shared = join(work, 'files');
  mkdirSync(shared);
  const ports = await Promise.all(instances.map(() => stack.freePort()));
  const [httpsPort, httpPort] = [await stack.freePort(), await stack.freePort()];
  const base = `https://127.0.0.1:${httpsPort}`;
  const logs = [];
  const start = (name, i) => {
    const log = join(logDir, `cluster-${name}${logs.filter(l => l.name === name).length ? '-restarted' : ''}.log`);
    rmSync(log, { force: true });
    logs.push({ name, log });
    return startBot({ storage: shared, week: weekFile, log, port: ports[i], env: { ...env, Storage__InstanceName: name, Links__PublicBaseUrl: base } });
  };
  const bots = await Promise.all(instances.map(start));

  const nginxDir = join(work, 'nginx');
  mkdirSync(nginxDir);
  const conf = stack.writeNginxConfig(nginxDir, { tls, httpsPort, httpPort, botPorts: ports, workerConnections: 1024 });
  // Test-only: the access log names the instance that answered, to show the spread (the site file does not log it).
  const site = join(nginxDir, 'vocedweek.conf');
  writeFileSync(site, stack.template(readFileSync(site, 'utf8'), [['$upstream_response_time', '$upstream_addr $upstream_response_time']], 'vocedweek.conf'));
  const nginx = stack.startNginx(nginxDir, conf, join(logDir, 'cluster-nginx.out.log'));
  const agent = tlsAgent(tls.ca, concurrency + 8);
  await waitUntilUp(`${base}/healthz`, tls.ca, nginx);

  const result = { departments, missing: missing.size, submitters: submitters.length, violations: [] };
  try {
    // The office channel, bound by office staff through nginx, as "@bot 设为通知频道" in Teams.
    const bind = await post(base, channelMessage(staff, connector.serviceUrl, channelId, '设为通知频道'), 30000, { agent });
    if (bind.status !== 200) result.violations.push(`binding the digest channel answered ${bind.status}`);
    await connector.waitFor(e => e.body.includes('已将本频道设为通知频道'), 30000);

    let leader = null;
    for (let i = 0; i < 100 && !leader; i++) if (!(leader = await currentLeader(pg))) await sleep(100);
    if (!leader) throw new Error('no instance took the scheduler lock');

    // Kill between 40 % and 60 % of the receipts: always mid-stream, never at the same point.
    const killAt = Math.round(submitters.length * (0.4 + 0.2 * Math.random()));
    const acked = new Map();
    let retried = 0;
    let kill = null;
    const sendStarted = performance.now();
    const tasks = submitters.map((liaison, i) => async () => {
      const cardId = randomUUID().replaceAll('-', '');
      const marker = `C${i}`;
      // A liaison who sees no receipt presses the button again: a new activity, the same card.
      for (let attempt = 1; attempt <= 20; attempt++) {
        const res = await post(base, reportSubmit(liaison, connector.serviceUrl, day, cardId, marker), 30000, { agent });
        if (isReceipt(res, marker)) {
          acked.set(`2024-wuxi|${liaison.department}|report:${day}|${cardId}`, { marker, attempts: attempt });
          if (attempt > 1) retried++;
          break;
        }
        await sleep(500);
      }
      if (!kill && acked.size >= killAt) kill = killLeader();
    });
    const killLeader = async () => {
      const i = instances.indexOf(leader);
      const inFlightAcked = acked.size;
      const killedAt = performance.now();
      // The kill on the rehearsal clock, to tell a retried card the killed instance had stored from one stored on the retry.
      const onClock = new Date(Date.parse(env.Clock__StartAt) + (Date.now() - anchor)).toISOString();
      const watching = watchTakeover(pg, leader, killedAt);
      await bots[i].kill();
      // Started again only once another instance leads (or a minute passed): a follower tries every LeaderRetry (5 s), so
      // an instance back within that time could take its own lock back first and the takeover would go unseen.
      const takeover = await watching;
      await sleep(restartAfterMs);
      bots[i] = await start(leader, i);
      return { name: leader, ackedBefore: inFlightAcked, atMs: killedAt - sendStarted, onClock, takeover, restartedAfterMs: performance.now() - killedAt };
    };
    await pool(tasks, concurrency);
    const sendMs = performance.now() - sendStarted;
    // Read before waiting for the takeover and the restart: they may run past the slot, the submissions must not.
    const sentAt = Date.now();
    const killed = await kill;
    if (!killed) result.violations.push('no instance was killed');
    else if (killed.takeover.ms === null) result.violations.push(`no instance took over from ${killed.name} within a minute`);
    if (sentAt > reminderAt) result.violations.push(`the submissions ended ${Math.round((sentAt - reminderAt) / 1000)} s after the reminder slot: raise the time before it`);

    // The reminder and the digest slot, run by whoever leads, and their messages out.
    const digestAt = reminderAt + digestAfterMin * 60_000;
    const settled = await waitSettled(pg, slotKeys, digestAt + 120_000);
    if (!settled) result.violations.push('the reminder and digest slots and their messages did not settle within 2 minutes of the digest time');
    await sleep(1000);
    await Promise.all(bots.map(b => b.stop()));
    nginx.kill('SIGINT');
    const access = readFileSync(join(nginxDir, 'access.log'), 'utf8');
    Object.assign(result, {
      acknowledged: acked.size, retried, sendMs, perSecond: Math.round(acked.size / (sendMs / 1000)), killed,
      spread: Object.fromEntries(ports.map((p, i) => [instances[i], (access.match(new RegExp(`"POST /api/messages" 200 .* 127\\.0\\.0\\.1:${p} `, 'g')) ?? []).length])),
      upstream502: (access.match(/"POST \/api\/messages" 502 /g) ?? []).length,
    });
    verify({ pg, connector, week, missing, acked, logs, slotKeys, result });
  } finally {
    for (const b of bots) if (b.alive()) b.kill();
    if (nginx.exitCode === null) nginx.kill('SIGKILL');
    await connector.close();
    agent.destroy();
    try { copyFileSync(join(nginxDir, 'access.log'), join(logDir, 'cluster-nginx-access.log')); } catch { /* never written */ }
    pg.stop();
    rmSync(work, { recursive: true, force: true });
  }
  result.totalMs = performance.now() - began;
  return result;
}

/** Polls until both slots are recorded as run and none of the outbox's messages waits or is being sent. */
async function waitSettled(pg, slotKeys, until) {
  while (Date.now() < until) {
    const [[slots, open]] = await pg.sqlAsync(`SELECT (SELECT count(*) FROM schedule_slots WHERE id IN (${slotKeys.map(k => `'${k}'`).join(', ')}) AND NOT missed),
      (SELECT count(*) FROM outbox WHERE state IN ('Pending', 'Sending'))`);
    if (Number(slots) === slotKeys.length && Number(open) === 0) return true;
    await sleep(1000);
  }
  return false;
}
