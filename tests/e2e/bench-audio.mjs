// Browser benchmark B3 (run by `cargo xtask bench`): tap to first sound sample. The pad's path
// (a pre-rendered AudioBuffer started on pointerdown, no lookahead) against a minimal cpal
// web-audio stream playing the same samples (cpal's default 2048-frame buffers, and 512), in
// one headless Chromium run, beside the floor: one 128-frame render quantum plus the context's
// baseLatency. An AudioWorklet tapped onto the output reports, in audio-context time, the first
// non-zero sample after silence; a capturing pointerdown listener notes the context time of each
// tap. Latency = first sample − tap + baseLatency (the time from the context to the device).
import { startServer, launch } from "./harness.mjs";
import { PROBE } from "./audio-probe.mjs";



const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TAPS = 30;

async function measure(browser, server, path) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, hasTouch: true, bypassCSP: true });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  try {
    await page.goto(server.url + "/login");
    await page.locator("h1").waitFor();
    await page.evaluate(async (path) => {
      const m = await import("/app.js");
      let ready = false;
      // The first touch is the user gesture that may start audio; every touch after it taps.
      window.addEventListener("pointerdown", () => {
        if (!ready) {
          ready = true;
          if (path === "pad") m.bench_pad_prepare();
          else m.bench_cpal_start(path === "cpal-512" ? 512 : 0);
        } else if (path === "pad") m.bench_pad_tap();
        else m.bench_cpal_tap();
      });
    }, path);
    const cdp = await context.newCDPSession(page);
    const tap = async () => {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: 400, y: 300, id: 1 }] });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    await tap();
    await sleep(1000);
    await page.evaluate(() => { window.__b3.downs = []; window.__b3.reports = []; });
    for (let i = 0; i < TAPS; i++) {
      await tap();
      await sleep(450 + Math.random() * 150);
    }
    await sleep(500);
    return await page.evaluate(() => {
      const { ctx, downs, reports } = window.__b3;
      const lat = downs
        .map((at) => reports.find((x) => x >= at - 1e-6))
        .map((t, i) => (t === undefined ? null : t - downs[i] + (ctx.baseLatency ?? 0)))
        .filter((x) => x !== null)
        .sort((a, b) => a - b);
      return { lat, taps: downs.length, rate: ctx.sampleRate, base: ctx.baseLatency ?? 0, out: ctx.outputLatency ?? 0, ua: navigator.userAgent };
    });
  } finally {
    await context.close();
  }
}

const server = await startServer();
const browser = await launch();
try {
  const rows = [];
  for (const [path, label] of [
    ["pad", "Speelruimte pad: buffer started on pointerdown"],
    ["cpal-default", "cpal 0.15 web-audio stream, default buffer (2048 frames)"],
    ["cpal-512", "cpal 0.15 web-audio stream, 512-frame buffer"],
  ]) {
    rows.push({ label, ...(await measure(browser, server, path)) });
  }
  const ms = (v) => (v * 1000).toFixed(1);
  const q = (s, p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const pad = rows[0];
  const floor = 128 / pad.rate + pad.base;
  console.log(`B3 tap to first sample (${pad.ua.match(/Chrome\/[\d.]+/)?.[0]}, ${pad.rate} Hz, baseLatency ${ms(pad.base)} ms, outputLatency ${ms(pad.out)} ms, ${TAPS} taps each)\n`);
  console.log("| path | heard / taps | median | p90 | max | median ÷ floor |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  console.log(`| floor: one 128-frame quantum + baseLatency | | ${ms(floor)} ms | | | 1.00× |`);
  for (const r of rows) {
    const s = r.lat;
    if (!s.length) {
      console.log(`| ${r.label} | 0 / ${r.taps} | – | – | – | – |`);
      continue;
    }
    const f = 128 / r.rate + r.base;
    console.log(`| ${r.label} | ${s.length} / ${r.taps} | ${ms(q(s, 0.5))} ms | ${ms(q(s, 0.9))} ms | ${ms(s.at(-1))} ms | ${(q(s, 0.5) / f).toFixed(2)}× |`);
  }
} finally {
  await browser.close();
  await server.stop();
}
