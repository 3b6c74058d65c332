// The true edges of a production bot, faked: login.botframework.com (OpenID metadata + signing keys endorsed for
// msteams, served over https as the bot insists), Entra's token endpoint (the bot's outgoing token), and the Teams
// Bot Connector the bot replies to (plain http on loopback, which the bot allows only there).
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp } from 'node:http';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const b64url = data => Buffer.from(data).toString('base64url');
const listen = server => new Promise(ok => server.listen(0, '127.0.0.1', () => ok(server.address().port)));
const readBody = req => new Promise(ok => { const parts = []; req.on('data', c => parts.push(c)); req.on('end', () => ok(Buffer.concat(parts).toString('utf8'))); });
const json = (res, status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };

export const channelIssuer = 'https://api.botframework.com';

/** Bot Framework identity (metadata, JWKS) and Entra token endpoint on one https server. */
export async function startIdentity(tls) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'rehearsal-' + randomBytes(4).toString('hex');
  const tokenRequests = [];
  const issued = [];
  let base = '';
  const server = createHttps({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, async (req, res) => {
    const body = await readBody(req);
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, { issuer: channelIssuer, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      return json(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] }] });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (req.method === 'POST' && token) {
      const form = Object.fromEntries(new URLSearchParams(body));
      tokenRequests.push({ tenant: token[1], form });
      const accessToken = 'rehearsal-connector-token-' + randomBytes(8).toString('hex');
      issued.push(accessToken);
      return json(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken });
    }
    json(res, 404, { error: 'not_found' });
  });
  const port = await listen(server);
  base = `https://127.0.0.1:${port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    loginUrl: `${base}/{0}`,
    tokenRequests,
    issued,
    /** A channel token as Teams sends it: RS256, kid of an msteams-endorsed key, aud = app id, serviceurl claim. */
    channelToken(appId, serviceUrl) {
      const now = Math.floor(Date.now() / 1000);
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
      const payload = b64url(JSON.stringify({ iss: channelIssuer, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 }));
      return `${header}.${payload}.${b64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
    },
    close: () => new Promise(ok => server.close(ok)),
  };
}

/** The one member of a createConversation body for a 1:1 chat (no activity: a channel thread carries one), else null. */
function personalMember(body) {
  try {
    const b = JSON.parse(body);
    return !b.activity && b.members?.length === 1 ? b.members[0].id : null;
  } catch {
    return null;
  }
}

/**
 * The Teams Bot Connector: records every request; answers sends with an id and get-member with the roster entry.
 * `keepAliveMs`: how long an idle connection stays open. Node closes it after 5 s by default, so a client that reuses
 * it at that instant sees the connection end before any answer; Teams' front end keeps idle connections for minutes.
 */
export async function startConnector(members, { keepAliveMs = 5000 } = {}) {
  const requests = [];
  const waiters = [];
  const server = createHttp(async (req, res) => {
    const body = await readBody(req);
    const entry = { method: req.method, url: req.url, authorization: req.headers.authorization ?? null, body };
    requests.push(entry);
    for (const w of [...waiters]) if (w.match(entry)) { waiters.splice(waiters.indexOf(w), 1); w.ok(entry); }
    const member = /\/v3\/conversations\/[^/]+\/members\/([^/?]+)$/.exec(req.url);
    if (req.method === 'GET' && member) {
      const m = members[decodeURIComponent(member[1])];
      return m ? json(res, 200, m) : json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    // Opening a 1:1 chat answers the same conversation for the same member every time, as Teams does, so what an
    // instance sends there can be counted per person.
    const opened = req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url) ? personalMember(body) : null;
    if (opened) return json(res, 200, { id: `a:${opened}` });
    json(res, 200, { id: 'sent-' + randomBytes(4).toString('hex') });
  });
  server.keepAliveTimeout = keepAliveMs;
  const port = await listen(server);
  return {
    serviceUrl: `http://127.0.0.1:${port}/teams/`,
    requests,
    /** The first request (already received or still to come) that matches; rejects after `ms` without one. */
    waitFor(match, ms = 30000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((ok, fail) => {
        const w = { match, ok: e => { clearTimeout(timer); ok(e); } };
        const timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); fail(new Error('the connector received no matching request')); }, ms);
        waiters.push(w);
      });
    },
    close: () => new Promise(ok => server.close(ok)),
  };
}
