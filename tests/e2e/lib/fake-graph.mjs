// A Microsoft Graph document library on 127.0.0.1 for the e2e suite (plain node http, with state): site and
// drive discovery, simple PUT (…/root:/{path}:/content, conflictBehavior fail|replace|rename), createUploadSession,
// chunk PUTs to the upload URL (Content-Range checked: contiguous, 320 KiB multiples but the last, < 60 MiB,
// no Authorization header), session status, driveItem JSON with webUrl and quickXorHash, item content and a
// thumbnail, and GET /_files listing what it holds by path. Faults: graph.down = true, graph.failNext(n, status, retryAfter).
// graph.answered(pred) awaits a request once it has been answered (tests wait for what the bot did, not for time).
import http from 'node:http';
import { randomUUID } from 'node:crypto';

export const SITE_ID = 'contoso.sharepoint.com,0b7e6c5a-1111-4a4a-9c9c-5d5d5d5d5d5d,7f0e2b3c-2222-4b4b-8d8d-6e6e6e6e6e6e';
export const DRIVE_ID = 'b!fakeDefaultDrive-Documents';
const UNIT = 320 * 1024;
const MAX_CHUNK = 60 * 1024 * 1024;

/** OneDrive's quickXorHash: byte k XOR-ed in at bit (11k mod 160), then the length into bytes 12..19; base64. */
export function quickXorHash(buffers) {
  const lanes = new Uint8Array(160);
  let length = 0;
  for (const b of buffers) for (let i = 0; i < b.length; i++, length++) lanes[length % 160] ^= b[i];
  const reg = new Uint8Array(20);
  for (let lane = 0; lane < 160; lane++) {
    const v = lanes[lane];
    if (!v) continue;
    const offset = (lane * 11) % 160;
    for (let bit = 0; bit < 8; bit++) if ((v >> bit) & 1) { const at = (offset + bit) % 160; reg[at >> 3] ^= 1 << (at & 7); }
  }
  let n = BigInt(length);
  for (let i = 0; i < 8; i++) { reg[12 + i] ^= Number(n & 0xffn); n >>= 8n; }
  return Buffer.from(reg).toString('base64');
}

