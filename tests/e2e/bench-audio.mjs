// Browser benchmark B3 (run by `cargo xtask bench audio`): from a tap to its first sound at the
// output, on the page's own clock. Start: the pointerdown's `event.timeStamp`. End: the first
// non-zero sample after silence, heard by an AudioWorklet tapped onto the output
// (`audio-probe.mjs`), mapped to the time it leaves for the speaker with
// `AudioContext.getOutputTimestamp()` (the pair of context time and performance time of the
// sample being output). So the figure includes the input pipeline's delay to the handler, the
// handler's own work, the wait for the next render quantum and the output buffer — everything
// between the finger and the speaker that a page can influence, and the rest it cannot.
//
// Paths, all in the same run, each tapped TAPS times through DevTools touches, one tap after the
// sound of the one before has died away (the probe reports ~93 ms of silence):
// - bare page: the floor — an `AudioBufferSourceNode` started inside pointerdown, nothing else
//   on the page (a page of its own on the server's origin);
// - AudioWorklet engine: the same page, a worklet that plays its buffer when pointerdown posts
//   to it;
// - the real pad: the music screen of the app (`/clients/…/muziek`), its own pointerdown
//   handler (hit test, velocity, level, `engine::hit`), a hi-hat pad, the loudness level varied
//   by the touch's force; and the pad right after the screen opened, while the softer levels are
//   still being rendered one per frame (each tap a level not yet rendered, if the tap comes first);
// - cpal 0.15's web-audio stream with its default buffer and with 512 frames (the `bench`
//   build's exports, on the login page).
import { startServer, launch, seed, eventually } from "./harness.mjs";
import { PROBE } from "./audio-probe.mjs";
import { context as runContext, save } from "./bench-record.mjs";

const TAPS = Number(process.env.B3_TAPS ?? 30);

/** A page with nothing but a pointerdown that starts a noise burst: directly, or via a worklet. */
const BARE = `<!doctype html><meta charset="utf-8"><title>B3 bare</title>
<body style="margin:0;height:100vh;touch-action:none">
<script type="module">
  const ctx = new AudioContext({ latencyHint: "interactive" });
  const n = Math.round(ctx.sampleRate * 0.06);
  const noise = new Float32Array(n);
  for (let i = 0; i < n; i++) noise[i] = (Math.random() * 2 - 1) * Math.exp(-i / (n / 5));
  const buffer = ctx.createBuffer(1, n, ctx.sampleRate);
  buffer.copyToChannel(noise, 0);
  const worklet = new URLSearchParams(location.search).has("worklet");
  let node = null;
  if (worklet) {
    const code = \`class Player extends AudioWorkletProcessor {
      constructor() { super(); this.pos = -1; this.port.onmessage = (e) => { if (e.data.buffer) this.buf = e.data.buffer; else this.pos = 0; }; }
      process(_, outputs) {
        const out = outputs[0][0];
        if (this.buf && this.pos >= 0) for (let i = 0; i < out.length && this.pos < this.buf.length; i++) out[i] = this.buf[this.pos++];
        return true;
      }
    }
    registerProcessor("b3-player", Player);\`;
    await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([code], { type: "application/javascript" })));
    node = new AudioWorkletNode(ctx, "b3-player");
    node.port.postMessage({ buffer: noise });
    node.connect(ctx.destination);
  }
  window.addEventListener("pointerdown", () => {
    if (ctx.state !== "running") { ctx.resume(); return; }
    if (node) node.port.postMessage({ play: true });
    else { const s = ctx.createBufferSource(); s.buffer = buffer; s.connect(ctx.destination); s.start(); }
  });
  document.title = "ready";
</script>`;

const probe = (page) => page.evaluate(() => ({ quiet: window.__b3.quiet, heard: window.__b3.reports.length, running: window.__b3.ctx?.state === "running" }));

/** Taps `where()` (one finger, `force`) `taps` times, each after silence; returns per-tap delays in ms. */
async function tapping(page, cdp, where, taps, force = () => 0.5) {
  const tap = async (i) => {
    const p = await where(i);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: p.x, y: p.y, id: 1, radiusX: 8, radiusY: 8, force: force(i) }] });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  await page.evaluate(() => { window.__b3.outs = []; window.__b3.tapsAt = []; window.__b3.reports = []; });
  for (let i = 0; i < taps; i++) {
    await tap(i);
    await eventually(() => probe(page), (s) => s.heard > i && s.quiet, `tap ${i + 1}: no sound, or it did not end`, 10_000);
  }
  return page.evaluate(() => {
    const { outs, tapsAt } = window.__b3;
    return tapsAt.map((t) => {
      const o = outs.find((x) => x >= t);
      return o === undefined ? null : o - t;
    });
  });
}

/** Makes the page's audio run: a first tap (the gesture a context needs), until it runs and is quiet. */
async function unlock(page, cdp, p) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: p.x, y: p.y, id: 1 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await eventually(() => probe(page), (s) => s.running, "the audio never ran", 10_000);
  await eventually(() => probe(page), (s) => s.quiet, "the output never fell silent", 10_000);
}

async function context(browser) {
  const c = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, bypassCSP: true });
  await c.addInitScript({ content: PROBE });
  return c;
}

