// The crash harness: the real server binary, 64 uploads at once, SIGKILL at random moments
// (a fixed seed), restart, retry what was not acknowledged. At the end every acknowledged
// artefact must be there byte for byte, every planned one exactly once, and the blob folder
// must hold exactly the referenced files, each complete.
//
//   node tests/crash/crash.mjs --server target/release/speelruimte-server [--kills 24] [--seed 2026]
//
// `cargo xtask crash` runs the full form (24 kills); `cargo xtask test` a short one (4 kills).
// No dependencies: Node's fetch, crypto and child_process.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const SERVER = args.server ?? process.env.SPEELRUIMTE_SERVER;
const KILLS = Number(args.kills ?? 24);
const SEED = Number(args.seed ?? 2026);
const CONCURRENCY = 64;
if (!SERVER) {
  console.error('crash: give --server PATH (or SPEELRUIMTE_SERVER)');
  process.exit(2);
}

// mulberry32: a small PRNG, so a seed gives the same run of sizes, contents and kill moments.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function uuid() {
  const b = Array.from({ length: 16 }, () => between(0, 255));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/// A valid mono 16-bit WAV of `frames` samples of noise from the seeded generator.
function wav(frames) {
  const out = Buffer.alloc(44 + frames * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + frames * 2, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(48000, 24);
  out.writeUInt32LE(96000, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36);
  out.writeUInt32LE(frames * 2, 40);
  let x = between(0, 2 ** 31);
  for (let i = 0; i < frames; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.writeInt16LE(((x >>> 16) & 0xffff) - 32768 >> 2, 44 + i * 2);
  }
  return out;
}

/// One planned artefact: a music take with its mix and its events, as the binary envelope.
function plan(clientId) {
  const id = uuid();
  const files = [
    { name: 'mix.wav', media_type: 'audio/wav', bytes: wav(between(2_000, 150_000)) },
    {
      name: 'events.json',
      media_type: 'application/json',
      bytes: Buffer.from(JSON.stringify({ id, hits: Array.from({ length: between(1, 200) }, () => between(0, 9999)) })),
    },
  ];
  const head = Buffer.from(
    JSON.stringify({
      artefact: { kind: 'music', client_id: clientId, created_at: new Date(Date.UTC(2026, 10, 25, 10, 0, between(0, 59))).toISOString(), metadata: { crash: id } },
      files: files.map((f) => ({ name: f.name, media_type: f.media_type, size: f.bytes.length })),
    }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const body = Buffer.concat([Buffer.from('SPR\x01', 'latin1'), len, head, ...files.map((f) => f.bytes)]);
  return { id, files, body };
}

const data = mkdtempSync(join(tmpdir(), 'speelruimte-crash-'));
const web = join(data, 'web');
mkdirSync(web);
writeFileSync(join(web, 'index.html'), '<!doctype html><title>Speelruimte</title>');
const sweeps = [];
let starts = 0;

/// Starts the server on a free port; resolves with its base URL and, on a fresh folder
/// (`fresh`), the setup token, once it listens.
function start(fresh = false) {
  return new Promise((resolve, reject) => {
    const child = spawn(SERVER, ['--port', '0', '--data-dir', join(data, 'data'), '--web-dir', web], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const url = /Listening on (http:\/\/\S+)\n/.exec(out)?.[1];
      const token = /Setup link \(one use\): \S+token=(\S+)\n/.exec(out)?.[1];
      if (url && (token || !fresh)) resolve({ child, url, token });
    });
    starts++;
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d).replace(/\x1b\[[0-9;]*m/g, '');
      for (const m of err.matchAll(/blob folder checked.*?temp_removed=(\d+) orphans_removed=(\d+)/g)) {
        sweeps.push({ temp: Number(m[1]), orphans: Number(m[2]) });
      }
      err = err.slice(err.lastIndexOf('\n') + 1);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the server stopped (${code ?? signal}): ${out}${err}`));
    });
  });
}

const session = {};
async function api(url, method, path, body, type = 'application/json') {
  const headers = { accept: 'application/json' };
  if (session.cookie) headers.cookie = session.cookie;
  if (session.csrf) headers['x-csrf-token'] = session.csrf;
  if (body !== undefined) headers['content-type'] = type;
  const res = await fetch(url + path, { method, headers, body: type === 'application/json' && body !== undefined ? JSON.stringify(body) : body });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, res };
}

let server = await start(true);
{
  const res = await api(server.url, 'POST', '/api/setup', { token: server.token, username: 'crash.test', display_name: 'Crash', password: 'een lange zin als wachtwoord' });
  if (res.status !== 201) throw new Error(`setup: ${res.status} ${res.bytes}`);
  session.cookie = res.res.headers.getSetCookie()[0].split(';')[0];
  session.csrf = JSON.parse(res.bytes).csrf_token;
}
const client = JSON.parse((await api(server.url, 'POST', '/api/clients', { label: 'Crash-1', birth_year: 2016, discipline: 'muziek' })).bytes);
if (!client.id) throw new Error(`no client: ${JSON.stringify(client)}`);

const planned = new Map(); // id -> plan
const acked = new Map(); // id -> the answer's blobs
const pending = []; // planned, not acknowledged
const counts = { kills: 0, puts: 0, created: 0, unchanged: 0, cut: 0, retried: 0, retryFoundStored: 0, refusals: 0 };
const retrying = new Set();

/// One round: 64 workers upload until the server is killed (or, in the last round, until all is acknowledged).
async function round(killAfterMs) {
  let alive = true;
  const killed = new Promise((resolve) => {
    if (killAfterMs === null) return;
    setTimeout(() => {
      alive = false;
      server.child.kill('SIGKILL');
      server.child.once('exit', resolve);
    }, killAfterMs);
  });
  async function worker() {
    while (alive) {
      let p = pending.shift();
      if (!p) {
        if (killAfterMs === null) return;
        p = plan(client.id);
        planned.set(p.id, p);
      }
      counts.puts++;
      try {
        const res = await api(server.url, 'PUT', `/api/artefacts/${p.id}`, p.body, 'application/vnd.speelruimte.artefact');
        if (res.status === 201 || res.status === 200) {
          if (res.status === 201) counts.created++;
          else counts.unchanged++;
          if (res.status === 200 && retrying.has(p.id)) counts.retryFoundStored++;
          acked.set(p.id, JSON.parse(res.bytes).blobs);
        } else {
          counts.refusals++;
          throw new Error(`PUT ${p.id}: ${res.status} ${res.bytes}`);
        }
      } catch (e) {
        if (String(e.message).startsWith('PUT ')) throw e;
        // Not acknowledged (the server died under it): retried after the restart.
        counts.cut++;
        if (!retrying.has(p.id)) counts.retried++;
        retrying.add(p.id);
        pending.push(p);
        if (!alive) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }
  const workers = Array.from({ length: CONCURRENCY }, worker);
  if (killAfterMs === null) {
    await Promise.all(workers);
  } else {
    await killed;
    await Promise.allSettled(workers);
    counts.kills++;
  }
}

for (let k = 0; k < KILLS; k++) {
  await round(between(30, 700));
  server = await start();
}
await round(null);

// Every acknowledged (now: every planned) artefact once, byte for byte; then a restart, and
// the blob folder holds exactly the referenced files, each complete.
const failures = [];
// A repeat of acknowledged uploads stores nothing new.
for (const p of [...planned.values()].slice(0, 16)) {
  const res = await api(server.url, 'PUT', `/api/artefacts/${p.id}`, p.body, 'application/vnd.speelruimte.artefact');
  if (res.status !== 200) failures.push(`repeat of ${p.id} answered ${res.status}`);
}
server.child.kill('SIGKILL');
await new Promise((r) => server.child.once('exit', r));
server = await start();
const list = JSON.parse((await api(server.url, 'GET', `/api/clients/${client.id}/artefacts`)).bytes);
const ids = list.map((a) => a.id);
if (new Set(ids).size !== ids.length) failures.push('an artefact is listed twice');
if (ids.length !== planned.size) failures.push(`${ids.length} artefacts stored, ${planned.size} planned`);
for (const id of acked.keys()) if (!ids.includes(id)) failures.push(`acknowledged ${id} is missing`);
const referenced = new Set();
for (const p of planned.values()) {
  for (const f of p.files) {
    const res = await api(server.url, 'GET', `/api/artefacts/${p.id}/blobs/${f.name}`);
    if (res.status !== 200 || !res.bytes.equals(f.bytes)) failures.push(`${p.id}/${f.name} differs (${res.status})`);
    referenced.add(sha256(f.bytes));
  }
}
const onDisk = [];
const blobs = join(data, 'data', 'blobs');
for (const shard of readdirSync(blobs)) {
  for (const name of readdirSync(join(blobs, shard))) {
    onDisk.push(name);
    if (name.startsWith('.tmp-')) failures.push(`a temporary file is left: ${shard}/${name}`);
    else if (sha256(readFileSync(join(blobs, shard, name))) !== name) failures.push(`blob ${name} is not complete`);
    else if (!referenced.has(name)) failures.push(`blob ${name} is not referenced`);
  }
}
if (sweeps.length !== starts) failures.push(`${starts} starts, but ${sweeps.length} said what they tidied`);
if (onDisk.length !== referenced.size) failures.push(`${onDisk.length} blob files for ${referenced.size} referenced`);
server.child.kill('SIGKILL');

const cleaned = sweeps.reduce((s, x) => ({ temp: s.temp + x.temp, orphans: s.orphans + x.orphans }), { temp: 0, orphans: 0 });
console.log(
  `crash: seed ${SEED}, ${counts.kills} kills, ${planned.size} artefacts (${acked.size} acknowledged), ${counts.puts} PUTs: ` +
    `${counts.created} stored, ${counts.unchanged} already stored, ${counts.cut} cut off by a kill; ` +
    `${counts.retried} artefacts retried, ${counts.retryFoundStored} of them found stored (acknowledgement lost); ` +
    `starts removed ${cleaned.temp} temporary and ${cleaned.orphans} unreferenced files; ` +
    `${referenced.size} blob files checked byte for byte`,
);
if (failures.length) {
  console.error(`crash: FAILED\n  ${failures.slice(0, 20).join('\n  ')}`);
  console.error(`data left in ${data}`);
  process.exit(1);
}
if (counts.kills < KILLS) {
  console.error(`crash: only ${counts.kills} of ${KILLS} kills happened`);
  process.exit(1);
}
rmSync(data, { recursive: true, force: true });
console.log('crash: ok');
