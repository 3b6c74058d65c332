// Who leads the scheduler, read from PostgreSQL itself: the session holding the advisory lock PgSchedulerLeadership takes
// (key 0x566F634564536368; pg_locks shows a bigint key as its high half in classid, low half in objid, objsubid 1),
// named by its connection's application_name "VocEdWeek scheduler <instance>".
import { sleep } from '../node/bot.mjs';

const key = 0x566F634564536368n;
export const leaderQuery = `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
  WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${key >> 32n} AND l.objid = ${key & 0xFFFFFFFFn} AND l.objsubid = 1`;

/** The instance holding the lock now, or null. */
export async function currentLeader(pg) {
  const rows = await pg.sqlAsync(leaderQuery);
  return rows[0]?.[0]?.replace('VocEdWeek scheduler ', '') ?? null;
}

/**
 * From `killedAt` (performance.now() at the kill) until another instance holds the lock: { ms, by }, polled every 50 ms
 * (so the figure is at most that much late), or { ms: null } after `limitMs`.
 */
export async function watchTakeover(pg, killed, killedAt, limitMs = 60_000) {
  while (performance.now() - killedAt < limitMs) {
    const by = await currentLeader(pg);
    if (by && by !== killed) return { ms: Math.round(performance.now() - killedAt), by };
    await sleep(50);
  }
  return { ms: null, by: null };
}
