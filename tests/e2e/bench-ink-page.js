// The page side of B1/B2 (`bench-ink.mjs`): perfect-freehand's options mapped onto ink's
// pencil, the shape check (both outlines rasterised, overlap and greatest distance) and the
// timers. Loaded into the page as a plain script after perfect-freehand (window.PF); defines
// window.BenchInk.
(() => {
  // ink's pencil (crates/ink/src/brush.rs) at size 8: radius = size/2 · (1 − thinning·(1 − p′)),
  // p′ = p + curve·p·(p − 1); streamline pulls each point by (1 − streamline) towards the input;
  // tapers of 12 px eased from 0.15 of the radius: 0.15 + 0.85·(1 − (1 − f)²).
  const SIZE = 8;
  const INK = { thinning: 0.7, curve: 0.35, streamline: 0.45, taper: 12, minTaper: 0.15 };
  const taperEase = (t) => INK.minTaper + (1 - INK.minTaper) * t * (2 - t);
  // perfect-freehand with the same widths: with thinning 1 its radius is size · easing(p), so
  // the easing carries ink's whole pressure curve; its streamline lerps by 0.15 + 0.85·(1 − s),
  // so s = 1 − (1 − 0.45 − 0.15) / 0.85 gives ink's 0.55; the same taper length and easing at
  // both ends; `last: false` (ink smooths the last point as every other one). Smoothing is
  // perfect-freehand's default (0.5): it drops outline vertices closer than size·smoothing.
  const PF_OPTS = {
    size: SIZE,
    thinning: 1,
    easing: (p) => 0.5 * (1 - INK.thinning * (1 - (p + INK.curve * p * (p - 1)))),
    streamline: 1 - (1 - INK.streamline - 0.15) / 0.85,
    smoothing: 0.5,
    simulatePressure: false,
    start: { taper: INK.taper, easing: taperEase, cap: true },
    end: { taper: INK.taper, easing: taperEase, cap: true },
    last: false,
  };
  // A finished stroke (B1): `last: true`, as perfect-freehand asks for a completed stroke (it
  // then ends on the last input point and draws a dot for a single point, as ink does).
  const PF_DONE = { ...PF_OPTS, last: true };
  // The options B1/B2 used before 2026-12-03 (size 8, ink's brush numbers copied over): a
  // radius of 4.0 px at pressure 0.5 where ink's is 2.35 px. Kept for the shape check only.
  const PF_OLD = { size: SIZE, thinning: 0.7, smoothing: 0.5, streamline: 0.45, simulatePressure: false, start: { taper: 12 }, end: { taper: 12 }, last: true };

  const flat = (pts) => new Float32Array(pts.flat());
  const pfStroke = (pts, opts = PF_OPTS) => window.PF.getStroke(pts, opts);
  const tracePf = (c, outline) => {
    c.beginPath();
    if (!outline.length) return;
    c.moveTo(outline[0][0], outline[0][1]);
    for (let i = 1; i < outline.length; i++) c.lineTo(outline[i][0], outline[i][1]);
    c.closePath();
  };
  const ctx2d = () => document.createElement("canvas").getContext("2d");

  // --- shape check -------------------------------------------------------------------------
  // Both outlines filled (nonzero, as a canvas fills them) on one pixel grid of PX px per CSS
  // px; a pixel is inside when its coverage is at least half.
  const PX = 4;
  function masks(polys) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const poly of polys) for (const [x, y] of poly) {
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    const pad = 4;
    const w = Math.ceil((x1 - x0 + 2 * pad) * PX), h = Math.ceil((y1 - y0 + 2 * pad) * PX);
    return polys.map((poly) => {
      const canvas = new OffscreenCanvas(w, h);
      const c = canvas.getContext("2d", { willReadFrequently: true });
      c.setTransform(PX, 0, 0, PX, (pad - x0) * PX, (pad - y0) * PX);
      c.beginPath();
      poly.forEach(([x, y], i) => (i ? c.lineTo(x, y) : c.moveTo(x, y)));
      c.closePath();
      c.fill("nonzero");
      const a = c.getImageData(0, 0, w, h).data;
      const m = new Uint8Array(w * h);
      for (let i = 0; i < m.length; i++) m[i] = a[4 * i + 3] >= 128 ? 1 : 0;
      return { m, w, h };
    });
  }
  // Squared Euclidean distance (in pixels) of every pixel to the nearest pixel of the mask
  // (Felzenszwalb & Huttenlocher's two-pass transform).
  function distances({ m, w, h }) {
    const INF = 1e20;
    const d = new Float64Array(w * h);
    for (let i = 0; i < d.length; i++) d[i] = m[i] ? 0 : INF;
    const n = Math.max(w, h);
    const f = new Float64Array(n), z = new Float64Array(n + 1), v = new Int32Array(n), out = new Float64Array(n);
    const pass = (len, get, set) => {
      for (let q = 0; q < len; q++) f[q] = get(q);
      let k = 0;
      v[0] = 0; z[0] = -INF; z[1] = INF;
      for (let q = 1; q < len; q++) {
        let s;
        for (;;) {
          s = (f[q] + q * q - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
          if (s <= z[k] && k > 0) k--; else break;
        }
        if (s <= z[k]) { v[0] = q; z[0] = -INF; z[1] = INF; k = 0; continue; }
        k++; v[k] = q; z[k] = s; z[k + 1] = INF;
      }
      k = 0;
      for (let q = 0; q < len; q++) {
        while (z[k + 1] < q) k++;
        out[q] = (q - v[k]) * (q - v[k]) + f[v[k]];
      }
      for (let q = 0; q < len; q++) set(q, out[q]);
    };
    for (let x = 0; x < w; x++) pass(h, (y) => d[y * w + x], (y, val) => { d[y * w + x] = val; });
    for (let y = 0; y < h; y++) pass(w, (x) => d[y * w + x], (x, val) => { d[y * w + x] = val; });
    return d;
  }
  /** Overlap (intersection over union) and greatest distance (Hausdorff, CSS px) of two outlines. */
  function compareShapes(a, b) {
    const [ma, mb] = masks([a, b]);
    const area = (x) => x.m.reduce((s, v) => s + v, 0);
    // One side draws nothing (a degenerate polygon): no distance to measure.
    if (!area(ma) || !area(mb)) return { iou: area(ma) === area(mb) ? 1 : 0, hausdorff: area(ma) === area(mb) ? 0 : null };
    let both = 0, either = 0;
    for (let i = 0; i < ma.m.length; i++) {
      both += ma.m[i] & mb.m[i];
      either += ma.m[i] | mb.m[i];
    }
    const da = distances(ma), db = distances(mb);
    let worst = 0;
    for (let i = 0; i < ma.m.length; i++) {
      if (ma.m[i]) worst = Math.max(worst, db[i]);
      if (mb.m[i]) worst = Math.max(worst, da[i]);
    }
    return { iou: either ? both / either : 1, hausdorff: Math.sqrt(worst) / PX };
  }

  // --- timers --------------------------------------------------------------------------------
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  // Average time of one call over a round of at least `ms` milliseconds.
  const round = (fn, ms) => {
    let reps = 0;
    const t0 = performance.now();
    let t1 = t0;
    while (t1 - t0 < ms) { fn(); reps++; t1 = performance.now(); }
    return (t1 - t0) / reps;
  };
  // Both sides in turns, nine rounds of 50 ms each, the median round of each side.
  const compare = (a, b) => {
    for (let i = 0; i < 5; i++) { a(); b(); }
    const as = [], bs = [];
    for (let r = 0; r < 9; r++) { as.push(round(a, 50)); bs.push(round(b, 50)); }
    return [median(as), median(bs)];
  };
  /** The smallest step performance.now() takes here (ms). */
  const timerStep = () => {
    let best = Infinity;
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      let t1 = t0;
      while (t1 === t0) t1 = performance.now();
      best = Math.min(best, t1 - t0);
    }
    return best;
  };

  /** B1 for one stroke: shapes compared, vertices counted, both sides timed with their path. */
  function b1(m, name, pts) {
    const f = flat(pts);
    const ink = Array.from(m.bench_outline_xy(f, SIZE));
    const inkPoly = [];
    for (let i = 0; i < ink.length; i += 2) inkPoly.push([ink[i], ink[i + 1]]);
    const pf = pfStroke(pts, PF_DONE);
    const shape = compareShapes(inkPoly, pf);
    const live = compareShapes(inkPoly, pfStroke(pts, PF_OPTS));
    const old = compareShapes(inkPoly, pfStroke(pts, PF_OLD));
    const c = ctx2d();
    const [inkMs, pfMs] = compare(
      () => m.bench_outline_path(f, SIZE, c),
      () => tracePf(c, pfStroke(pts, PF_DONE)),
    );
    const [inkBareMs, pfBareMs] = compare(() => m.bench_outline(f, SIZE), () => pfStroke(pts, PF_DONE));
    return {
      name, n: pts.length, inkVertices: inkPoly.length, pfVertices: pf.length, ...shape,
      oldIou: old.iou, oldHausdorff: old.hausdorff, liveIou: live.iou, liveHausdorff: live.hausdorff,
      inkMs, pfMs, ratio: pfMs / inkMs, inkBareMs, pfBareMs, bareRatio: pfBareMs / inkBareMs,
    };
  }

  /**
   * B2 for one stroke: drawn point by point, each update timed on its own. ink: push, then
   * trace what the screen paints (the newly settled piece and the tail); and push, then the
   * whole outline without a path. perfect-freehand: the whole outline of the points so far,
   * traced. `runs` rounds, the sides in turns.
   */
  function b2(m, pts, runs) {
    const c = ctx2d();
    const times = { inkPath: [], inkWhole: [], pf: [] };
    const timed = (into, update) => {
      for (let i = 0; i < pts.length; i++) {
        const t0 = performance.now();
        update(i);
        into.push(performance.now() - t0);
      }
    };
    // One untimed round first (the JIT's first calls).
    for (let r = -1; r < runs; r++) {
      if (r < 0) {
        const w = new m.BenchStroke(SIZE);
        pts.forEach((p, i) => { w.push_path(p[0], p[1], p[2], p[3], c); tracePf(c, pfStroke(pts.slice(0, i + 1))); });
        w.free();
        continue;
      }
      let s = new m.BenchStroke(SIZE);
      timed(times.inkPath, (i) => s.push_path(pts[i][0], pts[i][1], pts[i][2], pts[i][3], c));
      s.free();
      s = new m.BenchStroke(SIZE);
      timed(times.inkWhole, (i) => s.push(pts[i][0], pts[i][1], pts[i][2], pts[i][3]));
      s.free();
      timed(times.pf, (i) => tracePf(c, pfStroke(pts.slice(0, i + 1))));
    }
    // Per point: each run's total over its points, the median run (a pause of the machine or a
    // garbage collection lands in one run, not in the figure); p50/p99/max over every update.
    const stats = (xs) => {
      const s = Float64Array.from(xs).sort();
      const n = pts.length;
      const perRun = Array.from({ length: xs.length / n }, (_, r) => xs.slice(r * n, (r + 1) * n).reduce((a, b) => a + b, 0) / n);
      return { mean: median(perRun), p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1], updates: xs.length };
    };
    return { n: pts.length, runs, inkPath: stats(times.inkPath), inkWhole: stats(times.inkWhole), pf: stats(times.pf) };
  }

  window.BenchInk = { SIZE, PF_OPTS, b1, b2, timerStep, compareShapes };
})();
