// The crash harness: the real server binary, 64 uploads at once, SIGKILL at random moments
// (a fixed seed), restart, retry what was not acknowledged. At the end every acknowledged
// artefact must be there byte for byte, every planned one exactly once, and the blob folder
// must hold exactly the referenced files, each complete.
//
//   node tests/crash/crash.mjs --server target/release/speelruimte-server [--kills 24] [--seed 2026]
//
// `cargo xtask crash` runs the full form (24 kills); `cargo xtask test` a short one (4 kills).
// No dependencies: Node's fetch, crypto and child_process.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { client as apiClient, envelope, rng, serverFolder, start as startServer, uuid as makeUuid, wav } from '../lib/server.mjs';

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

const random = rng(SEED);
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

const uuid = () => makeUuid(() => between(0, 255));

/// One planned artefact: a music take with its mix and its events, as the binary envelope.
function plan(clientId) {
  const id = uuid();
  const files = [
    { name: 'mix.wav', media_type: 'audio/wav', bytes: wav(between(2_000, 150_000), between(0, 2 ** 31)) },
    {
      name: 'events.json',
      media_type: 'application/json',
      bytes: Buffer.from(JSON.stringify({ id, hits: Array.from({ length: between(1, 200) }, () => between(0, 9999)) })),
    },
  ];
  const artefact = { kind: 'music', client_id: clientId, created_at: new Date(Date.UTC(2026, 10, 25, 10, 0, between(0, 59))).toISOString(), metadata: { crash: id } };
  const body = envelope(artefact, files);
  return { id, files, body };
}

const data = mkdtempSync(join(tmpdir(), 'speelruimte-crash-'));
const folder = serverFolder(data);
const sweeps = [];
let starts = 0;
const conn = apiClient('');

/// Starts the server; on a fresh folder (`fresh`) with the setup token. Counts the starts and
/// what each one's blob-folder check tidied.
async function start(fresh = false) {
  starts++;
  const s = await startServer(SERVER, folder, {
    fresh,
    onStderr: (err) => {
      for (const m of err.matchAll(/blob folder checked.*?temp_removed=(\d+) orphans_removed=(\d+)/g)) {
        sweeps.push({ temp: Number(m[1]), orphans: Number(m[2]) });
      }
    },
  });
  conn.session.url = s.url;
  return s;
}
const { api } = conn;

let server = await start(true);
await conn.setup(server.token, 'crash.test');
const client = JSON.parse((await api('POST', '/api/clients', { label: 'Crash-1', birth_year: 2016, discipline: 'muziek' })).bytes);
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
        const res = await api('PUT', `/api/artefacts/${p.id}`, p.body, 'application/vnd.speelruimte.artefact');
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
  const res = await api('PUT', `/api/artefacts/${p.id}`, p.body, 'application/vnd.speelruimte.artefact');
  if (res.status !== 200) failures.push(`repeat of ${p.id} answered ${res.status}`);
}
server.child.kill('SIGKILL');
await new Promise((r) => server.child.once('exit', r));
server = await start();
const list = JSON.parse((await api('GET', `/api/clients/${client.id}/artefacts`)).bytes);
const ids = list.map((a) => a.id);
if (new Set(ids).size !== ids.length) failures.push('an artefact is listed twice');
if (ids.length !== planned.size) failures.push(`${ids.length} artefacts stored, ${planned.size} planned`);
for (const id of acked.keys()) if (!ids.includes(id)) failures.push(`acknowledged ${id} is missing`);
const referenced = new Set();
for (const p of planned.values()) {
  for (const f of p.files) {
    const res = await api('GET', `/api/artefacts/${p.id}/blobs/${f.name}`);
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
