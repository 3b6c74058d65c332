// DISK FULL figure: the bot's storage folder (LiteDB file and file store) on a tiny tmpfs. Photos through the upload
// page and daily reports are sent until the disk is full and beyond; then space is freed (the tmpfs is enlarged) and
// more are sent. Every answer is classified; afterwards the folder is read with the bot's own BotDatabase: nothing
// acknowledged may be missing, the refusals must say why, and the bot must recover without a restart.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, openSync, writeSync, closeSync, statfsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { startConnector } from '../../server/lib/fakes.mjs';
import { repo, weekId, writeWeek, startBot, post, execute, message, reportSubmit, isReceipt, answerText, readStore } from '../node/bot.mjs';

const sizeMb = Number(process.env.DISKFULL_MB ?? 16);
// The bot keeps this much free for its database (Storage:ReserveBytes); files stop there, then something else fills the rest.
const reserveMb = Number(process.env.DISKFULL_RESERVE_MB ?? 4);
const fileKb = Number(process.env.DISKFULL_FILE_KB ?? 256);
const clear = /存储空间不足/;
const out = join(repo, 'artifacts/reliability');
mkdirSync(join(out, 'logs'), { recursive: true });
const log = join(out, 'logs', 'diskfull.log');
rmSync(log, { force: true });

