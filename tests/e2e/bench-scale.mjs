// At scale (run by `cargo xtask bench scale`): a client seen weekly for two years — 100
// sessions, 1,000 artefacts — seeded through the real server's API, then the timeline opened in
// headless Chromium with the main thread slowed 4× (CDP Emulation.setCPUThrottlingRate). Measures
// the timeline's first render (from the tap on "Tijdlijn" on the client's page to the first frame
// after the first page of sessions is in the page) and the bytes transferred for it before any
// thumbnail (CDP Network events), against the review screen opened the same way in the same run
// (it loads every artefact of the client at once: the peer the paging is for). Prints a markdown
// table for BENCHMARKS.md.
import { startServer, launch, newPage } from "./harness.mjs";
import { seedWork } from "./screens.mjs";
import { context as runContext, heading, save } from "./bench-record.mjs";

const SESSIONS = 100;
const PER_SESSION = 10;
const RUNS = 5;
const RATE = 4;
// Per session: six drawings, two takes of music, two exercises.
const MIX = ["drawing", "drawing", "drawing", "drawing", "drawing", "drawing", "music", "music", "exercise", "exercise"];

const server = await startServer();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // One artefact of each work form made in the app, as templates for the rest.
  const page = await newPage(browser);
  const { client, goal, session } = await seedWork(page, server);
  const api = page.request;
  const csrf = (await (await api.get(`${server.url}/api/me`)).json()).csrf_token;
  const made = await (await api.get(`${server.url}/api/clients/${client.id}/artefacts`)).json();
  const templates = {};
  for (const a of made) {
    const blobs = [];
    for (const b of a.blobs) {
      const bytes = await (await api.get(`${server.url}/api/artefacts/${a.id}/blobs/${b.name}`)).body();
      blobs.push({ name: b.name, media_type: b.media_type, data_base64: bytes.toString("base64") });
    }
    templates[a.kind] = { metadata: a.metadata, blobs };
  }
  // 99 more sessions, a week apart, back from the seeded one; ten artefacts in each but the seeded one.
  const started = Date.now();
  const sessions = [session];
  const day = new Date(`${session.date}T12:00:00Z`);
  for (let i = 1; i < SESSIONS; i++) {
    const date = new Date(day.getTime() - i * 7 * 86400_000).toISOString().slice(0, 10);
    const r = await api.post(`${server.url}/api/clients/${client.id}/sessions`, { data: { date }, headers: { "X-CSRF-Token": csrf } });
    sessions.push(await r.json());
  }
  const jobs = [];
  for (const [si, s] of sessions.entries()) {
    const n = si === 0 ? PER_SESSION - made.length : PER_SESSION;
    for (let k = 0; k < n; k++) {
      const kind = MIX[(k + (si === 0 ? made.length : 0)) % MIX.length];
      const at = new Date(`${s.date}T10:${String(k).padStart(2, "0")}:00Z`).toISOString();
      jobs.push({ kind, client_id: client.id, session_id: s.id, goal_ids: k % 2 ? [goal.id] : [], created_at: at, ...templates[kind] });
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const body = jobs[next++];
      const r = await api.put(`${server.url}/api/artefacts/${crypto.randomUUID()}`, { data: body, headers: { "X-CSRF-Token": csrf } });
      if (r.status() !== 201) throw new Error(`upload: ${r.status()} ${await r.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  const count = (await (await api.get(`${server.url}/api/clients/${client.id}/artefacts`)).json()).length;
  console.error(`seeded ${sessions.length} sessions, ${count} artefacts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const cookies = await page.context().cookies();
  await page.context().close();

  /** Opens the client's page, taps `link`, and measures until `ready` (a CSS selector) is in the page and a frame has passed. */
  const measure = async (link, ready) => {
    const p = await newPage(browser);
    await p.context().addCookies(cookies);
    await p.goto(`${server.url}/clients/${client.id}`);
    await p.locator(`a[href$="${link}"]`).waitFor();
    await p.waitForLoadState("networkidle");
    const cdp = await p.context().newCDPSession(p);
    await cdp.send("Network.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
    const requests = new Map();
    let firstThumb = null;
    cdp.on("Network.requestWillBeSent", (e) => {
      const thumb = e.request.url.includes("/blobs/");
      if (thumb && firstThumb === null) firstThumb = e.timestamp;
      requests.set(e.requestId, { url: e.request.url, sent: e.timestamp, thumb, bytes: 0 });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = requests.get(e.requestId);
      if (r) { r.bytes = e.encodedDataLength; r.done = e.timestamp; }
    });
    const ms = await p.evaluate(([link, ready]) => new Promise((resolve) => {
      const t0 = performance.now();
      const seen = () => {
        if (document.querySelector(ready)) {
          requestAnimationFrame(() => resolve(performance.now() - t0));
          return true;
        }
        return false;
      };
      const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
      mo.observe(document.body, { childList: true, subtree: true });
      document.querySelector(`a[href$="${link}"]`).click();
    }), [link, ready]);
    // The thumbnails the screen shows load lazily: wait until those in view have arrived, and
    // every answer asked for so far has finished.
    await p.waitForFunction(() => [...document.images]
      .filter((i) => { const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
      .every((i) => i.complete), null, { timeout: 60_000 });
    const end = Date.now() + 10_000;
    while ([...requests.values()].some((r) => r.done === undefined) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const all = [...requests.values()];
    // Before thumbnails: every answer that finished before the first thumbnail was asked for.
    const before = all.filter((r) => !r.thumb && r.done !== undefined && (firstThumb === null || r.done <= firstThumb));
    const out = {
      ms,
      beforeThumbs: before.reduce((s, r) => s + r.bytes, 0),
      json: all.filter((r) => !r.thumb).reduce((s, r) => s + r.bytes, 0),
      thumbs: all.filter((r) => r.thumb).length,
      thumbBytes: all.filter((r) => r.thumb).reduce((s, r) => s + r.bytes, 0),
    };
    await cdp.detach();
    await p.context().close();
    return out;
  };
  const rows = [];
  for (const [name, link, ready] of [
    ["timeline (`/tijdlijn`, first page of 10 sessions)", "/tijdlijn", ".timeline-session"],
    ["review (`/evaluatie`, every artefact at once)", "/evaluatie", ".thumbs li"],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(link, ready));
    console.error(name, JSON.stringify(runs));
    rows.push([name, runs]);
  }
  const kb = (b) => (b / 1024).toFixed(1);
  const ctx = runContext();
  console.log(`\n${SESSIONS} sessions, ${count} artefacts; CPU throttled ${RATE}×; median of ${RUNS} runs (min–max); ${heading(ctx)}\n`);
  console.log("| screen | first render ms | KB before thumbnails | KB of JSON in all | thumbnails asked | KB of thumbnails |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, runs] of rows) {
    const f = (k, g = (x) => x.toFixed(0)) => `${g(median(runs.map((r) => r[k])))} (${g(Math.min(...runs.map((r) => r[k])))}–${g(Math.max(...runs.map((r) => r[k])))})`;
    console.log(`| ${name} | ${f("ms")} | ${f("beforeThumbs", kb)} | ${f("json", kb)} | ${f("thumbs")} | ${f("thumbBytes", kb)} |`);
  }
  save("scale", ctx, { sessions: SESSIONS, artefacts: count, cpuRate: RATE, runs: Object.fromEntries(rows) });
} finally {
  await browser.close();
  await server.stop();
}
