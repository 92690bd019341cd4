// Browser benchmark B5 (run by `cargo xtask bench frames`; B1 and B2 are `bench-ink.mjs`):
// frame intervals on the real drawing screen while a pen draws at 120 Hz (long lines, and
// quick hatching), with the page's main thread slowed as a mid-range tablet's, against the same
// page idle.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmdirSync, accessSync, constants } from "node:fs";
import { startServer, launch, seed, penEvent } from "./harness.mjs";
import { context as runContext, heading, save } from "./bench-record.mjs";

// B5: what the pen draws. `lines`: long wavy lines across the paper, pressure rising and
// falling, the pen lifted 400 ms between them (a person moving to the next line). `hatching`:
// short strokes one after another in one place, the pen lifted 90 ms between them (a child
// scribbling: the pen never rests long enough for finished strokes to move onto the ink layer).
// `at(box, s, f)`: the pen at fraction f of stroke s, [x, y, pressure].
const PATTERNS = {
  lines: {
    strokes: 3, strokeMs: 4000, pauseMs: 400, brush: "potlood",
    at: (box, s, f) => [box.x + box.width * (0.05 + 0.9 * f), box.y + box.height * (0.2 + 0.25 * s) + 60 * Math.sin(f * 12), 0.3 + 0.5 * Math.abs(Math.sin(f * 5))],
  },
  hatching: {
    strokes: 40, strokeMs: 250, pauseMs: 90, brush: "waterverf",
    at: (box, s, f) => [box.x + 300 + (s % 10) * 12 + 150 * f, box.y + 250 + Math.floor(s / 10) * 10 + 150 * f, 0.5],
  },
};
// The pen's sample interval (120 Hz).
const PEN_MS = 1000 / 120;
// Drawing runs per throttled CPU rate.
const RUNS = 3;
const FRAME_MS = 1000 / 60;
// B5's second way of slowing the page's main thread: the kernel's CPU quota (cgroup v1 `cpu`
// controller; needs root). DevTools' throttling suspends the main thread by making it spin in a
// signal handler, so the throttled thread takes most of a core even when the page is idle (85%
// at 4×, 92% at 6×, measured with `SystemInfo.getProcessInfo` on an idle page): on a 2-core
// machine, half of what the compositor, the software rendering and the browser's other
// processes would have. A quota of 1 ms of CPU per `rate` ms slows the main thread as much (a
// fixed computation measures it, each run) and takes nothing from the other threads; but the
// slowing comes in steps of 1 ms (the smallest quota) where DevTools' are 0.2 ms.
const CGROUP_CPU = "/sys/fs/cgroup/cpu";
const HOWS = ["devtools", "quota"];

const ctx = runContext();
const server = await startServer();
const browser = await launch();
try {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(server.url + "/login");
  await page.locator("h1").waitFor();
  // B5: the drawing screen while a pen draws, frame by frame. The page is the app itself (the
  // benchmark build only adds exported functions); one context per CPU throttling rate.
  const b5 = [];
  const rates = [1, 4, 6];
  const { client, session } = await seed(page, server);
  const hows = HOWS.filter((how) => how !== "quota" || quotaAvailable());
  if (!hows.includes("quota")) console.log(`\nB5: no CPU quota rows: ${CGROUP_CPU} is not writable here (cgroup v1 cpu controller, as root).`);
  // Frame timing on a 2-core machine varies from run to run (the browser's processes share the
  // cores), so each throttled rate is drawn RUNS times, each on a fresh page; every run is listed.
  for (const pattern of Object.keys(PATTERNS)) {
    for (const how of hows) {
      for (const rate of rates) {
        if (rate === 1 && how !== hows[0]) continue;
        for (let run = 1; run <= (rate === 1 ? 1 : RUNS); run++) {
          const withIdle = pattern === "lines" && run === 1;
          b5.push(await drawingFrames(context, server.url, client.id, session.id, rate, how, pattern, withIdle));
        }
      }
    }
  }
  printB5(b5);
  save("frames", ctx, { b5 });
} finally {
  await browser.close();
  await server.stop();
}

