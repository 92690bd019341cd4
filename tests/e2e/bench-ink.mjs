// Browser benchmarks B1 and B2 (run by `cargo xtask bench ink`): ink's outlines (crates/ink in
// the app's wasm, the `bench` build's exports in web/src/bench.rs) against perfect-freehand
// 1.2.3 on equal work, in one headless Chromium run, the page cross-origin isolated so that
// performance.now() steps by 5 µs instead of 100 µs.
//
// Equal work: perfect-freehand's options are mapped onto ink's pencil so that both give the same
// widths, streamline and tapers (`bench-ink-page.js`); each stroke's two outlines are filled on
// one pixel grid and compared (overlap as intersection over union, and the greatest distance
// between the shapes, Hausdorff, in px); vertices are counted; the timed work on both sides
// ends with the outline traced as a canvas path (the drawing screen's `fill_polygon`, minus the
// fill), ink's through its bindings from wasm as the app does it.
//
// Strokes: a synthetic wavy line at 1–2,400 points; perfect-freehand's own test strokes
// (`src/test/inputs.json` of its repository, not in the npm package: see PF_INPUTS below);
// strokes with sharp corners, with jitter, with duplicate points; and a 240 Hz pen stroke
// (`fixtures/pen-stroke.json`). B2 draws strokes of 100, 500 and 2,400 points point by point and
// times every update on its own.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer, launch } from "./harness.mjs";
import { context, heading, isolate, save } from "./bench-record.mjs";

// perfect-freehand's test strokes: its repository's packages/perfect-freehand/src/test/inputs.json
// (MIT), read from here when present; not committed with Speelruimte.
const PF_INPUTS = process.env.PF_INPUTS ?? fileURLToPath(new URL("../../target/bench/perfect-freehand-inputs.json", import.meta.url));
const B2_RUNS = Number(process.env.B2_RUNS ?? 5);

// Synthetic strokes, as [x, y, pressure, t] with t 8 ms apart.
const wave = (n) => Array.from({ length: n }, (_, i) => [10 + i * 1.5, 300 + 80 * Math.sin(i / 60), 0.5 + 0.4 * Math.sin(i / 90), i * 8]);
const timed = (xy) => xy.map(([x, y, p], i) => [x, y, p ?? 0.5, i * 8]);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const corners = () => {
  // A zigzag of 12 legs of 60 px, alternately at 15° and 165°: a 150° turn at every corner.
  const pts = [];
  let [x, y] = [100, 100];
  for (let leg = 0; leg < 12; leg++) {
    const a = ((leg % 2 ? 165 : 15) * Math.PI) / 180;
    for (let k = 0; k < 30; k++) pts.push([(x += 2 * Math.cos(a)), (y += 2 * Math.sin(a)), 0.6]);
  }
  return timed(pts);
};
const jitter = () => timed(Array.from({ length: 400 }, (_, i) => [20 + i * 1.5 + (random() - 0.5) * 3, 250 + 40 * Math.sin(i / 50) + (random() - 0.5) * 3, 0.4 + 0.3 * random()]));
const duplicates = () => timed(wave(300).flatMap((p, i) => (i % 4 === 0 ? [p, p, p, p] : [p])));

const strokes = [];
for (const n of [1, 10, 100, 500, 1000, 2400]) strokes.push({ name: `wave ${n}`, group: "wave", pts: wave(n) });
let pfInputs = null;
if (existsSync(PF_INPUTS)) {
  pfInputs = JSON.parse(readFileSync(PF_INPUTS, "utf8"));
  for (const [name, pts] of Object.entries(pfInputs)) {
    if (name === "objectPairs") continue; // numberPairs again, as objects
    strokes.push({ name: `perfect-freehand ${name}`, group: "pf", pts: timed(pts.map((p) => [p[0], p[1], p[2]])) });
  }
}
strokes.push({ name: "corners (12 legs, 150° turns)", group: "ours", pts: corners() });
strokes.push({ name: "jitter (±1.5 px)", group: "ours", pts: jitter() });
strokes.push({ name: "duplicates (every 4th point 4×)", group: "ours", pts: duplicates() });
const pen = JSON.parse(readFileSync(new URL("fixtures/pen-stroke.json", import.meta.url), "utf8")).points;
strokes.push({ name: "pen stroke (240 Hz, fixtures/pen-stroke.json)", group: "ours", pts: pen });

