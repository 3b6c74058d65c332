// THE 12:00 RUSH (issue 14): 1,000 departments hand in the daily report with a photo between 11:59:00 and 11:59:59
// on the rehearsal clock while the office asks "今天谁还没报送" every second; then the 12:05 digest. Once with the
// storage folder on tmpfs, once on disk. Table: artifacts/bench/rush.md. Exits non-zero when anything was lost,
// stored twice, answered with an error or a wrong receipt, a photo differs, or the digest is wrong.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { makeCertificates } from '../../server/lib/pki.mjs';
import { startIdentity } from '../../server/lib/fakes.mjs';
import { repo, writeWeek } from '../node/bot.mjs';
import { startPhotoWorker } from './photos.mjs';
import { runRow } from './row.mjs';
import { table, failures } from './table.mjs';

const departments = Number(process.env.RUSH_DEPARTMENTS ?? 1000);
const absent = Number(process.env.RUSH_ABSENT ?? 0);
const digestAt = process.env.RUSH_DIGEST_AT ?? '12:05';
const kinds = (process.env.RUSH_STORAGE ?? 'tmpfs,disk').split(',');
const roots = { tmpfs: process.env.RUSH_TMPFS_DIR ?? '/dev/shm', disk: process.env.RUSH_DISK_DIR ?? join(repo, 'artifacts/rush-work') };
const out = join(repo, 'artifacts/bench');
mkdirSync(join(out, 'logs'), { recursive: true });

const work = mkdtempSync(join(tmpdir(), 'vocedweek-rush-'));
const tls = makeCertificates(work);
const weekFile = join(work, 'week.json');
// The sample week has 5 departments; the rest are generated, every liaison with an Entra object id.
const roster = writeWeek(weekFile, departments - 5);
const names = new Map(JSON.parse(readFileSync(weekFile, 'utf8')).departments.map(d => [d.id, d.name]));
const firstLiaisons = [...new Map(roster.map(l => [l.department, l])).values()];
const photoServer = await startPhotoWorker(tls, firstLiaisons.map((l, i) => ({ path: `/photos/${l.department}.jpg`, n: i + 1, name: `现场照片-${l.department}.jpg` })));
const submitters = firstLiaisons.slice(0, departments - absent).map(l => ({
  liaison: l, departmentName: names.get(l.department), photo: photoServer.photos.get(`/photos/${l.department}.jpg`), photoUrl: photoServer.url(`/photos/${l.department}.jpg`),
}));
const missing = firstLiaisons.slice(departments - absent).map(l => names.get(l.department));

const identity = await startIdentity(tls);
// Authentication on, as in production: every activity carries a channel token the bot validates in full against
// the fake identity's metadata (trusted through SSL_CERT_FILE, like the photo server), and replies carry the bot's token.
const auth = {
  MicrosoftAppType: 'SingleTenant', MicrosoftAppId: randomUUID(), MicrosoftAppTenantId: randomUUID(),
  MicrosoftAppPassword: `rush-${randomBytes(12).toString('hex')}`,
  ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl, ToChannelFromBotLoginUrl: identity.loginUrl, SSL_CERT_FILE: tls.ca,
};

const rows = [];
for (const kind of kinds) {
  mkdirSync(roots[kind], { recursive: true });
  const storage = mkdtempSync(join(roots[kind], 'vocedweek-rush-'));
  const fs = execFileSync('df', ['--output=fstype', storage], { encoding: 'utf8' }).trim().split('\n').pop();
  const label = kind === 'tmpfs' ? `tmpfs (${roots.tmpfs})` : `disk (${fs})`;
  console.log(`==> ${label}: ${submitters.length} submissions with photos in the minute of 11:59, digest at ${digestAt}`);
  const log = join(out, 'logs', `rush-${kind}.log`);
  rmSync(log, { force: true });
  const row = await runRow({ label, storage, weekFile, log, auth, identity, submitters, missing, digestAt });
  rows.push(row);
  console.log(JSON.stringify({ ...row, problems: row.problems.slice(0, 10) }));
  rmSync(storage, { recursive: true, force: true });
}
await identity.close();
await photoServer.close();
rmSync(work, { recursive: true, force: true });

const md = table(rows, { when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', cores: cpus().length, departments });
writeFileSync(join(out, 'rush.md'), `# The 12:00 rush\n\n${md}`);
writeFileSync(join(out, 'rush.json'), JSON.stringify(rows, null, 2));
mkdirSync(join(repo, 'artifacts/reliability'), { recursive: true });
writeFileSync(join(repo, 'artifacts/reliability/rush.md'), `### The 12:00 rush\n\n${md}`);
console.log(`\n${md}`);
const failed = rows.flatMap(r => failures(r).map(f => `${r.label}: ${f}`));
if (failed.length) console.error(`FAILED: ${failed.join('; ')}`);
process.exit(failed.length ? 1 : 0);
