// Browser benchmarks B1 and B2 (run by `cargo xtask bench`): the ink crate compiled to wasm,
// against the npm package perfect-freehand 1.2.3, on the same strokes, in one headless
// Chromium run. Prints markdown tables for BENCHMARKS.md. Times come from performance.now()
// around many repetitions; only ratios measured in the same run are compared.
import { readFileSync } from "node:fs";
import { startServer, launch } from "./harness.mjs";

const server = await startServer();
const browser = await launch();
try {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url + "/login");
  await page.locator("h1").waitFor();
  // perfect-freehand's ESM build, its export list turned into window.PF.
  const src = readFileSync("node_modules/perfect-freehand/dist/esm/index.mjs", "utf8");
  const exportList = src.match(/export\s*\{([^}]*)\};?/);
  const names = exportList[1].split(",").map((e) => e.trim().split(/\s+as\s+/));
  const body = src.replace(exportList[0], "") + `\nwindow.PF = {${names.map(([local, name]) => `${name}: ${local}`).join(", ")}};`;
  await page.addScriptTag({ content: body });

  const result = await page.evaluate(async () => {
    const m = await import("/app.js");
    // The same stroke for both: a wavy pen line, ~1.5 px between points, pressure varying.
    const stroke = (n) => Array.from({ length: n }, (_, i) => [10 + i * 1.5, 300 + 80 * Math.sin(i / 60), 0.5 + 0.4 * Math.sin(i / 90), i * 8]);
    const size = 8;
    // perfect-freehand options as near as they map to ink's pencil.
    const opts = { size, thinning: 0.7, smoothing: 0.5, streamline: 0.45, simulatePressure: false, start: { taper: 12 }, end: { taper: 12 }, last: true };
    const timeIt = (fn) => {
      for (let i = 0; i < 5; i++) fn(); // warm up
      let reps = 0;
      const t0 = performance.now();
      let t1 = t0;
      while (t1 - t0 < 400) {
        fn();
        reps++;
        t1 = performance.now();
      }
      return (t1 - t0) / reps;
    };
    const b1 = [];
    for (const n of [1, 10, 100, 500, 1000, 2400]) {
      const pts = stroke(n);
      const flat = new Float32Array(pts.flat());
      const inkMs = timeIt(() => m.bench_outline(flat, size));
      const pfMs = timeIt(() => window.PF.getStroke(pts, opts));
      b1.push({ n, inkUs: (inkMs * 1000) / n, pfUs: (pfMs * 1000) / n, ratio: pfMs / inkMs });
    }
    // B2: 2,400 points, one at a time, as a live canvas gets them.
    const pts = stroke(2400);
    const live = (update) => {
      let total = 0, worst = 0;
      for (let i = 0; i < pts.length; i++) {
        const t0 = performance.now();
        update(i);
        const dt = performance.now() - t0;
        total += dt;
        worst = Math.max(worst, dt);
      }
      return { total, worst };
    };
    const runs = 5;
    let ink = { total: 0, worst: 0 }, pf = { total: 0, worst: 0 };
    for (let r = 0; r < runs; r++) {
      const s = new m.BenchStroke(size);
      const a = live((i) => s.push(pts[i][0], pts[i][1], pts[i][2], pts[i][3]));
      s.free();
      const b = live((i) => window.PF.getStroke(pts.slice(0, i + 1), opts));
      ink = { total: ink.total + a.total / runs, worst: Math.max(ink.worst, a.worst) };
      pf = { total: pf.total + b.total / runs, worst: Math.max(pf.worst, b.worst) };
    }
    return { b1, b2: { ink, pf, ratio: pf.total / ink.total }, ua: navigator.userAgent };
  });

  const f = (v, d = 3) => v.toFixed(d);
  console.log(`Browser: ${result.ua}\n`);
  console.log("B1: outline time per input point, whole stroke from scratch (µs per point; ratio = perfect-freehand ÷ ink)\n");
  console.log("| points | ink (wasm) µs/pt | perfect-freehand 1.2.3 µs/pt | ratio |");
  console.log("| ---: | ---: | ---: | ---: |");
  for (const r of result.b1) console.log(`| ${r.n} | ${f(r.inkUs)} | ${f(r.pfUs)} | ${f(r.ratio, 1)}× |`);
  const { ink, pf, ratio } = result.b2;
  console.log("\nB2: a 2,400-point stroke drawn point by point (outline after every point; mean of 5 runs, slowest update over all runs)\n");
  console.log("| | total outline work (ms) | slowest single update (ms) |");
  console.log("| --- | ---: | ---: |");
  console.log(`| ink, incremental (wasm) | ${f(ink.total, 1)} | ${f(ink.worst, 2)} |`);
  console.log(`| perfect-freehand, whole stroke each move | ${f(pf.total, 1)} | ${f(pf.worst, 2)} |`);
  console.log(`| ratio | ${f(ratio, 1)}× less work | one 60 Hz frame = 16.7 ms |`);
} finally {
  await browser.close();
  await server.stop();
}
