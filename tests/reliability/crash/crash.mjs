// CRASH figure: 200 daily reports submitted concurrently by many liaisons; SIGKILL in the middle; restart on the same
// folder; every acknowledged submission must be there and the database must open. RUNS times (10).
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startConnector } from '../../server/lib/fakes.mjs';
import { repo, weekId, writeWeek, startBot, post, execute, reportSubmit, isReceipt, readStore, pool } from '../node/bot.mjs';

const runs = Number(process.env.RUNS ?? 10);
const submissions = Number(process.env.SUBMISSIONS ?? 200);
const concurrency = Number(process.env.CONCURRENCY ?? 40);
const days = ['2024-05-12', '2024-05-13', '2024-05-14'];
const out = join(repo, 'artifacts/reliability');
mkdirSync(join(out, 'logs'), { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'vocedweek-crash-'));
const weekFile = join(work, 'week.json');
const liaisons = writeWeek(weekFile, 35);
const connector = await startConnector({});
const rows = [];
let failed = false;

for (let run = 1; run <= runs; run++) {
  const storage = join(work, `run${run}`);
  mkdirSync(storage);
  const log = join(out, 'logs', `crash-run${run}.log`);
  rmSync(log, { force: true });
  const bot = await startBot({ storage, week: weekFile, log });
  // Kill once between 30 % and 70 % of the submissions were acknowledged: always mid-stream, never at the same point.
  const killAt = Math.round(submissions * (0.3 + 0.4 * Math.random()));
  const acked = new Set();
  let killed = null;
  let inFlight = 0;
  let inFlightAtKill = 0;
  let killedAfterMs = 0;
  const began = performance.now();
  const tasks = Array.from({ length: submissions }, (_, i) => async () => {
    const liaison = liaisons[i % liaisons.length];
    const cardId = randomUUID().replaceAll('-', '');
    const marker = `R${run}S${i}`;
    inFlight++;
    const res = await post(bot.url, reportSubmit(liaison, connector.serviceUrl, days[i % days.length], cardId, marker));
    inFlight--;
    // A receipt that still got out after the signal counts too: the liaison saw it.
    if (isReceipt(res, marker)) {
      acked.add(`${weekId}|${liaison.department}|report:${days[i % days.length]}|${cardId}`);
      if (!killed && acked.size >= killAt) { inFlightAtKill = inFlight; killedAfterMs = performance.now() - began; killed = bot.kill(); }
    }
  });
  const sent = await pool(tasks, concurrency, () => killed !== null);
  if (!killed) killed = bot.kill(); // every submission answered before the threshold (cannot happen with killAt < total)
  const exit = await killed;

  const bot2 = await startBot({ storage, week: weekFile, log });
  // The first answered turn reads the database (the report form pre-filled from what is stored)…
  const probeStart = performance.now();
  const probe = await post(bot2.url, execute(liaisons[0], connector.serviceUrl, 'form.open', { weekId, itemKey: 'report:2024-05-14' }));
  // Restart time: from starting the process to that first answer (the database opened and read).
  const restartMs = bot2.startMs + (performance.now() - probeStart);
  const readOk = probe.status === 200 && probe.body?.type === 'application/vnd.microsoft.card.adaptive';
  // …and the database still takes writes.
  const after = `R${run}AFTER`;
  const write = await post(bot2.url, reportSubmit(liaisons[1], connector.serviceUrl, '2024-05-14', randomUUID().replaceAll('-', ''), after));
  const writeOk = isReceipt(write, after);
  await bot2.stop();

  const store = readStore(storage);
  const keys = new Set((store.submissions ?? []).map(s => s.key));
  const present = [...acked].filter(k => keys.has(k)).length;
  const unacknowledgedStored = Math.max(0, keys.size - present - (writeOk ? 1 : 0));
  const opened = store.opened === true && readOk && writeOk && (store.inconsistentSlots ?? []).length === 0;
  const row = {
    run, sent, killAt, inFlightAtKill, perSecond: Math.round(killAt / (killedAfterMs / 1000)), signal: exit.signal, acknowledged: acked.size, present, lost: acked.size - present,
    unacknowledgedStored, opened, restartMs: Math.round(restartMs), inconsistent: store.inconsistentSlots?.length ?? -1, error: store.error,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  if (row.lost !== 0 || !opened) failed = true;
}
await connector.close();

const sum = k => rows.reduce((a, r) => a + r[k], 0);
const ms = rows.map(r => r.restartMs).sort((a, b) => a - b);
const median = ms[Math.floor((ms.length - 1) / 2)];
const medianOf = k => rows.map(r => r[k]).sort((a, b) => a - b)[Math.floor((rows.length - 1) / 2)];
const md = [
  '| run | sent | acknowledged | present after restart | lost | in flight at SIGKILL | stored, not acknowledged | database opened | restart (ms) | receipts/s before the kill |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: |',
  ...rows.map(r => `| ${r.run} | ${r.sent} | ${r.acknowledged} | ${r.present} | ${r.lost} | ${r.inFlightAtKill} | ${r.unacknowledgedStored} | ${r.opened ? 'yes' : 'NO'} | ${r.restartMs} | ${r.perSecond} |`),
  `| **${rows.length} runs** | ${sum('sent')} | **${sum('acknowledged')}** | **${sum('present')}** | **${sum('lost')}** | ${sum('inFlightAtKill')} | ${sum('unacknowledgedStored')} | **${rows.filter(r => r.opened).length}/${rows.length}** | median ${median} | median ${medianOf('perSecond')} |`,
].join('\n');
writeFileSync(join(out, 'crash.md'), `### Crash\n\n${md}\n`);
console.log(`\n${md}\n`);
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