const badName = s => !s || s.length > 255 || /["*:<>?\/\\|#%]/.test(s) || s !== s.trim() || s.endsWith('.') || /_vti_/i.test(s);

export async function startFakeGraph({ port = 0 } = {}) {
  const files = new Map(); // path → { id, path, name, size, quickXorHash, content: Buffer }
  const sessions = new Map();
  const requests = [];
  const failures = [];
  const listeners = new Set(); // run on each answered request (see graph.answered)
  let nextId = 0;
  let base = '';

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res, status, code, message, headers) => send(res, status, { error: { code, message } }, headers);
  const webUrl = path => `https://contoso.sharepoint.com/sites/Office/Shared%20Documents/${path.split('/').map(encodeURIComponent).join('/')}`;
  const item = f => ({
    id: f.id, name: f.name, size: f.size, webUrl: webUrl(f.path),
    file: { mimeType: 'application/octet-stream', hashes: { quickXorHash: f.quickXorHash } },
    parentReference: { driveId: DRIVE_ID, path: '/drive/root:/' + f.path.split('/').slice(0, -1).join('/') },
  });
  const find = path => [...files.keys()].find(k => k.toLowerCase() === path.toLowerCase());
  const resolve = (path, conflict) => {
    const existing = find(path);
    if (!existing) return path;
    if (conflict === 'replace') return existing;
    if (conflict === 'rename') {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      const name = path.slice(dir.length), dot = name.lastIndexOf('.');
      for (let n = 1; ; n++) { const c = dir + (dot > 0 ? `${name.slice(0, dot)} ${n}${name.slice(dot)}` : `${name} ${n}`); if (!find(c)) return c; }
    }
    return null;
  };
  const store = (path, chunks) => {
    const content = Buffer.concat(chunks);
    const old = files.get(find(path) ?? path);
    const f = { id: old?.id ?? `01FAKE${String(++nextId).padStart(6, '0')}`, path, name: path.split('/').pop(), size: content.length, quickXorHash: quickXorHash([content]), content };
    if (old && old.path !== path) files.delete(old.path);
    files.set(path, f);
    return f;
  };
  const body = req => new Promise((ok, fail) => { const parts = []; req.on('data', d => parts.push(d)); req.on('end', () => ok(Buffer.concat(parts))); req.on('error', fail); });

  const server = http.createServer(async (req, res) => {
    const [rawPath, query = ''] = req.url.split('?');
    const record = { method: req.method, path: decodeURIComponent(rawPath), rawPath, query: decodeURIComponent(query), authorization: req.headers.authorization ?? null, contentRange: req.headers['content-range'] ?? null, at: Date.now() };
    requests.push(record);
    res.on('finish', () => { record.status = res.statusCode; for (const l of listeners) l(); });
    try {
      if (rawPath === '/_files') return send(res, 200, [...files.values()].map(f => ({ path: f.path, name: f.name, size: f.size, id: f.id, quickXorHash: f.quickXorHash, webUrl: webUrl(f.path) })));
      if (rawPath.startsWith('/_download/')) {
        const f = [...files.values()].find(x => x.id === decodeURIComponent(rawPath.slice(11)));
        if (!f) { res.writeHead(404); return res.end(); }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.size });
        return res.end(f.content);
      }
      const fault = graph.down ? { status: 503, retryAfter: 1 } : failures.shift();
      record.refused = Boolean(fault);
      if (fault) return error(res, fault.status, fault.status === 429 ? 'activityLimitReached' : 'serviceNotAvailable', 'Injected fault.', fault.retryAfter != null ? { 'retry-after': String(fault.retryAfter) } : {});

      if (rawPath.startsWith('/upload/')) {
        record.kind = 'session';
        const s = sessions.get(rawPath.slice(8));
        if (req.headers.authorization) return error(res, 401, 'unauthenticated', 'Do not send an Authorization header to the upload URL.');
        if (!s) return error(res, 404, 'itemNotFound', 'The upload session was not found.');
        if (req.method === 'GET') { record.kind = 'status'; return send(res, 200, { expirationDateTime: s.expires, nextExpectedRanges: [`${s.next}-`] }); }
        if (req.method === 'DELETE') { sessions.delete(rawPath.slice(8)); res.writeHead(204); return res.end(); }
        record.kind = 'chunk';
        const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
        const data = await body(req);
        if (!m) return error(res, 400, 'invalidRange', 'Bad Content-Range.');
        const [start, end, total] = m.slice(1).map(Number);
        const len = end - start + 1;
        if (data.length !== len) return error(res, 400, 'invalidRange', 'Body length does not match Content-Range.');
        if (len >= MAX_CHUNK) return error(res, 413, 'requestTooLarge', 'Fragments must be under 60 MiB.');
        if (end + 1 !== total && len % UNIT !== 0) return error(res, 400, 'invalidRange', 'Fragments must be multiples of 320 KiB, except the last.');
        if (start !== s.next || (s.total !== undefined && s.total !== total)) return error(res, 416, 'invalidRange', 'Not the next expected range.');
        s.total = total; s.chunks.push(data); s.next = end + 1;
        if (s.next < total) return send(res, 202, { expirationDateTime: s.expires, nextExpectedRanges: [`${s.next}-`] });
        sessions.delete(rawPath.slice(8));
        const target = resolve(s.path, s.conflict);
        if (!target) return error(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
        return send(res, 201, item(store(target, s.chunks)));
      }

      const driveMatch = /^\/v1\.0\/drives\/([^/]+)(\/.*)$/.exec(rawPath);
      if (rawPath.startsWith('/v1.0/sites/')) {
        const rest = decodeURIComponent(rawPath.slice(12));
        if (rest === `${SITE_ID}/drive`) return send(res, 200, { id: DRIVE_ID, name: 'Documents', driveType: 'documentLibrary' });
        if (rest === `${SITE_ID}/drives`) return send(res, 200, { value: [{ id: DRIVE_ID, name: 'Documents', driveType: 'documentLibrary' }] });
        if (/^contoso\.sharepoint\.com(:\/sites\/Office:?)?$/i.test(rest)) return send(res, 200, { id: SITE_ID, name: 'Office' });
        return error(res, 404, 'itemNotFound', 'Requested site could not be found');
      }
      if (!driveMatch) return error(res, 404, 'notFound', 'Not a Graph URL.');
      if (decodeURIComponent(driveMatch[1]) !== DRIVE_ID) return error(res, 404, 'itemNotFound', 'No such drive.');
      const rest = driveMatch[2];
      if (rest.startsWith('/root:/')) {
        const tail = rest.slice(7), colon = tail.indexOf(':');
        const segments = (colon < 0 ? tail : tail.slice(0, colon)).split('/').map(decodeURIComponent);
        const action = colon < 0 ? '' : tail.slice(colon + 1);
        const path = segments.join('/');
        record.itemPath = path;
        if (segments.some(badName) || path.length > 400) return error(res, 400, 'invalidRequest', `SharePoint does not accept the name in '${path}'.`);
        if (req.method === 'GET' && action === '') { const f = files.get(find(path)); return f ? send(res, 200, item(f)) : error(res, 404, 'itemNotFound', 'The resource could not be found.'); }
        if (req.method === 'PUT' && action === '/content') {
          record.kind = 'put';
          const data = await body(req);
          const conflict = new URLSearchParams(query).get('@microsoft.graph.conflictBehavior') ?? 'replace';
          const target = resolve(path, conflict);
          if (!target) return error(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
          return send(res, 201, item(store(target, [data])));
        }
        if (req.method === 'POST' && action === '/createUploadSession') {
          record.kind = 'create';
          const raw = (await body(req)).toString('utf8');
          const conflict = (raw ? JSON.parse(raw) : {}).item?.['@microsoft.graph.conflictBehavior'] ?? 'fail';
          if (conflict === 'fail' && find(path)) return error(res, 409, 'nameAlreadyExists', 'The specified item name already exists.');
          const id = randomUUID();
          const expires = new Date(Date.now() + 86400000).toISOString();
          sessions.set(id, { path, conflict, next: 0, chunks: [], expires });
          return send(res, 200, { uploadUrl: `${base}/upload/${id}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] });
        }
        return error(res, 400, 'invalidRequest', 'Unsupported.');
      }
      const itemMatch = /^\/items\/([^/]+)(?:\/(.*))?$/.exec(rest);
      const f = itemMatch && [...files.values()].find(x => x.id === decodeURIComponent(itemMatch[1]));
      if (!f) return error(res, 404, 'itemNotFound', 'The resource could not be found.');
      if (!itemMatch[2]) return send(res, 200, item(f));
      if (itemMatch[2] === 'content') { res.writeHead(302, { location: `${base}/_download/${encodeURIComponent(f.id)}` }); return res.end(); }
      if (itemMatch[2] === 'thumbnails/0/medium/content') {
        if (!/\.(jpe?g|png|gif|heic|mp4|mov)$/i.test(f.name)) return error(res, 404, 'itemNotFound', 'No thumbnail.');
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        return res.end(`thumbnail of ${f.id}`);
      }
      return error(res, 400, 'invalidRequest', 'Unsupported.');
    } catch (e) {
      if (!res.headersSent) error(res, 500, 'generalException', String(e));
    }
  });
  await new Promise(r => server.listen(port, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;

  const graph = {
    url: base,
    baseUrl: `${base}/v1.0`,
    siteId: SITE_ID,
    driveId: DRIVE_ID,
    /** Path below the drive root → { id, path, name, size, quickXorHash, content }. */
    files,
    requests,
    /** true: every request gets 503 (Retry-After: 1) until set back to false. */
    down: false,
    failNext(count, status = 503, retryAfter) { for (let i = 0; i < count; i++) failures.push({ status, retryAfter }); },
    /**
     * Resolves with the answered requests matching pred (records carry refused: true when a fault answered them) once
     * there are `count` of them; rejects after `timeout` ms. The limit is generous: it only ends a run that would hang.
     */
    answered(pred, { count = 1, timeout = 60_000 } = {}) {
      return new Promise((ok, fail) => {
        const check = () => {
          const hits = requests.filter(r => r.status !== undefined && pred(r));
          if (hits.length < count) return;
          listeners.delete(check); clearTimeout(timer); ok(hits);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`${count} matching Graph request(s) not answered in ${timeout} ms; seen: ${JSON.stringify(requests.slice(-5))}`));
        }, timeout);
        listeners.add(check);
        check();
      });
    },
    /** Environment for startBot({ extraEnv }): points the bot's SharePoint store here (anonymous, loopback only). */
    env: { SharePoint__GraphBaseUrl: `${base}/v1.0`, SharePoint__SiteId: SITE_ID, SharePoint__DriveId: DRIVE_ID, SharePoint__RetryBaseDelay: '00:00:00.200' },
    close: () => new Promise(r => { server.closeAllConnections?.(); server.close(r); }),
  };
  return graph;
}
