// The photo server's thread (see startPhotoWorker in photos.mjs): makes the photos, serves them, reports their
// names, sizes and SHA-256 — never the bytes — to the script.
import { parentPort, workerData } from 'node:worker_threads';
import { makePhoto, startPhotoServer } from './photos.mjs';

const photos = new Map(workerData.items.map(({ path, n, name }) => [path, makePhoto(n, name)]));
const server = await startPhotoServer(workerData.tls, photos);
parentPort.postMessage({
  base: server.url(''),
  photos: [...photos].map(([path, p]) => ({ path, name: p.name, size: p.size, sha256: p.sha256 })),
});
