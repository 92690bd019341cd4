// The real server binary, started on a free port in a folder of its own, and a small API client
// for it: shared by the crash harness (tests/crash) and the at-scale benchmarks (tests/bench).
// No dependencies: Node's fetch and child_process.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/// mulberry32: a small PRNG, so a seed gives the same run of sizes, contents and moments.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/// A version-4 UUID from 16 bytes of `byte()`.
export function uuid(byte) {
  const b = Array.from({ length: 16 }, byte);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/// A valid mono 16-bit 48 kHz WAV of `frames` samples of noise seeded by `seed`.
export function wav(frames, seed) {
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
  let x = seed >>> 0;
  for (let i = 0; i < frames; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.writeInt16LE(((x >>> 16) & 0xffff) - 32768 >> 2, 44 + i * 2);
  }
  return out;
}

/// The binary upload envelope (`crates/model/src/envelope.rs`): magic, head length, head, files.
export function envelope(artefact, files) {
  const head = Buffer.from(
    JSON.stringify({ artefact, files: files.map((f) => ({ name: f.name, media_type: f.media_type, size: f.bytes.length })) }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from('SPR\x01', 'latin1'), len, head, ...files.map((f) => f.bytes)]);
}

/// A folder for the server: its data folder and a one-page web folder.
export function serverFolder(root) {
  const web = join(root, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Speelruimte</title>');
  return { data: join(root, 'data'), web };
}

/// Starts the server on a free port; resolves with the child, its base URL and, on a fresh
/// folder (`fresh`), the setup token, once it listens. `onStderr(text)` sees what it logs;
/// a stop that is not a SIGKILL rejects (when it happens before the start, the start fails).
export function start(server, folder, { fresh = false, onStderr = () => {}, onStop } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(server, ['--port', '0', '--data-dir', folder.data, '--web-dir', folder.web], {
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
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d).replace(/\x1b\[[0-9;]*m/g, '');
      onStderr(err);
      err = err.slice(err.lastIndexOf('\n') + 1);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return;
      const e = new Error(`the server stopped (${code ?? signal}): ${out}${err}`);
      (onStop ?? reject)(e);
    });
  });
}

/// An API client with the login's cookie and CSRF token once `setup` has run.
export function client(base) {
  const session = { url: base };
  async function api(method, path, body, type = 'application/json') {
    const headers = { accept: 'application/json' };
    if (session.cookie) headers.cookie = session.cookie;
    if (session.csrf) headers['x-csrf-token'] = session.csrf;
    if (body !== undefined) headers['content-type'] = type;
    const res = await fetch(session.url + path, {
      method,
      headers,
      body: type === 'application/json' && body !== undefined ? JSON.stringify(body) : body,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, res };
  }
  /// Makes the first therapist with the setup token and keeps the login.
  async function setup(token, username) {
    const res = await api('POST', '/api/setup', { token, username, display_name: username, password: 'een lange zin als wachtwoord' });
    if (res.status !== 201) throw new Error(`setup: ${res.status} ${res.bytes}`);
    session.cookie = res.res.headers.getSetCookie()[0].split(';')[0];
    session.csrf = JSON.parse(res.bytes).csrf_token;
  }
  return { session, api, setup };
}
