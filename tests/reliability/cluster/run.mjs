// CLUSTER figure: runs the three-instance scenario (cluster.mjs) RUNS times (1) with DEPARTMENTS departments (2,000) and
// writes artifacts/reliability/cluster.md. Exits non-zero on any violation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from '../node/bot.mjs';
import { runCluster } from './cluster.mjs';

const runs = Number(process.env.RUNS ?? 1);
const departments = Number(process.env.CLUSTER_DEPARTMENTS ?? 2000);
const out = join(repo, 'artifacts/reliability');
mkdirSync(out, { recursive: true });
const options = {
  departments,
  concurrency: Number(process.env.CONCURRENCY ?? 40),
  // The submissions (and the kill and restart) must be over before the reminder slot, so its recipients are known.
  reminderAfterS: Number(process.env.CLUSTER_REMINDER_AFTER ?? Math.max(45, Math.ceil(departments / 20))),
  digestAfterMin: Number(process.env.CLUSTER_DIGEST_AFTER_MINUTES ?? 1),
  logDir: join(out, 'logs'),
};

const rows = [];
for (let run = 1; run <= runs; run++) {
  const r = await runCluster(options);
  rows.push({ run, ...r });
  console.log(JSON.stringify({ run, ...r }));
}

const table = list => [
  '| run | departments | acknowledged | stored | duplicates | lost | retried by the liaison | reminders expected / delivered / duplicates | digest parts / posts | slot runs (reminder, digest) | instance killed (at receipt) | leader takeover (ms) | receipts/s | spread a/b/c | total (s) | violations |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: | :---: | :---: | ---: | ---: | :---: | ---: | :--- |',
  ...list.map(r => `| ${r.run} | ${r.departments} (${r.missing} never report) | ${r.acknowledged} | ${r.stored} | ${r.duplicates} | ${r.lost} | ${r.retried} (${r.retriedStoredBeforeKill} stored before the kill) | ${r.remindersExpected} / ${r.remindersDelivered} / ${r.reminderDuplicates} | ${r.digestParts} / ${r.digestPosts} | ${r.slotRuns?.join(', ')} | ${r.killed?.name} (${r.killed?.ackedBefore}) → ${r.killed?.takeover.by} | ${r.killed?.takeover.ms ?? 'none'} | ${r.perSecond} | ${Object.values(r.spread ?? {}).join('/')} | ${Math.round(r.totalMs / 1000)} | ${r.violations.length ? r.violations.join('; ') : 'none'} |`),
].join('\n');

const md = table(rows);
writeFileSync(join(out, 'cluster.md'), `### Three instances, one killed\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${(await import('node:os')).cpus().length} cores.\n\n${md}\n`);
console.log(`\n${md}\n`);
process.exit(rows.some(r => r.violations.length) ? 1 : 0);
