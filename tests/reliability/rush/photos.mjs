// The liaisons' photos and the "Teams download" server they are fetched from. Each department's photo has its own
// bytes and size (50–300 KB), generated from the department's number, so a run is repeatable and a mix-up between
// departments shows as a wrong SHA-256. The server is https (Teams' downloadUrl always is), with the run's test
// certificate, and counts how often each photo was fetched. It runs on its own thread (photo-worker.mjs), so serving
// 175 MB in a minute never delays the load generator's timers or its latency measurements.
import { createServer } from 'node:https';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const KB = 1024;
// A JPEG start (SOI + APP0 "JFIF"): the bot checks the first bytes against the extension, as it would a phone's photo.
const jfif = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

/** Photo number `n` (1-based): its bytes, name and SHA-256. */
export function makePhoto(n, name) {
  // xorshift32 seeded by n: cheap, deterministic, and different for every department.
  let x = (n * 2654435761) >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const size = 50 * KB + (next() % (250 * KB + 1));
  const bytes = Buffer.alloc(size);
  jfif.copy(bytes, 0);
  for (let i = jfif.length; i + 4 <= size - 2; i += 4) bytes.writeUInt32LE(next(), i);
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9; // EOI
  return { name, bytes, size, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Serves `photos` (a Map path → photo) over https on 127.0.0.1; `hits` counts the fetches per path. */
export function startPhotoServer(tls, photos) {
  const hits = new Map();
  const server = createServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, (req, res) => {
    const path = req.url.split('?')[0];
    const photo = photos.get(path);
    if (req.method !== 'GET' || !photo) { res.writeHead(404); res.end(); return; }
    hits.set(path, (hits.get(path) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': photo.size });
    res.end(photo.bytes);
  });
  return new Promise(ok => server.listen(0, '127.0.0.1', () => {
    const base = `https://127.0.0.1:${server.address().port}`;
    ok({ url: path => `${base}${path}`, hits, close: () => new Promise(done => server.close(done)) });
  }));
}

/**
 * Starts the photo server on a worker thread for `items` ([{ path, n, name }]); resolves to
 * { url(path), photos: Map path → { name, size, sha256 }, close() }.
 */
export function startPhotoWorker(tls, items) {
  const worker = new Worker(new URL('./photo-worker.mjs', import.meta.url), { workerData: { tls, items } });
  return new Promise((ok, fail) => {
    worker.once('error', fail);
    worker.once('message', ({ base, photos }) => ok({
      url: path => `${base}${path}`,
      photos: new Map(photos.map(p => [p.path, p])),
      close: () => worker.terminate(),
    }));
  });
}