async function bare(browser, server, worklet) {
  const c = await context(browser);
  try {
    const page = await c.newPage();
    await page.route(`${server.url}/b3-bare*`, (r) => r.fulfill({ contentType: "text/html", body: BARE }));
    await page.goto(`${server.url}/b3-bare${worklet ? "?worklet" : ""}`);
    await eventually(() => page.title(), (t) => t === "ready", "the bare page did not start");
    const cdp = await c.newCDPSession(page);
    const at = { x: 512, y: 384 };
    await unlock(page, cdp, at);
    return await tapping(page, cdp, () => at, TAPS);
  } finally {
    await c.close();
  }
}

async function pad(browser, server, seeded, opening) {
  const c = await context(browser);
  try {
    const page = await c.newPage();
    await c.addCookies(seeded.cookies);
    await page.goto(`${server.url}/clients/${seeded.client.id}/sessies/${seeded.session.id}/muziek`);
    await page.getByTestId("pads").waitFor();
    const cdp = await c.newCDPSession(page);
    const centre = async (i) => {
      const b = await page.locator(`[data-pad="${i}"]`).boundingBox();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const pads = await page.locator("[data-pad]").count();
    // Forces 0.2, 0.4, 0.7, 1.0 ask for the four loudness levels (6, 9, 12, 16 of 16).
    const forces = [1.0, 0.2, 0.4, 0.7];
    if (opening) {
      // Right after opening: every pad's softer levels are still queued (one rendered per frame);
      // tap each pad once at a soft level as soon as the audio runs.
      await unlock(page, cdp, await centre(2));
      return await tapping(page, cdp, (i) => centre(i % pads), Math.min(TAPS, pads * 3), (i) => forces[1 + (i % 3)]);
    }
    await unlock(page, cdp, await centre(2));
    return await tapping(page, cdp, () => centre(2), TAPS, (i) => forces[i % 4]);
  } finally {
    await c.close();
  }
}

async function cpal(browser, server, frames) {
  const c = await context(browser);
  try {
    const page = await c.newPage();
    await page.goto(server.url + "/login");
    await page.locator("h1").waitFor();
    await page.evaluate(async (frames) => {
      const m = await import("/app.js");
      let started = false;
      window.addEventListener("pointerdown", () => {
        if (!started) { started = true; m.bench_cpal_start(frames); } else m.bench_cpal_tap();
      });
    }, frames);
    const cdp = await c.newCDPSession(page);
    const at = { x: 900, y: 700 };
    await unlock(page, cdp, at);
    return await tapping(page, cdp, () => at, TAPS);
  } finally {
    await c.close();
  }
}

const server = await startServer();
const browser = await launch();
try {
  const seedPage = await (await browser.newContext()).newPage();
  const seeded = await seed(seedPage, server);
  seeded.cookies = await seedPage.context().cookies();
  await seedPage.goto(server.url + "/login");
  const info = await seedPage.evaluate(async () => {
    const ctx = new AudioContext({ latencyHint: "interactive" });
    const r = { rate: ctx.sampleRate, base: ctx.baseLatency, out: ctx.outputLatency, ua: navigator.userAgent };
    await ctx.close();
    return r;
  });
  const rows = [
    ["bare page: AudioBufferSourceNode started in pointerdown (the floor)", () => bare(browser, server, false)],
    ["bare page: AudioWorklet engine, pointerdown posts to it", () => bare(browser, server, true)],
    ["Speelruimte pad (music screen, hi-hat, four loudness levels)", () => pad(browser, server, seeded, false)],
    ["Speelruimte pad, just opened (softer levels still rendering)", () => pad(browser, server, seeded, true)],
    ["cpal 0.15 web-audio stream, default buffer", () => cpal(browser, server, 0)],
    ["cpal 0.15 web-audio stream, 512 frames", () => cpal(browser, server, 512)],
  ];
  const load = (await import("node:fs")).readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const commit = (await import("node:child_process")).execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
  console.log(`B3 tap to first sample at the output (${info.ua.match(/Chrome\/[\d.]+/)?.[0]}, ${info.rate} Hz, baseLatency ${(info.base * 1000).toFixed(1)} ms, outputLatency ${(info.out * 1000).toFixed(1)} ms); commit ${commit}, ${new Date().toISOString()}, load ${load}\n`);
  console.log("| path | heard / taps | median | p95 | max | median − floor | p95 − floor |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  const q = (s, p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  let floor = null;
  const raw = [];
  for (const [label, run] of rows) {
    const all = await run();
    raw.push({ path: label, taps: all });
    const s = all.filter((x) => x !== null).sort((a, b) => a - b);
    if (!s.length) {
      console.log(`| ${label} | 0 / ${all.length} | – | – | – | – | – |`);
      continue;
    }
    const [m, p95, max] = [q(s, 0.5), q(s, 0.95), s.at(-1)];
    floor ??= { m, p95 };
    const d = (a, b) => `${a - b >= 0 ? "+" : ""}${(a - b).toFixed(1)} ms`;
    console.log(`| ${label} | ${s.length} / ${all.length} | ${m.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${max.toFixed(1)} ms | ${d(m, floor.m)} | ${d(p95, floor.p95)} |`);
  }
  save("audio", runContext(), { ...info, tapMs: raw });
} finally {
  await browser.close();
  await server.stop();
}
