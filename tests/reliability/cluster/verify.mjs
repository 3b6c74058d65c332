// What the cluster run left behind, read with psql from the database (not through the bot), from the instances' logs and
// from the fake connector's record of every request. Fills `result` with the figures and `result.violations` with what broke.
import { readFileSync } from 'node:fs';

const weekId = '2024-wuxi';
const quote = text => `'${text.replaceAll("'", "''")}'`;

export function verify({ pg, connector, week, missing, acked, logs, slotKeys, result }) {
  const v = result.violations;
  submissions(pg, acked, missing, result, v);
  slots(pg, logs, slotKeys, result, v);
  reminders(pg, connector, week, missing, slotKeys[0], result, v);
  digest(pg, connector, result, v);
}

/** Every acknowledged card stored exactly once with its own data; no slot with two versions; nothing for a silent department. */
function submissions(pg, acked, missing, result, v) {
  const killed = result.killed?.onClock ?? '-infinity';
  const rows = pg.sql(`SELECT department_id, item_key, coalesce(idempotency_key, ''), substring(data::text from 'C[0-9]+ '), submitted_at < ${quote(killed)}
    FROM submissions WHERE week_id = ${quote(weekId)}`).map(([department, item, key, marker, before]) => ({ department, item, key, marker: marker?.trim(), beforeKill: before === 't' }));
  const perSlot = new Map();
  const byKey = new Map();
  for (const r of rows) {
    perSlot.set(`${r.department}|${r.item}`, (perSlot.get(`${r.department}|${r.item}`) ?? 0) + 1);
    byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  }
  let lost = 0;
  let mismatched = 0;
  for (const [key, { marker }] of acked) {
    const found = byKey.get(key) ?? [];
    if (found.length === 0) lost++;
    else if (found.some(r => r.marker !== marker)) mismatched++;
  }
  const duplicates = [...perSlot.values()].reduce((a, n) => a + n - 1, 0);
  const notAcknowledged = rows.filter(r => !acked.has(r.key)).length;
  const silent = rows.filter(r => missing.has(r.department)).length;
  // A card pressed again after an error: stored once either way — by the killed instance before it died (its answer lost),
  // or by the instance that took the second press.
  const retried = [...acked].filter(([, a]) => a.attempts > 1).map(([key]) => byKey.get(key)?.[0]).filter(Boolean);
  const retriedStoredBeforeKill = retried.filter(r => r.beforeKill).length;
  Object.assign(result, { stored: rows.length, lost, duplicates, notAcknowledged, retriedStoredBeforeKill });
  if (lost) v.push(`${lost} acknowledged submissions are not stored`);
  if (mismatched) v.push(`${mismatched} acknowledged submissions are stored with another card's data`);
  if (duplicates) v.push(`${duplicates} submissions stored twice (a department's day with more than one version)`);
  if (silent) v.push(`${silent} submissions stored for departments that never sent one`);
}

/** Each of the run's slots recorded as run, and across every instance's log (the restarted one too) run exactly once. */
function slots(pg, logs, slotKeys, result, v) {
  const recorded = new Map(pg.sql(`SELECT id, missed FROM schedule_slots WHERE id IN (${slotKeys.map(quote).join(', ')})`));
  const runs = new Map();
  const leaders = [];
  for (const { log } of logs) {
    const text = readFileSync(log, 'utf8');
    for (const m of text.matchAll(/Slot (\S+) (ran|was missed)/g)) runs.set(m[1], (runs.get(m[1]) ?? 0) + 1);
    for (const m of text.matchAll(/Instance (\S+) took over scheduling/g)) leaders.push(m[1]);
  }
  result.slotRuns = slotKeys.map(k => runs.get(k) ?? 0);
  result.leadersLogged = leaders;
  for (const k of slotKeys) {
    if (recorded.get(k) !== 'f') v.push(`slot ${k} is ${recorded.has(k) ? 'recorded as missed' : 'not recorded'}`);
    if ((runs.get(k) ?? 0) !== 1) v.push(`slot ${k} ran ${runs.get(k) ?? 0} times in the instances' logs`);
  }
  const twice = [...runs].filter(([, n]) => n > 1).map(([k]) => k);
  if (twice.length) v.push(`slots dealt with more than once: ${twice.join(', ')}`);
}

