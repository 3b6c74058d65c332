// One row of the rush table: a fresh bot on a fresh storage folder (tmpfs or disk), the rehearsal clock at 11:56:00
// on a report day, the warm-up, the minute of 11:59, the photos' acknowledgements, the 12:05 digest, then the store
// read back with the bot stopped.
import { loadavg } from 'node:os';
import { startConnector } from '../../server/lib/fakes.mjs';
import { join } from 'node:path';
import { repo, startBot, post, readStore, weekId, sleep } from '../node/bot.mjs';
import { bindChannel, channelId } from './office.mjs';
import { warmUp, rush, day, clock } from './traffic.mjs';
import { checkStore, checkDigest } from './verify.mjs';
import { cpuSeconds, memoryMiB, summary, startCounters } from './measure.mjs';

/** Seconds from the rehearsal clock's start to a "HH:mm" on the same day. */
const secondsTo = hhmm => { const [h, m] = hhmm.split(':').map(Number); return (h * 60 + m - clock.startMinute) * 60; };

export async function runRow({ label, storage, weekFile, log, auth, identity, submitters, missing, digestAt }) {
  // Idle connections kept for 4 minutes, as Azure's front ends do: the bot's pooled connections are not cut under it.
  const connector = await startConnector({}, { keepAliveMs: 240_000 });
  const token = identity.channelToken(auth.MicrosoftAppId, connector.serviceUrl);
  const env = { ...auth, Clock__StartAt: clock.startAt, ...(digestAt === '12:05' ? {} : { Digest__Times__0: digestAt }) };
  const bot = await startBot({ storage, week: weekFile, log, env });
  const stopCounters = startCounters(join(repo, 'artifacts/tools/dotnet-counters'), bot.proc.pid, log.replace(/\.log$/, '.counters.csv'));
  // The bot's clock starts at 11:56:00 a moment after the spawn (when it builds its services): sending by the spawn
  // instant puts every request at most that moment *earlier* on the bot's clock, never later, so none may be late.
  const second = s => bot.spawnedAt + s * 1000;
  const problems = [];

  const bound = await post(bot.url, bindChannel(connector.serviceUrl), 30000, { token });
  if (bound.status !== 200) problems.push(`binding the digest channel answered ${bound.status}`);
  const liaisons = submitters.map(s => s.liaison);
  const warm = warmUp({ bot, serviceUrl: connector.serviceUrl, token, liaisons, second });
  const cpu0 = await new Promise(ok => setTimeout(() => ok(cpuSeconds(bot.proc.pid)), Math.max(0, second(clock.minute) - performance.now())));
  const minute = await rush({ bot, serviceUrl: connector.serviceUrl, token, submitters, second, connector, weekId });
  const cpuRush = cpuSeconds(bot.proc.pid) - cpu0;
  // The machine is shared: what else ran shows in the load average over the minute.
  const load = loadavg()[0];
  const memory = memoryMiB(bot.proc.pid);
  const warmed = await warm;

  // Each photo is acknowledged in its chat ("已收到1 张照片：…。已归入 …") once stored: wait for all (2 min at most).
  const acked = () => new Set(connector.requests.filter(r => r.method === 'POST' && r.body.includes('已归入')).map(r => decodeURIComponent(r.url)));
  const ackedBy = () => { const urls = [...acked()]; return minute.submits.filter(s => urls.some(u => u.includes(`/${s.conversation}/`))).length; };
  const ackDeadline = performance.now() + 120_000;
  while (ackedBy() < minute.submits.length && performance.now() < ackDeadline) await sleep(500);
  const photosAcked = ackedBy();

  // The digest: the scheduler ticks every 20 s, so it is out by digestAt + 20 s; a minute's margin, then 10 s more
  // for any part posted twice.
  const digestDeadline = second(secondsTo(digestAt) + 80);
  while (!checkDigest(connector.requests, channelId, { missing: [] }).complete && performance.now() < digestDeadline) await sleep(1000);
  await sleep(10_000);
  const cpuTotal = cpuSeconds(bot.proc.pid);
  stopCounters();
  await bot.stop();
  await connector.close();

  const deadline = Date.parse(`${day}T12:00:00+08:00`);
  const store = checkStore(readStore(storage), storage, minute.submits, deadline);
  const onTime = store.times.filter(t => t < deadline).length;
  // The digest must tell what the store holds: departments with nothing stored (kept silent, or unanswered) are missing.
  const notStored = [...missing, ...store.unstored.map(s => s.departmentName)];
  const digest = checkDigest(connector.requests, channelId, { onTime, late: store.times.length - onTime, missing: notStored, photos: store.photosOk });
  const beijing = t => new Date(t + 8 * 3600_000).toISOString().slice(11, 23);
  const submitErrors = minute.submits.filter(s => s.submitStatus !== 200 || !s.receipt);
  const photoErrors = minute.submits.filter(s => s.photoStatus !== 200);
  const staffErrors = minute.questions.filter(q => !q.ok);
  for (const s of submitErrors.slice(0, 5)) problems.push(`submit ${s.department}: ${s.submitStatus} ${s.answer}`);
  for (const q of staffErrors.slice(0, 5)) problems.push(`staff question: ${q.status} ${q.answer}`);
  return {
    label, submissions: minute.submits.length, lost: store.lost, unstored: store.unstored.length, storedUnacked: store.storedUnacked,
    duplicated: store.duplicated, stored: store.stored,
    errors: submitErrors.filter(s => s.submitStatus !== 200).length + photoErrors.length + staffErrors.length,
    receiptsOk: store.receiptsOk, late: store.times.length - onTime,
    // When the bot stored them, on its own clock (Beijing time): the minute as the bot saw it.
    storedFrom: beijing(Math.min(...store.times)), storedTo: beijing(Math.max(...store.times)),
    submit: summary(minute.submits.map(s => s.submitMs)), staff: summary(minute.questions.map(q => q.ms)),
    photoMessage: summary(minute.submits.map(s => s.photoMs)), photosOk: store.photosOk, photosAcked,
    digest, cpuRush, cpuTotal, memory, load, warmErrors: warmed.statuses.filter(s => s !== 200).length,
    lateness: summary(minute.lateness), warmLateness: summary(warmed.lateness),
    slowest: [...minute.submits].sort((a, b) => b.submitMs - a.submitMs).slice(0, 5).map(s => `${Math.round(s.submitMs)} ms at 11:59:${(s.offset - clock.minute).toFixed(1)}`),
    problems: [...problems, ...store.problems.slice(0, 20), ...digest.problems],
  };
}
