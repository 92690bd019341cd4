// The raw output of a benchmark run, kept: every `cargo xtask bench` script writes what it
// measured as JSON, with the commit, the time, the machine's load and the browser, to
// `target/bench/<name>-<time>.json` (SPEELRUIMTE_BENCH_DIR when xtask sets it), and prints
// where. The tables in BENCHMARKS.md are printed from the same numbers.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What the run was measured on: commit (and whether the tree had changes), time, load. */
export function context() {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    } catch {
      return null;
    }
  };
  return {
    commit: git("rev-parse", "HEAD"),
    dirty: (git("status", "--porcelain", "--untracked-files=no") ?? "") !== "",
    date: new Date().toISOString(),
    loadavg: readFileSync("/proc/loadavg", "utf8").trim(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
  };
}

/** One line naming the run, for the top of a printed table. */
export function heading(ctx, ua) {
  const chrome = ua?.match(/Chrome\/[\d.]+/)?.[0];
  const load = ctx.loadavg.split(" ").slice(0, 3).join(" ");
  return `commit ${ctx.commit?.slice(0, 7)}${ctx.dirty ? "+changes" : ""}, ${ctx.date}, load ${load}${chrome ? `, ${chrome}` : ""}`;
}

/** Writes `data` with the run's context under the bench folder; returns the file's path. */
export function save(name, ctx, data) {
  const dir = process.env.SPEELRUIMTE_BENCH_DIR ?? fileURLToPath(new URL("../../target/bench", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${ctx.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ bench: name, ...ctx, ...data }, null, 1));
  console.log(`\nraw output: ${file}`);
  return file;
}

/**
 * Serves the pages of `url` in `browserContext` cross-origin isolated (COOP + COEP headers
 * added on the way in, so the server stays as it ships): there Chromium's performance.now()
 * steps by 5 µs instead of 100 µs. Check `self.crossOriginIsolated` in the page.
 */
export async function isolate(browserContext, url) {
  await browserContext.route(`${url}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
    // The body comes decoded; the server's brotli or gzip no longer applies.
    delete headers["content-encoding"];
    delete headers["content-length"];
    await route.fulfill({ response, headers, body: await response.body() });
  });
}
