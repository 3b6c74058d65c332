// The production stack on loopback: the repository's nginx site (only host name, ports and paths replaced) in front
// of the published bot, started the way vocedweek.service starts it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, openSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const serverDir = join(repoRoot, 'infra', 'server');
export const artifacts = join(repoRoot, 'artifacts', 'server');
export const published = join(artifacts, 'vocedweek');

const children = new Set();
process.on('exit', () => { for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } } });
function track(child) { children.add(child); child.once('exit', () => children.delete(child)); return child; }

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
    srv.on('error', fail);
  });
}

/** Replaces each [from, to]; a `from` the file no longer contains fails loudly (the rehearsal must follow the file). */
export function template(text, replacements, fileName) {
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${fileName} no longer contains '${from}': update tests/server/lib/stack.mjs`);
    text = text.split(from).join(to);
  }
  return text;
}

export const nginxBinary = () => ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ?? 'nginx';

/**
 * The site file for this run, inside a minimal nginx.conf of the test's own (the server's main nginx.conf stays Debian's).
 * `botPorts` (several instances) turns the upstream's one server line into one line per instance.
 */
export function writeNginxConfig(dir, { tls, httpsPort, httpPort, botPort, botPorts = [botPort], workerConnections = 64 }) {
  const site = template(readFileSync(join(serverDir, 'vocedweek.conf'), 'utf8'), [
    ['listen [::]:443 ssl;', ''],
    ['listen [::]:80;', ''],
    ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['server 127.0.0.1:5000;', botPorts.map(p => `server 127.0.0.1:${p};`).join('\n    ')],
    ['/etc/letsencrypt/live/bot.college.example.edu.cn/fullchain.pem', tls.cert],
    ['/etc/letsencrypt/live/bot.college.example.edu.cn/privkey.pem', tls.key],
    ['/var/log/nginx/vocedweek.access.log', join(dir, 'access.log')],
    ['/var/log/nginx/vocedweek.error.log', join(dir, 'error.log')],
    ['/var/www/html', join(dir, 'www')],
    ['bot.college.example.edu.cn', 'localhost'],
  ], 'infra/server/vocedweek.conf');
  writeFileSync(join(dir, 'vocedweek.conf'), site);
  mkdirSync(join(dir, 'www'), { recursive: true });
  const main = `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'main-error.log')} warn;
events { worker_connections ${workerConnections}; }
http {
    client_body_temp_path ${join(dir, 'client_body')};
    proxy_temp_path ${join(dir, 'proxy')};
    fastcgi_temp_path ${join(dir, 'fastcgi')};
    uwsgi_temp_path ${join(dir, 'uwsgi')};
    scgi_temp_path ${join(dir, 'scgi')};
    include ${join(dir, 'vocedweek.conf')};
}
`;
  writeFileSync(join(dir, 'nginx.conf'), main);
  return join(dir, 'nginx.conf');
}

/** `nginx -t`: its whole output and exit code. */
export function nginxTest(dir, conf) {
  // -e stderr: nginx -t says what it found in its error log.
  const r = spawnSync(nginxBinary(), ['-t', '-p', dir, '-e', 'stderr', '-c', conf], { encoding: 'utf8' });
  return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}${r.error ?? ''}` };
}

export function startNginx(dir, conf, out = join(artifacts, 'nginx.out.log')) {
  const log = openSync(out, 'w');
  return track(spawn(nginxBinary(), ['-p', dir, '-e', join(dir, 'main-error.log'), '-c', conf], { stdio: ['ignore', log, log] }));
}

/** Environment= lines of vocedweek.service, with the state directory and port moved for this run. */
export function unitEnvironment(stateDir, botPort) {
  const unit = readFileSync(join(serverDir, 'vocedweek.service'), 'utf8');
  const env = {};
  for (const line of unit.split('\n')) {
    const m = /^Environment=([^=]+)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  for (const [k, v] of Object.entries(env)) {
    env[k] = v.replaceAll('/var/lib/vocedweek', stateDir).replace('127.0.0.1:5000', `127.0.0.1:${botPort}`);
  }
  return env;
}

/** The published bot (artifacts/server/vocedweek/VocEdWeek.Bot), its output kept in artifacts/server/bot.log. */
export function startBot(env) {
  const log = openSync(join(artifacts, 'bot.log'), 'w');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ASPNETCORE_|DOTNET_|Microsoft|Links__|Week__|Storage__)/.test(k)));
  return track(spawn(join(published, 'VocEdWeek.Bot'), [], { cwd: published, env: { ...clean, ...env }, stdio: ['ignore', log, log] }));
}

/** The sample week moved so that today (Beijing time) is its third day: the roster of bot/Weeks/Samples/2024-wuxi.json. */
export function writeWeekFile(path) {
  const week = JSON.parse(readFileSync(join(repoRoot, 'bot', 'Weeks', 'Samples', '2024-wuxi.json'), 'utf8'));
  // China keeps UTC+8 all year: today's date there without a time-zone library.
  const day = offset => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
  week.id = 'rehearsal-week';
  week.start = day(-2);
  week.end = day(4);
  week.deadlines = { plan: `${day(-2)}T12:00`, dailyReport: '12:00', statistics: `${day(5)}T17:30`, summary: `${day(5)}T17:30` };
  writeFileSync(path, JSON.stringify(week, null, 2));
  return week;
}
