// Requests as a browser or Teams would make them: over TLS to nginx, trusting only the rehearsal CA, with the TLS
// version pinned when asked, and the negotiated protocol reported.
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';

export function fetchTls(url, { ca, tls, method = 'GET', headers = {}, body } = {}) {
  const versions = tls ? { minVersion: `TLSv${tls}`, maxVersion: `TLSv${tls}` } : {};
  const send = url.startsWith('https:') ? request : httpRequest;
  return new Promise((ok, fail) => {
    const req = send(url, { method, headers, ca: ca ? readFileSync(ca) : undefined, agent: false, ...versions }, res => {
      const parts = [];
      res.on('data', c => parts.push(c));
      res.on('end', () => ok({
        status: res.statusCode,
        headers: res.headers,
        text: Buffer.concat(parts).toString('utf8'),
        protocol: res.socket.getProtocol?.() ?? null,
      }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Polls until the URL answers 200 (the bot starting behind nginx answers 502 until then). */
export async function waitUntilUp(url, ca, process, ms = 90000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (process.exitCode !== null) throw new Error(`the bot exited with code ${process.exitCode}: see artifacts/server/bot.log`);
    try { if ((await fetchTls(url, { ca })).status === 200) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`not up after ${ms} ms: ${url}`);
}
