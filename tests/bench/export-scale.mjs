// At scale: the AVG export of a client seen weekly for two years (100 sessions, 1,000
// artefacts, more than 1 GiB of recordings), against the disk's own read speed measured in the
// same run on the same files, with the server's memory sampled while it streams.
//
//   cargo xtask bench export        (builds the release server, then runs this)
//   node tests/bench/export-scale.mjs --server target/release/speelruimte-server [--artefacts 1000] [--rounds 3]
//
// Each round: the blob files are put out of the page cache (posix_fadvise DONTNEED, through
// Python's os module: no root needed), read once in full with `cat` (the disk's speed), put out
// of the cache again, and exported through the real route, the ZIP read to its end and counted
// (the order of the two alternates from round to round).
// The server's resident memory (VmRSS in /proc) is sampled every 10 ms during the export.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { context as runContext, save } from '../e2e/bench-record.mjs';
import { client as apiClient, envelope, rng, serverFolder, start, uuid, wav } from '../lib/server.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const SERVER = args.server ?? process.env.SPEELRUIMTE_SERVER;
const ARTEFACTS = Number(args.artefacts ?? 1000);
const SESSIONS = Math.max(1, Math.round(ARTEFACTS / 10));
const ROUNDS = Number(args.rounds ?? 3);
// 1.1 MiB of recording per artefact: 1,000 of them are 1.07 GiB.
const FRAMES = Math.round((1.1 * 2 ** 20) / 2);
if (!SERVER) {
  console.error('bench export: give --server PATH (or SPEELRUIMTE_SERVER)');
  process.exit(2);
}

const random = rng(2026);
// On the work disk, not a tmpfs: the point is reading from the disk.
const root = mkdtempSync(join(process.cwd(), 'target', 'bench-export-'));
const folder = serverFolder(root);
const server = await start(SERVER, folder, { fresh: true });
const conn = apiClient(server.url);
const { api } = conn;
await conn.setup(server.token, 'bench.export');
const clientRec = JSON.parse((await api('POST', '/api/clients', { label: 'Schaal-1', birth_year: 2015, discipline: 'muziek' })).bytes);

const sessions = [];
for (let s = 0; s < SESSIONS; s++) {
  const date = new Date(Date.UTC(2024, 11, 2) + s * 7 * 86_400_000).toISOString().slice(0, 10);
  const res = await api('POST', `/api/clients/${clientRec.id}/sessions`, { date });
  if (res.status !== 201) throw new Error(`session ${date}: ${res.status} ${res.bytes}`);
  sessions.push(JSON.parse(res.bytes));
}

let uploaded = 0;
let blobBytes = 0;
let wavBytes = 0;
async function upload(i) {
  const id = uuid(() => Math.floor(random() * 256));
  const session = sessions[i % SESSIONS];
  const files = [
    { name: 'mix.wav', media_type: 'audio/wav', bytes: wav(FRAMES, 7919 * i + 1) },
    { name: 'events.json', media_type: 'application/json', bytes: Buffer.from(JSON.stringify({ id, hits: [i, i + 1, i + 2] })) },
  ];
  const artefact = { kind: 'music', client_id: clientRec.id, session_id: session.id, created_at: `${session.date}T10:${String(i % 60).padStart(2, '0')}:00Z`, metadata: {} };
  const res = await api('PUT', `/api/artefacts/${id}`, envelope(artefact, files), 'application/vnd.speelruimte.artefact');
  if (res.status !== 201) throw new Error(`PUT ${id}: ${res.status} ${res.bytes}`);
  uploaded++;
  wavBytes += files[0].bytes.length;
  blobBytes += files.reduce((n, f) => n + f.bytes.length, 0);
}
const t0 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: 4 }, async () => {
  while (next < ARTEFACTS) await upload(next++);
}));
const seedSeconds = (performance.now() - t0) / 1000;

const blobDir = join(folder.data, 'blobs');
const blobFiles = readdirSync(blobDir).flatMap((shard) => readdirSync(join(blobDir, shard)).map((n) => join(blobDir, shard, n)));
const onDisk = blobFiles.reduce((n, f) => n + statSync(f).size, 0);