const work = mkdtempSync(join(tmpdir(), 'vocedweek-diskfull-'));
const storage = join(work, 'storage');
mkdirSync(storage);
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', storage], { stdio: 'pipe' });
} catch (e) {
  console.error(`Cannot mount a ${sizeMb} MiB tmpfs for the disk-full figure (needs root and permission to mount): ${String(e.stderr || e.message).trim()}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}

// Stopped or out of time (a hung bot): unmount and leave nothing behind; the bot itself is killed on exit.
const cleanup = code => {
  try { execFileSync('umount', ['-l', storage]); } catch { /* already unmounted */ }
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup(130));
setTimeout(() => { console.error('The disk-full figure did not finish within 10 minutes (a request hung); see the bot log.'); cleanup(1); }, 600000).unref();

const weekFile = join(work, 'week.json');
const liaisons = writeWeek(weekFile, 10);
const connector = await startConnector({});
let bot;
const rows = [];
let failed = false;
const dayOf = i => ['2024-05-12', '2024-05-13', '2024-05-14'][i % 3];
// A JPEG as a camera writes it starts FF D8 FF and ends FF D9; the bytes between are random (incompressible).
const photo = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]), randomBytes(fileKb * 1024 - 14), Buffer.from([0xff, 0xd9])]);
const longText = n => '职业教育活动周期间，学院组织学生走进企业车间，体验真实岗位，校企双方共同制定实训方案。'.repeat(Math.ceil(n / 44)).slice(0, n);

function tally(name, attempts) {
  const row = {
    phase: name, attempts: attempts.length,
    acknowledged: attempts.filter(a => a.acked).length,
    refusedClear: attempts.filter(a => !a.acked && a.clear).length,
    serverErrors: attempts.filter(a => a.status >= 500 && !a.clear).length,
    other: attempts.filter(a => !a.acked && !a.clear && !(a.status >= 500)).length,
    attemptsList: attempts,
  };
  rows.push(row);
  console.log(JSON.stringify({ ...row, attemptsList: undefined, sample: attempts.filter(a => !a.acked).slice(0, 2).map(a => a.answer) }));
  return row;
}

async function sendPhoto(link, i, batch) {
  const name = `现场照片-${String(i).padStart(3, '0')}.jpg`;
  const body = photo();
  try {
    const res = await fetch(`${link}/files`, {
      method: 'POST', body, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), 'x-upload-batch': batch },
      signal: AbortSignal.timeout(30000),
    });
    const text = await res.text();
    let json = {};
    try { json = JSON.parse(text); } catch { /* empty or not JSON */ }
    // Acknowledged: what the upload page shows as "✓ 已保存": 200 with the stored name and the whole size.
    const acked = res.status === 200 && typeof json.name === 'string' && json.size === body.length;
    return { name, size: body.length, status: res.status, acked, clear: clear.test(json.error ?? ''), answer: `${res.status} ${text.slice(0, 200)}` };
  } catch (e) {
    return { name, size: body.length, status: 0, acked: false, clear: false, answer: e.cause?.code ?? e.name };
  }
}

async function sendReport(i, tag) {
  const liaison = liaisons[i % liaisons.length];
  const cardId = randomUUID().replaceAll('-', '');
  const marker = `${tag}${i}`;
  const res = await post(bot.url, reportSubmit(liaison, connector.serviceUrl, dayOf(i), cardId, marker, longText(2900)));
  const acked = isReceipt(res, marker);
  const text = answerText(res);
  // An invoke's own status (an error card is HTTP 200 with statusCode 500 inside) is what the liaison got.
  const status = res.status === 200 && typeof res.body?.statusCode === 'number' ? res.body.statusCode : res.status;
  return { key: `${weekId}|${liaison.department}|report:${dayOf(i)}|${cardId}`, status, acked, clear: !acked && clear.test(text), answer: text.slice(0, 200) };
}

/** Sends until `stopAfter` answers in a row were not acknowledged (the disk is full), at most `max`. */
async function untilRefused(send, max, stopAfter = 8) {
  const attempts = [];
  let refusedInARow = 0;
  for (let i = 0; i < max && refusedInARow < stopAfter; i++) {
    const a = await send(i);
    attempts.push(a);
    refusedInARow = a.acked ? 0 : refusedInARow + 1;
  }
  return attempts;
}

/** Fills the disk to the last byte from outside the bot, as another program or a log file would; returns the file. */
function fillDisk() {
  const path = join(storage, 'filler.bin');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    if (e.code !== 'ENOSPC') throw e;
    try { for (;;) writeSync(fd, block, 0, 512); } catch { /* the last partial blocks */ }
  } finally {
    closeSync(fd);
  }
  return path;
}

async function uploadLink(liaison) {
  const sent = connector.requests.length;
  await post(bot.url, message(liaison, connector.serviceUrl, '上传链接'));
  const reply = await connector.waitFor(r => connector.requests.indexOf(r) >= sent && r.body.includes('/upload/'), 30000);
  return new RegExp(`${bot.url}/upload/[A-Za-z0-9_.~-]+`).exec(reply.body)[0];
}

try {
  bot = await startBot({ storage, week: weekFile, log, env: { Storage__ReserveBytes: String(reserveMb * 1024 * 1024) } });
  const link = await uploadLink(liaisons[0]);
  const files = tally(`photos through the upload page (${fileKb} KiB each) until the ${sizeMb} MiB disk reaches the ${reserveMb} MiB reserve`,
    await untilRefused(i => sendPhoto(link, i, 'diskfull-filling'), 400));
  const filler = fillDisk();
  const free = statfsSync(storage);
  console.log(JSON.stringify({ filledBytesFree: free.bavail * free.bsize }));
  const reports = tally('daily reports (≈26 KB each) with the disk filled to the last byte', await untilRefused(i => sendReport(i, 'FULL'), 400));

  // While full the bot keeps running: it still answers and reads.
  const health = await fetch(`${bot.url}/healthz`).then(r => r.status, () => 0);
  // liaisons[0] has talked before (asked for the upload link): a first turn would need to store its conversation.
  const read = await post(bot.url, execute(liaisons[0], connector.serviceUrl, 'form.open', { weekId, itemKey: 'report:2024-05-14' }));
  const aliveWhileFull = bot.alive() && health === 200 && read.status === 200 && read.body?.type === 'application/vnd.microsoft.card.adaptive';
  console.log(JSON.stringify({ aliveWhileFull, health, read: answerText(read).slice(0, 120) }));

  // Space freed under the running bot: the filler removed and the same tmpfs made larger.
  rmSync(filler);
  execFileSync('mount', ['-o', `remount,size=${sizeMb * 4}m`, storage]);
  const reportsAfter = [];
  for (let i = 0; i < 20; i++) reportsAfter.push(await sendReport(i, 'AFTER'));
  tally('daily reports after space was freed', reportsAfter);
  const filesAfter = [];
  for (let i = 0; i < 5; i++) filesAfter.push(await sendPhoto(link, 1000 + i, 'diskfull-after'));
  tally('photos after space was freed', filesAfter);
  await bot.stop();

  // What the folder holds, read with the bot's BotDatabase; then the bot once more on the same folder.
  const store = readStore(storage);
  const keys = new Set((store.submissions ?? []).map(s => s.key));
  const media = new Map((store.media ?? []).filter(m => m.state === 'Stored').map(m => [m.OriginalName, m]));
  for (const row of rows) {
    row.stored = row.attemptsList.filter(a => a.key ? keys.has(a.key) : media.get(a.name)?.sizeOnDisk === a.size).length;
    row.ackedNotStored = row.attemptsList.filter(a => a.acked && !(a.key ? keys.has(a.key) : media.get(a.name)?.sizeOnDisk === a.size)).length;
    // Every acknowledgement stored; every refusal clear; no bare 5xx; after freeing space, everything taken.
    if (row.ackedNotStored > 0 || row.serverErrors > 0 || row.other > 0) failed = true;
  }
  if (reportsAfter.some(a => !a.acked) || filesAfter.some(a => !a.acked)) failed = true;
  if (files.refusedClear === 0 || reports.refusedClear === 0 || !aliveWhileFull) failed = true;
  const again = await startBot({ storage, week: weekFile, log, env: { Storage__ReserveBytes: String(reserveMb * 1024 * 1024) } });
  const probe = await post(again.url, execute(liaisons[1], connector.serviceUrl, 'form.open', { weekId, itemKey: 'report:2024-05-14' }));
  const reopened = store.opened === true && probe.status === 200 && (store.inconsistentSlots ?? []).length === 0;
  await again.stop();
  if (!reopened) failed = true;

  const md = [
    '| what | attempts | acknowledged | stored | acknowledged but not stored | refused with the clear message | 5xx | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(r => `| ${r.phase} | ${r.attempts} | ${r.acknowledged} | ${r.stored} | **${r.ackedNotStored}** | ${r.refusedClear} | ${r.serverErrors} | ${r.other} |`),
  ].join('\n');
  const notes = `The bot kept running while the disk was full (health check and reads answered): ${aliveWhileFull ? 'yes' : 'NO'}. `
    + `Database opened after the run, by the bot and by the reader: ${reopened ? 'yes' : 'NO'}.`;
  const title = reserveMb > 0
    ? `**With the reserve** (\`Storage:ReserveBytes\` = ${reserveMb} MiB on a ${sizeMb} MiB disk): the bot refuses before the disk is full.`
    : `**Without a reserve** (\`Storage:ReserveBytes\` = 0 on a ${sizeMb} MiB disk): LiteDB and the file store meet the real "No space left on device".`;
  writeFileSync(join(out, `diskfull-reserve${reserveMb}.md`), `${title}\n\n${md}\n\n${notes}\n`);
  console.log(`\n${md}\n\n${notes}\n`);
} finally {
  if (bot?.alive()) await bot.kill();
  await connector.close();
  try { execFileSync('umount', [storage]); } catch { /* busy or already gone: the temp folder stays */ }
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