const ctx = context();
const server = await startServer();
const browser = await launch();
let result;
try {
  const browserContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } });
  await isolate(browserContext, server.url);
  const page = await browserContext.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + "/login");
  await page.locator("h1").waitFor();
  // perfect-freehand's ESM build, its export list turned into window.PF.
  const src = readFileSync("node_modules/perfect-freehand/dist/esm/index.mjs", "utf8");
  const exportList = src.match(/export\s*\{([^}]*)\};?/);
  const names = exportList[1].split(",").map((e) => e.trim().split(/\s+as\s+/));
  await page.addScriptTag({ content: src.replace(exportList[0], "") + `\nwindow.PF = {${names.map(([local, name]) => `${name}: ${local}`).join(", ")}};` });
  await page.addScriptTag({ content: readFileSync(new URL("bench-ink-page.js", import.meta.url), "utf8") });
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  if (!isolated) throw new Error("the bench page is not cross-origin isolated; per-update times would step by 0.1 ms");
  result = await page.evaluate(async ({ strokes, runs }) => {
    const m = await import("/app.js");
    const B = window.BenchInk;
    const step = B.timerStep();
    const b1 = strokes.map((s) => ({ group: s.group, ...B.b1(m, s.name, s.pts) }));
    const b2 = [100, 500, 2400].map((n) => ({ name: `wave ${n}`, ...B.b2(m, strokes.find((s) => s.name === "wave 2400").pts.slice(0, n), runs) }));
    const penPts = strokes.find((s) => s.name.startsWith("pen stroke")).pts;
    b2.push({ name: `pen stroke ${penPts.length}`, ...B.b2(m, penPts, runs) });
    return { step, b1, b2, ua: navigator.userAgent };
  }, { strokes, runs: B2_RUNS });
  if (errors.length) throw new Error(`bench page errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  await server.stop();
}

const f = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
console.log(`B1/B2 ink against perfect-freehand 1.2.3 on equal widths; ${heading(ctx, result.ua)}; timer step ${f(result.step * 1000, 1)} µs (cross-origin isolated)\n`);
console.log("B1: a whole stroke from scratch, outline + canvas path (µs per input point, median of 9 alternating 50 ms rounds; ratio = perfect-freehand ÷ ink); shapes filled at 1/4 px\n");
console.log("| stroke | points | ink vertices | pf vertices | overlap (IoU) | greatest distance px | IoU, pf \`last: false\` | ink µs/pt | pf µs/pt | ratio | ratio without path |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of result.b1) {
  const per = (ms) => f((ms * 1000) / Math.max(1, r.n));
  const dist = r.hausdorff === null ? (r.pfVertices ? "pf draws nothing" : "–") : f(r.hausdorff, 2);
  console.log(`| ${r.name} | ${r.n} | ${r.inkVertices} | ${r.pfVertices} | ${f(r.iou)} | ${dist} | ${f(r.liveIou)} | ${per(r.inkMs)} | ${per(r.pfMs)} | ${f(r.ratio, 1)}× | ${f(r.bareRatio, 1)}× |`);
}
if (!pfInputs) console.log(`\n(perfect-freehand's own test strokes left out: ${PF_INPUTS} is missing.)`);
const worstShape = result.b1.reduce((w, r) => (r.iou < w.iou ? r : w));
const oldWorst = result.b1.reduce((w, r) => Math.min(w, r.oldIou), 1);
const liveWorst = result.b1.reduce((w, r) => Math.min(w, r.liveIou), 1);
console.log(`\nShapes: lowest overlap ${f(worstShape.iou)} (${worstShape.name}); with the options B1 used before (pf size 8, ink's numbers copied) the lowest overlap was ${f(oldWorst)}; with \`last: false\` (a stroke in progress, as B2 runs it) ${f(liveWorst)}.`);
const minRatio = result.b1.reduce((w, r) => (r.ratio < w.ratio ? r : w));
console.log(`Slowest ratio ${f(minRatio.ratio, 1)}× (${minRatio.name}); goal ≥ 3× at every length: ${result.b1.every((r) => r.ratio >= 3) ? "met" : "not met"}.`);

console.log(`\nB2: strokes drawn point by point, every update timed on its own (${B2_RUNS} runs each, the sides in turns; timer step ${f(result.step * 1000, 1)} µs)\n`);
console.log("| stroke | side | µs/update (median run's mean) | p50 µs | p99 µs | max µs | mean ratio pf ÷ ink |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
// Below the timer's step a single update reads 0: printed as "< step".
const us = (ms) => (ms === 0 ? `< ${f(result.step * 1000, 0)}` : f(ms * 1000, 1));
for (const r of result.b2) {
  for (const [label, s] of [["ink: push + settled piece + tail, traced (what the screen paints)", r.inkPath], ["ink: push + whole outline, no path", r.inkWhole], ["perfect-freehand: whole outline, traced", r.pf]]) {
    const ratio = s === r.pf ? "–" : `${f(r.pf.mean / s.mean, 1)}×`;
    console.log(`| ${r.name} | ${label} | ${us(s.mean)} | ${us(s.p50)} | ${us(s.p99)} | ${us(s.max)} | ${ratio} |`);
  }
}
const p99 = Math.max(...result.b2.map((r) => r.inkPath.p99));
const b2Ratio = Math.min(...result.b2.map((r) => r.pf.mean / r.inkPath.mean));
console.log(`\nB2: ink's p99 per move at most ${us(p99)} µs (goal ≤ 50 µs: ${p99 <= 0.05 ? "met" : "not met"}); smallest mean ratio ${f(b2Ratio, 1)}× (goal ≥ 3×: ${b2Ratio >= 3 ? "met" : "not met"}).`);
save("ink", ctx, { ua: result.ua, timerStepMs: result.step, pfInputs: pfInputs ? PF_INPUTS : null, b1: result.b1, b2: result.b2 });
