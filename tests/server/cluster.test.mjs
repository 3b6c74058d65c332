// Three instances behind nginx, one killed (issue 13), at CI size: the scenario of tests/reliability/cluster with
// CLUSTER_DEPARTMENTS (300) departments, the reminder slot 40 s after the start and the digest in the same minute, so it
// stays within about a minute and a half. The 2,000-department figure is `bash tests/reliability/cluster/run.sh`.
// Run: node --test tests/server/cluster.test.mjs  (needs nginx, openssl, PostgreSQL, the bot's Release build).
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCluster } from '../reliability/cluster/cluster.mjs';
import { artifacts } from './lib/stack.mjs';

let r;

describe('three instances on one PostgreSQL behind nginx, the scheduler\'s leader killed with SIGKILL half-way', { concurrency: false }, () => {
  before(async () => {
    r = await runCluster({
      departments: Number(process.env.CLUSTER_DEPARTMENTS ?? 300), reminderAfterS: 40, digestAfterMin: 0, logDir: join(artifacts, 'cluster'),
    });
    console.log(`# ${JSON.stringify(r)}`);
  }, { timeout: 240_000 });

  test('every department that reported got a receipt, and each receipt\'s card is stored exactly once', () => {
    assert.equal(r.acknowledged, r.submitters);
    assert.equal(r.stored, r.submitters);
    assert.equal(r.lost, 0);
    assert.equal(r.duplicates, 0);
  });

  test('the requests went through nginx to all three instances', () => {
    for (const [name, n] of Object.entries(r.spread)) assert.ok(n > 0, `instance ${name} answered no submission`);
  });

  test('another instance took the scheduler over from the killed leader, and the killed one came back under its name', () => {
    assert.ok(r.killed, 'an instance was killed');
    assert.notEqual(r.killed.takeover.by, r.killed.name);
    assert.ok(r.killed.takeover.ms !== null && r.killed.takeover.ms < 15_000, `takeover in ${r.killed.takeover.ms} ms`);
    assert.ok(r.leadersLogged.includes(r.killed.takeover.by), `"took over" logged by ${r.killed.takeover.by}: ${r.leadersLogged}`);
  });

  test('the reminder slot and the digest slot each ran once across the instances', () => {
    assert.deepEqual(r.slotRuns, [1, 1]);
  });

  test('every liaison of a department that never reported was reminded exactly once', () => {
    assert.ok(r.remindersExpected > 0);
    assert.equal(r.remindersDelivered, r.remindersExpected);
    assert.equal(r.reminderDuplicates, 0);
  });

  test('the digest reached the office channel once, every part of it', () => {
    assert.ok(r.digestParts > 0);
    assert.equal(r.digestPosts, r.digestParts);
  });

  test('nothing else broke (every check of the run)', () => {
    assert.deepEqual(r.violations, []);
  });
});
