// After the bot has stopped: what its store holds (read with the bot's own BotDatabase by the store reader) against
// what was sent, and the digest as the connector received it.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const summaryCounts = /按时 (\d+)，迟交 (\d+)，未交 (\d+)/;
const sha256 = path => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * `sent`: [{ department, key, slot, photo, receipt }] for every department that submitted. Lost = acknowledged (a
 * receipt was shown) but not stored; unstored = sent and not stored, acknowledged or not; duplicated = a slot with more
 * than one version (each department submitted once). The receipt must say what the bot's own clock said when it stored
 * the submission: before 12:00 已提交, after it 迟交. A photo is right when exactly one record of it is stored and
 * its file's SHA-256 equals the bytes served.
 */
export function checkStore(store, storage, sent, deadline) {
  if (store.opened !== true) {
    return { opened: false, stored: 0, lost: 0, unstored: sent, storedUnacked: 0, duplicated: 0, photosOk: 0, receiptsOk: 0, times: [], problems: [`store did not open: ${store.error}`] };
  }
  const problems = [];
  const byKey = new Map(store.submissions.map(s => [s.key, s]));
  const versions = new Map();
  for (const s of store.submissions) versions.set(s.slot, (versions.get(s.slot) ?? 0) + 1);
  const unstored = sent.filter(s => !byKey.has(s.key));
  const lost = unstored.filter(s => s.receipt);
  for (const s of lost) problems.push(`LOST: ${s.department} was told ${s.receipt} but ${s.key} is not stored`);
  const duplicated = sent.filter(s => (versions.get(s.slot) ?? 0) > 1);
  for (const s of duplicated) problems.push(`${versions.get(s.slot)} versions of ${s.slot}`);
  const times = [];
  let receiptsOk = 0;
  for (const s of sent.filter(x => byKey.has(x.key))) {
    const at = Date.parse(byKey.get(s.key).at);
    times.push(at);
    const want = at < deadline ? '已提交' : '迟交';
    if (s.receipt === want) receiptsOk++;
    else if (s.receipt) problems.push(`WRONG RECEIPT: ${s.department} stored at ${new Date(at).toISOString()} was told ${s.receipt}, want ${want}`);
  }
  const media = new Map();
  for (const m of store.media) media.set(m.OriginalName, [...(media.get(m.OriginalName) ?? []), m]);
  let photosOk = 0;
  for (const s of sent) {
    const records = media.get(s.photo.name) ?? [];
    const file = records.length === 1 ? join(storage, 'files', records[0].Location) : null;
    if (records.length !== 1) problems.push(`${records.length} records of ${s.photo.name}`);
    else if (records[0].state !== 'Stored') problems.push(`${s.photo.name}: ${records[0].state}`);
    else if (!existsSync(file) || sha256(file) !== s.photo.sha256) problems.push(`${s.photo.name}: stored bytes differ (SHA-256)`);
    else if (!records[0].Location.includes(s.departmentName)) problems.push(`${s.photo.name} filed under ${records[0].Location}`);
    else photosOk++;
  }
  return {
    opened: true, stored: store.submissions.length, lost: lost.length, unstored, duplicated: duplicated.length,
    storedUnacked: sent.filter(s => byKey.has(s.key) && !s.receipt).length,
    photosOk, receiptsOk, times, inconsistent: store.inconsistentSlots.length, problems,
  };
}

/**
 * The digest parts posted to the office channel. Right = every part posted exactly once, the counts in its summary
 * ("…：按时 N，迟交 M，未交 K") equal to what was sent, the missing departments named, the photos counted.
 */
export function checkDigest(requests, channelId, expected) {
  // A digest part is the channel post whose summary (the notification's text) carries the counts.
  const parts = requests.filter(r => r.method === 'POST' && r.url.includes(encodeURIComponent(channelId)))
    .map(r => ({ body: r.body, activity: JSON.parse(r.body) }))
    .filter(p => summaryCounts.test(p.activity.summary ?? ''));
  const problems = [];
  if (parts.length === 0) return { ok: false, posts: 0, complete: false, problems: ['no digest reached the office channel'] };
  const labels = parts.map(p => /第 (\d+)\/(\d+) 部分/.exec(p.body)?.slice(1).join('/') ?? '1/1');
  const total = Number(labels[0].split('/')[1]);
  const want = Array.from({ length: total }, (_, i) => `${i + 1}/${total}`);
  if (JSON.stringify([...labels].sort()) !== JSON.stringify(want.sort())) problems.push(`parts posted: ${labels.join(', ')} (want each of ${total} once)`);
  const counts = summaryCounts.exec(parts[0].activity.summary);
  const got = counts ? { onTime: +counts[1], late: +counts[2], missing: +counts[3] } : null;
  if (!got || got.onTime !== expected.onTime || got.late !== expected.late || got.missing !== expected.missing.length) {
    problems.push(`counts ${JSON.stringify(got)}, want on time ${expected.onTime}, late ${expected.late}, missing ${expected.missing.length}`);
  }
  const all = parts.map(p => p.body).join('\n');
  for (const name of expected.missing) if (!all.includes(name)) problems.push(`missing department not named: ${name}`);
  const photos = /今日照片 (\d+) 张、视频 (\d+) 个（来自 (\d+) 个部门）/.exec(all);
  if (!photos || +photos[1] !== expected.photos || +photos[3] !== expected.photos) problems.push(`photo line: ${photos?.[0] ?? 'none'}, want ${expected.photos} photos from ${expected.photos} departments`);
  const complete = want.every(w => labels.includes(w));
  return { ok: problems.length === 0, posts: parts.length, parts: total, complete, counts: got, problems };
}