// A mid-range tablet: a 1024×768 screen at device pixel ratio 2, touch, and a main thread `rate`
// times slower than this machine's: `how` is "devtools" (CDP Emulation.setCPUThrottlingRate) or
// "quota" (see CGROUP_CPU).
async function drawingFrames(sessionContext, url, clientId, sessionId, rate, how, pattern, withIdle) {
  const { strokes: count, strokeMs, pauseMs, brush, at: penAt } = PATTERNS[pattern];
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, hasTouch: true,
    storageState: await sessionContext.storageState(),
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/clients/${clientId}/sessies/${sessionId}/tekenen`);
  const frame = page.getByTestId("canvas");
  await frame.waitFor();
  const box = await frame.boundingBox();
  await page.locator(`[data-brush="${brush}"]`).click();
  // Frame timestamps from a requestAnimationFrame loop of our own, next to the app's.
  // And when the pen touched and left the paper, on the same clock.
  await page.evaluate(() => {
    window.__frames = { on: false, t: [], pen: [] };
    const loop = (ts) => {
      if (window.__frames.on) window.__frames.t.push(ts);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const paper = document.querySelector('[data-testid="canvas"]');
    paper.addEventListener("pointerdown", () => window.__frames.pen.push([performance.now(), Infinity]));
    paper.addEventListener("pointerup", () => { const p = window.__frames.pen.at(-1); if (p) p[1] = performance.now(); });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  // How much slower the main thread is: a fixed computation before and after slowing it.
  const spin = () => page.evaluate(() => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 1e7; i++) x += Math.sqrt(i);
    return performance.now() - t + (x < 0 ? 1 : 0);
  });
  const alone = Math.min(await spin(), await spin(), await spin());
  let restore = async () => {};
  if (rate > 1 && how === "quota") {
    restore = await slowMainThreads(rate);
  } else if (rate > 1) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    restore = () => cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  }
  let slowdown, idle, drawing, strokes;
  try {
    slowdown = (await spin()) / alone;
    await page.waitForTimeout(500);
    const busy = async () => {
      const m = (await cdp.send("Performance.getMetrics")).metrics;
      return m.find((x) => x.name === "TaskDuration").value * 1000;
    };
    const record = async (during) => {
      await page.evaluate(() => { window.__frames.t = []; window.__frames.pen = []; window.__frames.on = true; });
      const b0 = await busy(), w0 = performance.now();
      await during();
      const b1 = await busy(), w1 = performance.now();
      const { t, pen } = await page.evaluate(() => { window.__frames.on = false; return window.__frames; });
      return { ...frameStats(t, pen), busy: (b1 - b0) / (w1 - w0) };
    };
    // Idle: the same page, nobody drawing.
    idle = withIdle ? await record(() => page.waitForTimeout(count * (strokeMs + pauseMs))) : null;
    // Drawing: one pen sample every 8.3 ms (120 Hz). Events are sent on a clock and not awaited
    // one by one, so a slow page gets them queued as a real pen's would be, not slowed down.
    drawing = await record(async () => {
      for (let s = 0; s < count; s++) {
        const n = Math.round(strokeMs / PEN_MS);
        const at = (i) => penAt(box, s, i / n);
        const send = (type, point, buttons) => penEvent(cdp, type, point, buttons);
        const sent = [send("mousePressed", at(0), 1)];
        const t0 = performance.now();
        for (let i = 1; i <= n; i++) {
          const wait = t0 + i * PEN_MS - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          sent.push(send("mouseMoved", at(i), 1));
        }
        sent.push(send("mouseReleased", at(n), 0));
        await Promise.all(sent);
        await page.waitForTimeout(pauseMs);
      }
    });
    strokes = await page.locator(`[data-testid="canvas"][data-strokes="${count}"]`).waitFor({ timeout: 20_000 })
      .then(() => count, () => frame.getAttribute("data-strokes"));
  } finally {
    // The main thread back to full speed, also when the drawing failed.
    await restore();
  }
  await context.close();
  if (errors.length) throw new Error(`drawing page errors: ${errors.join("; ")}`);
  if (Number(strokes) !== count) throw new Error(`B5 drew ${strokes} strokes, expected ${count}`);
  return { rate, how, slowdown, pattern, idle, drawing };
}

/** Whether this machine lets B5 slow the main thread with a CPU quota (see CGROUP_CPU). */
function quotaAvailable() {
  try {
    accessSync(`${CGROUP_CPU}/tasks`, constants.W_OK);
  } catch {
    return false;
  }
  // Groups an interrupted run left behind (empty once its browser has gone).
  for (const name of readdirSync(CGROUP_CPU).filter((n) => n.startsWith("speelruimte-bench-"))) {
    try {
      rmdirSync(`${CGROUP_CPU}/${name}`);
    } catch {
      // Still in use by another run.
    }
  }
  return true;
}

/**
 * Puts every renderer process's main thread (whose thread id is the process id) into a new
 * cgroup allowed 1 ms of CPU per `rate` ms; returns how to take them out again.
 */
async function slowMainThreads(rate) {
  const dir = `${CGROUP_CPU}/speelruimte-bench-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/cpu.cfs_quota_us`, "-1");
  writeFileSync(`${dir}/cpu.cfs_period_us`, String(rate * 1000));
  writeFileSync(`${dir}/cpu.cfs_quota_us`, "1000");
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  const pids = processInfo.filter((p) => p.type === "renderer").map((p) => p.id);
  for (const pid of pids) writeFileSync(`${dir}/tasks`, String(pid));
  return async () => {
    for (const pid of pids) {
      try {
        writeFileSync(`${CGROUP_CPU}/tasks`, String(pid));
      } catch {
        // The renderer has gone with its page.
      }
    }
    rmdirSync(dir);
  };
}


// Intervals between frames: how many missed a 60 Hz frame (longer than 1.25 frames, so vsync
// jitter does not count), how many of those ended while the pen was on the paper (`pen`: [down,
// up] times), and how many frames that skipped in all.
function frameStats(t, pen = []) {
  const ends = t.slice(1).map((v, i) => [v - t[i], v]);
  const d = ends.map(([x]) => x).sort((a, b) => a - b);
  const q = (p) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
  const late = d.filter((x) => x > FRAME_MS * 1.25);
  const penDown = (v) => pen.some(([down, up]) => v > down && v <= up);
  return {
    frames: d.length,
    late: late.length,
    lateDown: ends.filter(([x, v]) => x > FRAME_MS * 1.25 && penDown(v)).length,
    skipped: late.reduce((s, x) => s + Math.round(x / FRAME_MS) - 1, 0),
    p50: q(0.5), p95: q(0.95), max: d.at(-1),
  };
}

function printB5(rows) {
  const f = (v, d = 1) => v.toFixed(d);
  const what = Object.entries(PATTERNS).map(([name, p]) => `${name}: ${p.strokes} strokes of ${p.strokeMs} ms (${Math.round(p.strokeMs / PEN_MS)} points each, ${p.brush}), the pen lifted ${p.pauseMs} ms after each`).join("; ");
  console.log(`\nB5 (${heading(ctx)}): frame intervals on the drawing screen while a 120 Hz pen draws (${what}) against the same page idle for as long as the lines take; 1024×768 at pixel ratio 2; the main thread slowed by DevTools or by a CPU quota, "measured" is how much slower a fixed computation ran\n`);
  console.log("| main thread | measured | page | frames | missed (> 20.8 ms) | of those, pen down | frames skipped | p50 ms | p95 ms | max ms | main thread busy |");
  console.log("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    for (const [name, s] of [["idle", r.idle], [`drawing ${r.pattern}`, r.drawing]]) {
      if (!s) continue;
      const cpu = r.rate === 1 ? "this machine" : `${r.rate}× slower (${r.how === "quota" ? "CPU quota" : "DevTools"})`;
      console.log(`| ${cpu} | ${f(r.slowdown)}× | ${name} | ${s.frames} | ${s.late} | ${name === "idle" ? "–" : s.lateDown} | ${s.skipped} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} | ${f(s.busy * 100, 0)}% |`);
    }
  }
}
