// SharePoint wiring of the real bot process: it starts against the e2e fake Graph, and refuses to start with a
// bad SharePoint setting, naming the key. (The upload flow itself is covered by the upload worker's spec.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, startFakeGraph, botDll } from '../lib/harness.mjs';
import { quickXorHash } from '../lib/fake-graph.mjs';

const cleanup = [];
after(async () => { for (const c of cleanup.reverse()) await c(); });

test('the bot starts with SharePoint pointed at the fake Graph', async () => {
  const graph = await startFakeGraph();
  cleanup.push(graph.close);
  const bot = await startBot({ extraEnv: graph.env });
  cleanup.push(bot.stop);
  const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
  assert.equal(health.status, 200);
  assert.doesNotMatch(bot.log.join(''), /cannot start/);
});

test('the fake Graph takes a session upload in 320 KiB ranges and lists it by path', async () => {
  const graph = await startFakeGraph();
  cleanup.push(graph.close);
  const path = ['职业教育活动周', '周', 'a b.mp4'].map(encodeURIComponent).join('/');
  const create = await fetch(`${graph.baseUrl}/drives/${encodeURIComponent(graph.driveId)}/root:/${path}:/createUploadSession`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"item":{"@microsoft.graph.conflictBehavior":"fail"}}' });
  const { uploadUrl } = await create.json();
  const data = Buffer.alloc(320 * 1024 + 10, 7);
  const first = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-range': `bytes 0-${320 * 1024 - 1}/${data.length}` }, body: data.subarray(0, 320 * 1024) });
  assert.equal(first.status, 202);
  const last = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-range': `bytes ${320 * 1024}-${data.length - 1}/${data.length}` }, body: data.subarray(320 * 1024) });
  assert.equal(last.status, 201);
  const listed = await (await fetch(`${graph.url}/_files`)).json();
  assert.deepEqual(listed.map(f => [f.path, f.size]), [['职业教育活动周/周/a b.mp4', data.length]]);
  assert.equal(listed[0].quickXorHash, quickXorHash([data]));
});

test('a bad SharePoint setting stops start-up with one line naming the key', async () => {
  const child = spawn('dotnet', [botDll, '--urls', 'http://127.0.0.1:0'], {
    env: {
      ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', MicrosoftAppId: '',
      Storage__Directory: mkdtempSync(join(tmpdir(), 'vocedweek-e2e-')),
      SharePoint__SiteId: 'contoso.sharepoint.com,a,b', SharePoint__GraphBaseUrl: 'http://127.0.0.1:9/v1.0', SharePoint__ChunkBytes: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', d => { err += d; });
  const code = await new Promise(r => child.once('exit', r));
  assert.equal(code, 2);
  assert.match(err, /SharePoint:ChunkBytes/);
});
