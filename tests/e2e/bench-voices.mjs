// Browser benchmark B4 (run by `cargo xtask bench voices`): how fast each voice of crates/sound
// renders where the app renders it — in the browser build (`wasm-release`: opt-level "z", as the
// app ships), on the page's main thread, at the audio context's rate — against the same code
// built natively in the same run, at the app's opt-level "z" (`--profile wasm-release`) and at
// opt-level 3 (`--release`), via `crates/sound/examples/b4.rs --json`.
//
// Per voice: one render (velocity 0.6) timed on its own, median of 21 after a warm-up; the
// figures: ms per render, ms per 128-frame buffer (render time ÷ the voice's length in
// buffers), and × real time (the voice's length ÷ its render time). Goal (issue 26): the worst
// voice at least 50× real time in the browser.
import { execFileSync } from "node:child_process";
import { startServer, launch } from "./harness.mjs";
import { context, heading, isolate, save } from "./bench-record.mjs";

const RATE = 44_100; // headless Chromium's AudioContext rate here
const RUNS = 21;

const native = (profile) => {
  const out = execFileSync("cargo", ["run", "--quiet", ...profile, "-p", "speelruimte-sound", "--example", "b4", "--", "--rate", String(RATE), "--json"], { cwd: new URL("../..", import.meta.url), stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.toString()).voices.map(([code, frames, us]) => ({ code, frames, ms: us / 1000 }));
};

const ctx = context();
const server = await startServer();
const browser = await launch();
let result;
try {
  const browserContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await isolate(browserContext, server.url);
  const page = await browserContext.newPage();
  await page.goto(server.url + "/login");
  await page.locator("h1").waitFor();
  result = await page.evaluate(async ({ rate, runs }) => {
    const m = await import("/app.js");
    const codes = m.bench_voice_codes();
    const voices = codes.map((code, i) => {
      const frames = m.bench_render(i, 0.6, rate);
      const ts = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        m.bench_render(i, 0.6, rate);
        ts.push(performance.now() - t0);
      }
      ts.sort((a, b) => a - b);
      return { code, frames, ms: ts[(runs - 1) / 2] };
    });
    return { voices, ua: navigator.userAgent, isolated: self.crossOriginIsolated };
  }, { rate: RATE, runs: RUNS });
} finally {
  await browser.close();
  await server.stop();
}
const nativeZ = native(["--profile", "wasm-release"]);
const native3 = native(["--release"]);

const x = (v) => ((v.frames / RATE) * 1000) / v.ms;
const perBuffer = (v) => v.ms / (v.frames / 128);
const f = (v, d = 2) => v.toFixed(d);
console.log(`B4: each voice rendered once at ${RATE} Hz (velocity 0.6), median of ${RUNS}; ${heading(ctx, result.ua)}\n`);
console.log("| voice | length ms | browser (wasm, \"z\") ms/render | ms per 128 frames | × real time | native \"z\" × real time | native opt 3 × real time | wasm ÷ native \"z\" time |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
result.voices.forEach((v, i) => {
  const z = nativeZ[i], o = native3[i];
  if (z.code !== v.code || o.code !== v.code) throw new Error(`voice order differs: ${v.code} / ${z.code} / ${o.code}`);
  console.log(`| ${v.code} | ${f((v.frames / RATE) * 1000, 0)} | ${f(v.ms)} | ${f(perBuffer(v), 4)} | ${f(x(v), 0)}× | ${f(x(z), 0)}× | ${f(x(o), 0)}× | ${f(v.ms / z.ms, 1)}× |`);
});
const worst = result.voices.reduce((w, v) => (x(v) < x(w) ? v : w));
const slowest = result.voices.reduce((w, v) => (v.ms > w.ms ? v : w));
console.log(`\nWorst voice in the browser: ${worst.code} at ${f(x(worst), 0)}× real time (goal ≥ 50×: ${x(worst) >= 50 ? "met" : "not met"}); longest single render ${slowest.code}, ${f(slowest.ms)} ms.`);
save("voices", ctx, { ua: result.ua, rate: RATE, runs: RUNS, browser: result.voices, nativeZ, native3 });
