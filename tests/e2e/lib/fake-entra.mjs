// One Entra tenant on 127.0.0.1 for the e2e suite (plain node http): its v2.0 OpenID metadata and key set, with RSA
// keys made at start, and a minter of the access tokens Teams hands a tab (authentication.getAuthToken): RS256, v2
// issuer of the tenant, scope access_as_user, oid and preferred_username. `entra.env(clientId)` points the bot at it.
//   const entra = await startFakeEntra({ tenantId });
//   entra.token({ aud: clientId, oid, preferred_username })              valid
//   entra.token({ ... }, { key: entra.otherKey() })                       signed by a key the tenant does not publish
//   entra.unsigned({ ... })                                               alg "none", empty signature
import http from 'node:http';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';

const b64 = v => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function newKey(kid) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', kty: 'RSA' } };
}

export async function startFakeEntra({ tenantId }) {
  const keys = [newKey('entra-e2e-1')];
  const requests = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const json = body => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (req.url === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      return json({ issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`, jwks_uri: `${base}/${tenantId}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) return json({ keys: keys.map(k => k.jwk) });
    res.writeHead(404); res.end();
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;

  const issuerV2 = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  /** The claims of a valid v2 tab token for `aud`, `extra` overriding any of them (null removes one). */
  function claims(extra) {
    const now = Math.floor(Date.now() / 1000);
    const c = { aud: undefined, iss: issuerV2, iat: now - 60, nbf: now - 60, exp: now + 3600, ver: '2.0', tid: tenantId, scp: 'access_as_user',
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', uti: randomUUID(), ...extra };
    for (const k of Object.keys(c)) if (c[k] === null || c[k] === undefined) delete c[k];
    return c;
  }
  return {
    tenantId, issuerV2, requests,
    metadataUrl: `${base}/${tenantId}/v2.0/.well-known/openid-configuration`,
    /** Configuration (ASP.NET env-var names) that points the bot's tab sign-in at this tenant. */
    env: clientId => ({ TabSso__ClientId: clientId, TabSso__TenantId: tenantId, TabSso__OpenIdMetadataUrl: `${base}/${tenantId}/v2.0/.well-known/openid-configuration` }),
    otherKey: () => newKey(keys[0].kid),
    token(extra, { key = keys[0] } = {}) {
      const head = b64({ alg: 'RS256', typ: 'JWT', kid: key.kid });
      const body = b64(claims(extra));
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey).toString('base64url');
      return `${head}.${body}.${signature}`;
    },
    unsigned(extra) { return `${b64({ alg: 'none', typ: 'JWT', kid: keys[0].kid })}.${b64(claims(extra))}.`; },
    close: () => new Promise(r => server.close(r)),
  };
}