/// Puts every blob file and the database out of the page cache.
function evict() {
  const files = [...blobFiles, ...readdirSync(folder.data).filter((n) => n.startsWith('speelruimte.db')).map((n) => join(folder.data, n))];
  execFileSync('python3', ['-c', `
import os, sys
for p in sys.stdin.read().split('\\n'):
    if p:
        fd = os.open(p, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
`], { input: files.join('\n') });
}

/// Reads every blob file once with `cat` into /dev/null (the disk's speed for these files,
/// without a JavaScript reader's cost); returns the bytes and seconds.
function readDisk() {
  const t = performance.now();
  execFileSync('sh', ['-c', 'xargs -0 cat > /dev/null'], { input: blobFiles.join('\0') });
  return { bytes: onDisk, seconds: (performance.now() - t) / 1000 };
}

const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) * 1024;

/// One export through the real route, read to its end; with the server's memory during it.
async function exportOnce() {
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 10);
  const t = performance.now();
  const res = await fetch(`${server.url}/api/clients/${clientRec.id}/export`, { headers: { cookie: conn.session.cookie } });
  if (res.status !== 200) throw new Error(`export: ${res.status}`);
  let n = 0;
  let tail = Buffer.alloc(0);
  for await (const chunk of res.body) {
    n += chunk.length;
    tail = Buffer.concat([tail, chunk]).subarray(-128);
  }
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rss());
  // A whole ZIP ends with its end-of-central-directory record; a broken-off one does not.
  if (tail.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) < 0) throw new Error('the export did not end as a whole ZIP');
  // The recordings are stored as they are: a ZIP smaller than them lacks some.
  if (n < wavBytes) throw new Error(`the ZIP is ${n} bytes, smaller than the ${wavBytes} bytes of recordings in it`);
  return { bytes: n, seconds, before, peak };
}

const MiB = 2 ** 20;
const rows = [];
// The order alternates, so that neither side is always the one reading second (a virtual
// disk's host may keep what was read a moment ago).
for (let r = 0; r < ROUNDS; r++) {
  let disk;
  let exp;
  if (r % 2 === 0) {
    evict();
    disk = readDisk();
    evict();
    exp = await exportOnce();
  } else {
    evict();
    exp = await exportOnce();
    evict();
    disk = readDisk();
  }
  rows.push({ disk, exp });
}
server.child.kill('SIGKILL');
rmSync(root, { recursive: true, force: true });

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(); } catch { return '?'; } })();
console.log(`bench export: commit ${commit}, ${new Date().toISOString()}, load ${load}`);
console.log(`seeded ${uploaded} artefacts in ${SESSIONS} sessions through PUT in ${seedSeconds.toFixed(1)} s; ${(blobBytes / MiB).toFixed(0)} MiB uploaded, ${blobFiles.length} blob files, ${(onDisk / MiB).toFixed(0)} MiB on disk`);
console.log('| round | disk read MiB/s | export MiB/s (ZIP bytes) | export / disk | server RSS before → peak (MiB) | growth MiB |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
rows.forEach(({ disk, exp }, i) => {
  const d = disk.bytes / MiB / disk.seconds;
  const e = exp.bytes / MiB / exp.seconds;
  console.log(`| ${i + 1} | ${d.toFixed(0)} | ${e.toFixed(0)} (${(exp.bytes / MiB).toFixed(0)} MiB in ${exp.seconds.toFixed(1)} s) | ${(e / d).toFixed(2)} | ${(exp.before / MiB).toFixed(0)} → ${(exp.peak / MiB).toFixed(0)} | ${((exp.peak - exp.before) / MiB).toFixed(0)} |`);
});
const ratios = rows.map(({ disk, exp }) => (exp.bytes / exp.seconds) / (disk.bytes / disk.seconds)).sort((a, b) => a - b);
const growth = Math.max(...rows.map(({ exp }) => exp.peak - exp.before)) / MiB;
save('export', runContext(), { sessions: SESSIONS, rounds: rows });
console.log(`median export / disk ${ratios[Math.floor(ratios.length / 2)].toFixed(2)} (goal ≥ 0.50); greatest memory growth ${growth.toFixed(0)} MiB (goal ≤ 100)`);