/** The liaisons of every silent department reminded once: one job each, sent, and one message each at the connector. */
function reminders(pg, connector, week, missing, slotKey, result, v) {
  const expected = new Map();
  for (const d of week.departments.filter(d => missing.has(d.id))) {
    for (const l of d.liaisons) expected.set(`remind|${slotKey}|${d.id}|${l.aadObjectId}`, l.aadObjectId);
  }
  const jobs = new Map(pg.sql(`SELECT id, state FROM outbox WHERE topic = 'reminder'`));
  const logged = Number(pg.sql(`SELECT count(*) FROM reminder_log WHERE slot_key = ${quote(slotKey)} AND skipped IS NULL`)[0][0]);
  const notQueued = [...expected.keys()].filter(id => !jobs.has(id));
  const unexpected = [...jobs.keys()].filter(id => !expected.has(id));
  const notSent = [...jobs].filter(([, state]) => state !== 'Sent');
  const perPerson = new Map();
  for (const { conversation, activity } of activities(connector)) {
    if (!activity.summary?.startsWith('请提交')) continue;
    perPerson.set(conversation, (perPerson.get(conversation) ?? 0) + 1);
  }
  const counts = [...expected.values()].map(aad => perPerson.get(`a:${aad}`) ?? 0);
  const strays = [...perPerson.keys()].filter(c => ![...expected.values()].some(aad => c === `a:${aad}`));
  Object.assign(result, {
    remindersExpected: expected.size, remindersQueued: jobs.size, remindersDelivered: counts.filter(n => n > 0).length,
    reminderDuplicates: counts.reduce((a, n) => a + Math.max(0, n - 1), 0), reminderLog: logged,
  });
  if (notQueued.length) v.push(`${notQueued.length} reminders never queued (e.g. ${notQueued[0]})`);
  if (unexpected.length) v.push(`${unexpected.length} reminder jobs for people who were not missing (e.g. ${unexpected[0]})`);
  if (notSent.length) v.push(`${notSent.length} reminder jobs not sent (e.g. ${notSent[0].join(': ')})`);
  if (logged !== expected.size) v.push(`the reminder log holds ${logged} sent entries for the slot, expected ${expected.size}`);
  if (result.remindersDelivered !== expected.size) v.push(`${expected.size - result.remindersDelivered} reminders never reached the connector`);
  if (result.reminderDuplicates) v.push(`${result.reminderDuplicates} reminders delivered twice`);
  if (strays.length) v.push(`reminders delivered to ${strays.length} conversations nobody should be reminded in`);
}

/** The digest: every part a job, sent, and each part posted to the channel exactly once. */
function digest(pg, connector, result, v) {
  const [[parts, sent]] = pg.sql(`SELECT count(*), count(*) FILTER (WHERE state = 'Sent') FROM outbox WHERE topic = 'digest'`);
  const posts = activities(connector).filter(a => /按时 \d+，迟交 \d+，未交 \d+/.test(a.activity.summary ?? '')).map(a => JSON.stringify(a.activity.attachments));
  Object.assign(result, { digestParts: Number(parts), digestPosts: posts.length });
  if (Number(parts) === 0) v.push('no digest was queued');
  if (Number(sent) !== Number(parts)) v.push(`${Number(parts) - Number(sent)} digest parts not sent`);
  if (posts.length !== Number(parts)) v.push(`the digest's ${parts} part(s) reached the channel ${posts.length} times`);
  if (new Set(posts).size !== posts.length) v.push('a digest part was posted twice');
}

/** Every message the bot sent, with its conversation: POST …/conversations/{id}/activities, or a new channel thread. */
function activities(connector) {
  const out = [];
  for (const e of connector.requests) {
    if (e.method !== 'POST') continue;
    const reply = /\/v3\/conversations\/([^/]+)\/activities/.exec(e.url);
    let body;
    try { body = JSON.parse(e.body); } catch { continue; }
    if (reply) out.push({ conversation: decodeURIComponent(reply[1]), activity: body });
    else if (/\/v3\/conversations\/?$/.test(e.url) && body.activity) out.push({ conversation: body.channelData?.channel?.id ?? '?', activity: body.activity });
  }
  return out;
}
