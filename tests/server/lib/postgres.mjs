// A private PostgreSQL cluster for one script run, as the .NET tests make theirs (Fakes/PostgresCluster.cs): initdb into a
// fresh temporary folder, listening on 127.0.0.1 on a free port (its socket in that folder), trust for local connections
// only, fsync off. PostgreSQL refuses to run as root: then the folder and the cluster belong to the postgres user.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './stack.mjs';

const asRoot = process.getuid?.() === 0;

/** initdb's folder: `pg_config --bindir`, else the newest /usr/lib/postgresql/N/bin. */
function binDirectory() {
  const candidates = [];
  try { candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()); } catch { /* not installed */ }
  if (existsSync('/usr/lib/postgresql')) {
    candidates.push(...readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map(v => `/usr/lib/postgresql/${v}/bin`));
  }
  const bin = candidates.find(d => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb from `pg_config --bindir` or in /usr/lib/postgresql/*/bin): install the Debian package postgresql (test.sh does).');
  return bin;
}

const run = (file, args, opts = {}) => execFileSync(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args,
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

/**
 * Starts the cluster; returns its connection string (Npgsql's form, for the bot), `sql(text)` that runs a query with psql
 * and gives its rows as arrays of strings, and `stop()` that stops it and removes the folder (also done if the script ends).
 */
export async function startPostgres({ maxConnections = 300 } = {}) {
  const bin = binDirectory();
  const root = mkdtempSync(join(tmpdir(), 'vocedweek-pg-'));
  if (asRoot) { chmodSync(root, 0o755); execFileSync('chown', ['-R', 'postgres:', root]); }
  const data = join(root, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  run('sh', ['-c', `printf 'local all all trust\\nhost all all 127.0.0.1/32 trust\\n' > '${join(data, 'pg_hba.conf')}'`]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${maxConnections}`;
  run(join(bin, 'pg_ctl'), ['start', '-D', data, '-w', '-t', '60', '-l', join(root, 'postgres.log'), '-o', options]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']); } catch { /* already down */ }
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', stop);
  const psql = join(bin, 'psql');
  const args = (text, database) => ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-X', '-q', '-A', '-t', '-F', '\x1f', '-v', 'ON_ERROR_STOP=1', '-c', text];
  const rows = out => out.split('\n').filter(line => line.length > 0).map(line => line.split('\x1f'));
  return {
    port,
    connectionString: `Host=127.0.0.1;Port=${port};Username=postgres;Database=postgres`,
    /** Rows of one query, each an array of column texts (psql -At, unit separator between columns; no newlines in values). */
    sql: (text, database = 'postgres') => rows(execFileSync(psql, args(text, database), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })),
    /** The same without blocking the script's event loop (for polling while requests are in flight). */
    sqlAsync: (text, database = 'postgres') => new Promise((ok, fail) =>
      execFile(psql, args(text, database), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (e, out) => e ? fail(e) : ok(rows(out)))),
    stop,
  };
}
