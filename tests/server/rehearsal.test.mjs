// Production rehearsal: the bot as published for a college's own server (infra/server/publish.sh), started as
// vocedweek.service starts it (ASPNETCORE_ENVIRONMENT=Production, real authentication), behind the real nginx
// with the repository's site file and a certificate made for this run. Teams, its identity service and Entra are
// the only fakes (lib/fakes.mjs). Run: node --test tests/server/  (needs nginx, openssl, the .NET SDK).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, chmodSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { makeCertificates } from './lib/pki.mjs';
import { startIdentity, startConnector } from './lib/fakes.mjs';
import { fetchTls, waitUntilUp } from './lib/https.mjs';
import * as stack from './lib/stack.mjs';

const appId = randomUUID();
const tenantId = randomUUID();
const secret = 'rehearsal-secret-' + randomBytes(12).toString('hex');
const liaison = { id: '29:rehearsal-zhangwei', name: '张伟', aadObjectId: '11a150a0-0000-4000-8000-000000000001' };
const office = { id: '29:rehearsal-wusuling', name: '吴苏玲', aadObjectId: '0ff1ce00-0000-4000-8000-000000000001' };

let dir, tls, identity, connector, nginx, bot, base, httpBase, conf, uploadUrl;
const tokens = [];

describe('production rehearsal: published bot behind nginx', { concurrency: false }, () => {
  before(async () => {
    mkdirSync(stack.artifacts, { recursive: true });
    execFileSync('bash', [join(stack.serverDir, 'publish.sh'), stack.published], { stdio: ['ignore', 'inherit', 'inherit'] });
    dir = mkdtempSync(join(tmpdir(), 'vocedweek-rehearsal-'));
    // nginx's workers run as an unprivileged user when the test runs as root: they must reach the temp folders.
    chmodSync(dir, 0o755);
    tls = makeCertificates(dir);
    identity = await startIdentity(tls);
    connector = await startConnector({});
    const [httpsPort, httpPort, botPort] = [await stack.freePort(), await stack.freePort(), await stack.freePort()];
    base = `https://127.0.0.1:${httpsPort}`;
    httpBase = `http://127.0.0.1:${httpPort}`;
    conf = stack.writeNginxConfig(dir, { tls, httpsPort, httpPort, botPort });
    const state = join(dir, 'state');
    mkdirSync(state);
    const weekFile = join(dir, 'week.json');
    stack.writeWeekFile(weekFile);
    nginx = stack.startNginx(dir, conf);
    // What /etc/vocedweek/vocedweek.env holds on a server, plus the fakes' addresses and the test CA.
    bot = stack.startBot({
      ...stack.unitEnvironment(state, botPort),
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: appId,
      MicrosoftAppPassword: secret,
      MicrosoftAppTenantId: tenantId,
      ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
      ToChannelFromBotLoginUrl: identity.loginUrl,
      Links__PublicBaseUrl: base,
      Week__DefinitionFile: weekFile,
      Office__AnnounceStartup: 'false',
      SSL_CERT_FILE: tls.ca,
    });
    await waitUntilUp(`${base}/healthz`, tls.ca, bot);
  }, { timeout: 300_000 });

  after(async () => {
    // SIGINT as systemd stops the bot (KillSignal=SIGINT); nginx stops fast on it too. Killed if either hangs.
    for (const p of [bot, nginx]) {
      if (!p || p.exitCode !== null || p.signalCode !== null) continue;
      const exited = new Promise(ok => p.once('exit', ok));
      p.kill('SIGINT');
      const timer = setTimeout(() => p.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await identity?.close();
    await connector?.close();
    for (const f of ['access.log', 'error.log', 'main-error.log', 'vocedweek.conf']) {
      try { writeFileSync(join(stack.artifacts, `nginx-${f}`), readFileSync(join(dir, f))); } catch { /* not written */ }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('nginx -t accepts the site file with no warning', () => {
    const { code, output } = stack.nginxTest(dir, conf);
    assert.equal(code, 0, output);
    assert.match(output, /test is successful/);
    assert.doesNotMatch(output, /\[(warn|emerg|alert|crit)\]/, output);
  });

  test('systemd-analyze verify accepts vocedweek.service', t => {
    if (spawnSync('systemd-analyze', ['--version']).error) {
      console.log('# NOTE: systemd-analyze is not installed here: vocedweek.service was NOT verified (skipped, not passed).');
      t.skip('systemd-analyze missing');
      return;
    }
    // Verify checks that ExecStart exists: point it at the published folder, nothing else changed.
    const unit = stack.template(readFileSync(join(stack.serverDir, 'vocedweek.service'), 'utf8'),
      [['/opt/vocedweek', stack.published]], 'infra/server/vocedweek.service');
    const unitDir = join(dir, 'unit');
    mkdirSync(unitDir);
    writeFileSync(join(unitDir, 'vocedweek.service'), unit);
    const r = spawnSync('systemd-analyze', ['verify', join(unitDir, 'vocedweek.service')], { encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`.trim();
    assert.equal(r.status, 0, output);
    assert.equal(output, '', 'systemd-analyze should have nothing to say');
  });

  for (const version of ['1.2', '1.3']) {
    test(`/healthz through nginx over TLS ${version}, with HSTS`, async () => {
      const r = await fetchTls(`${base}/healthz`, { ca: tls.ca, tls: version });
      assert.equal(r.protocol, `TLSv${version}`);
      assert.equal(r.status, 200);
      assert.equal(r.text, 'ok');
      assert.match(r.headers['strict-transport-security'] ?? '', /max-age=\d{7,}/);
    });
  }

  test('plain http is redirected to https', async () => {
    const r = await fetchTls(`${httpBase}/healthz`);
    assert.equal(r.status, 301);
    assert.match(r.headers.location, /^https:\/\/[^/]+\/healthz$/);
  });

  test('an unsigned activity is refused: Production never runs anonymous', async () => {
    const r = await post(activity(liaison, 'hi'), null);
    assert.equal(r.status, 401);
    assert.equal(connector.requests.length, 0);
  });

  test('a signed Teams activity through nginx is answered, and the reply reaches the connector with the bot\'s token', async () => {
    const a = activity(liaison, '上传链接');
    const r = await post(a, identity.channelToken(appId, connector.serviceUrl));
    assert.equal(r.status, 200, r.text);
    const reply = await connector.waitFor(e => e.method === 'POST' && e.url.includes('/activities') && e.body.includes(a.id));
    assert.ok(identity.issued.length > 0, 'the bot asked the token endpoint');
    assert.equal(reply.authorization, `Bearer ${identity.issued.at(-1)}`);
    const asked = identity.tokenRequests.at(-1);
    assert.equal(asked.tenant, tenantId);
    assert.equal(asked.form.client_id, appId);
    assert.equal(asked.form.scope, 'https://api.botframework.com/.default');
    const link = new RegExp(`${escape(base)}/upload/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(reply.body);
    assert.ok(link, `an https upload link on ${base} in: ${reply.body.slice(0, 400)}`);
    tokens.push(link[1]);
    uploadUrl = link[0];
  });

  test('the upload link works through the proxy: the page, then a 5 MiB file', async () => {
    assert.ok(uploadUrl, 'no upload link from the previous step');
    const page = await fetchTls(uploadUrl, { ca: tls.ca });
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /text\/html/);
    assert.match(page.text, /<html/i);
    // 5 MiB: above the 4 MB nginx allows elsewhere, so the upload location's own limit (Files:MaxBytes) is what lets it in.
    const body = Buffer.alloc(5 * 1024 * 1024, '职教活动周 rehearsal file\n');
    const sent = await fetchTls(`${uploadUrl}/files`, {
      ca: tls.ca, method: 'POST', body,
      headers: { 'X-File-Name': encodeURIComponent('排练.txt'), 'X-Upload-Batch': 'rehearsal' + randomBytes(4).toString('hex'), 'Content-Length': body.length },
    });
    assert.equal(sent.status, 200, sent.text);
    assert.equal(JSON.parse(sent.text).size, body.length);
  });

  test('a body that large anywhere else is refused by nginx (413)', async () => {
    const r = await fetchTls(`${base}/api/messages`, { ca: tls.ca, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(5 * 1024 * 1024, ' ') });
    assert.equal(r.status, 413);
  });

  test('office staff get an https dashboard link that works through the proxy', async () => {
    const a = activity(office, '看板');
    const r = await post(a, identity.channelToken(appId, connector.serviceUrl));
    assert.equal(r.status, 200, r.text);
    const reply = await connector.waitFor(e => e.method === 'POST' && e.url.includes('/activities') && e.body.includes(a.id));
    const link = new RegExp(`${escape(base)}/dashboard\\?t=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(reply.body);
    assert.ok(link, `an https dashboard link on ${base} in: ${reply.body.slice(0, 400)}`);
    tokens.push(link[1]);
    const page = await fetchTls(link[0], { ca: tls.ca });
    assert.equal(page.status, 200);
    assert.match(page.text, /<html/i);
  });

  test('nginx\'s logs hold no link token, the bot\'s log no secret', async () => {
    assert.equal(tokens.length, 2, 'both links were seen');
    // nginx writes a request's log line when it ends; a request after the others flushes nothing but orders them.
    await fetchTls(`${base}/healthz`, { ca: tls.ca });
    const access = readFileSync(join(dir, 'access.log'), 'utf8');
    assert.match(access, /"GET \/upload\/\*" 200/);
    assert.match(access, /"POST \/upload\/\*" 200/);
    assert.match(access, /"GET \/dashboard" 200/);
    assert.match(access, /"POST \/api\/messages" 200/);
    const logs = { access, error: readFileSync(join(dir, 'error.log'), 'utf8'), main: readFileSync(join(dir, 'main-error.log'), 'utf8') };
    const botLog = readFileSync(join(stack.artifacts, 'bot.log'), 'utf8');
    for (const token of tokens) {
      for (const [name, text] of Object.entries({ ...logs, bot: botLog })) {
        assert.ok(!text.includes(token.split('.')[1]), `a link token is in the ${name} log`);
      }
    }
    assert.ok(!botLog.includes(secret), 'the app secret is in the bot log');
    assert.match(botLog, /Hosting environment: Production/);
  });
});

function activity(from, text) {
  const id = 'rehearsal-' + randomBytes(6).toString('hex');
  return {
    type: 'message', id, timestamp: new Date().toISOString(), serviceUrl: connector.serviceUrl, channelId: 'msteams',
    from, recipient: { id: `28:${appId}`, name: '职教活动周助手' },
    conversation: { conversationType: 'personal', tenantId, id: `a:rehearsal-${from.aadObjectId}` },
    channelData: { tenant: { id: tenantId } }, locale: 'zh-CN', textFormat: 'plain', text,
  };
}

function post(body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetchTls(`${base}/api/messages`, { ca: tls.ca, method: 'POST', headers, body: JSON.stringify(body) });
}

function escape(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
