// The app shell offline: Chromium calls the app installable; once its service worker runs,
// the app starts and a work form opens and draws with the server gone; the worker keeps no
// /api answer; and a new build waits, with a calm note on the therapist's screens, until the
// therapist switches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import {
  WEB_DIR, attributeIs, countIs, evaluatesTo, inkPixels, launchWithProfile, line, newPage, penStroke, seed, shot, startServer, suite, textMatches,
} from "./harness.mjs";
import { violations } from "./axe.mjs";

const env = suite({ login: true });

/** Waits until a service worker is active and controls `page`. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await evaluatesTo(page, () => navigator.serviceWorker.controller?.state ?? null, null, "activated",
    "no service worker controls the page", 15_000);
}

/** The names of the page's Cache Storage caches and every URL in each. */
function cacheStorage(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });
}

/** The shell the build wrote into a built app's sw.js: its version and files. */
function shellOf(dir) {
  const line = readFileSync(path.join(dir, "sw.js"), "utf8").split("\n").find((l) => l.startsWith("self.SHELL = "));
  assert.ok(line, `no shell line in ${dir}/sw.js`);
  return Function(`const self = {}; ${line} return self.SHELL;`)();
}

/**
 * The version of the files as `cargo xtask build` computes it (crates/xtask/src/shell.rs):
 * SHA-256 over each file, in path order, of its path, its length and its bytes; 16 hex digits.
 */
function versionOf(dir, files) {
  const h = createHash("sha256");
  for (const f of [...files].sort()) {
    const bytes = readFileSync(path.join(dir, f));
    h.update(`${f}\n${bytes.length}\n`);
    h.update(bytes);
  }
  return h.digest("hex").slice(0, 16);
}

/** Writes `text` to `file` in a built app with its brotli and gzip twins, as the build does. */
function writeBuilt(dir, file, text) {
  writeFileSync(path.join(dir, file), text);
  writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text));
  writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text));
}

test("Chromium calls the app installable: a manifest, its icons and a worker, no errors", async (t) => {
  // Chromium installs nothing from an off-the-record profile ("in-incognito"): a real one.
  const profile = mkdtempSync(path.join(tmpdir(), "speelruimte-profile-"));
  const context = await launchWithProfile(profile);
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  try {
    await page.goto(`${env.server.url}/login`);
    await page.locator('input[name="username"]').waitFor();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.ok(manifest.url, "the page links no manifest");
    assert.deepEqual(manifest.errors, [], "the manifest has errors");
    assert.equal(new URL(manifest.url).pathname, "/manifest.webmanifest");
    const data = JSON.parse(manifest.data);
    assert.equal(data.display, "standalone");
    assert.equal(data.start_url, "/");
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "Chromium finds the app not installable");
    await cdp.detach();
  } catch (e) {
    t.diagnostic(`console:\n${errors.join("\n")}`);
    throw e;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("with the worker running, the app starts and a drawing opens and draws with the server gone", async (t) => {
  // A server of its own, stopped in the middle.
  const server = await startServer();
  let running = true;
  const page = await newPage(env.browser);
  try {
    const { client, session } = await seed(page, server);
    await page.goto(server.url);
    await page.getByTestId("client-list").waitFor();
    await controlled(page);

    await page.context().setOffline(true);
    await server.stop();
    running = false;
    // The page itself cannot reach the server: what follows comes from the worker's cache.
    await evaluatesTo(page, () => fetch("/api/me").then(() => "reached", () => "unreachable"), null, "unreachable",
      "the page still reaches the server");

    await page.reload();
    // The client list screen: its top bar, and in place of the list the reason.
    await page.locator(".topbar h1").waitFor();
    await textMatches(page.locator("main .error"), /Geen verbinding met de server/, "the list does not say there is no connection");
    await shot(page, "offline-clients-1024x768");

    // A work form opens as a real navigation and draws.
    await page.goto(`${server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
    const frame = page.getByTestId("canvas");
    await frame.waitFor();
    const box = await frame.boundingBox();
    await penStroke(page, line([box.x + box.width * 0.2, box.y + box.height * 0.5], [box.x + box.width * 0.7, box.y + box.height * 0.55], 30, 0.4, 0.9));
    await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
    assert.ok((await inkPixels(page)) > 200, "the stroke drawn offline left no ink");
    await shot(page, "offline-drawing-1024x768");

    // A new tab knows no therapist: the login screen, saying why logging in cannot work now.
    const other = await page.context().newPage();
    await other.goto(`${server.url}/clients/${client.id}`);
    await textMatches(other.getByTestId("offline-login"), /Geen verbinding met de server/, "the login screen does not say why");
    await other.locator('input[name="username"]').waitFor();
    await shot(other, "offline-login-1024x768");
    assert.deepEqual(page.errors.filter((e) => !/Failed to (load resource|fetch)|ERR_INTERNET_DISCONNECTED/.test(e)), [],
      "the page logged errors offline");
  } catch (e) {
    t.diagnostic(`server log:\n${server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    if (running) await server.stop();
  }
});

test("after using the app, Cache Storage holds the shell and no /api answer", async (t) => {
  const page = await newPage(env.browser);
  const { client, session, goal } = env.seeded;
  try {
    await page.context().addCookies(env.cookies);
    await page.goto(env.server.url);
    await page.getByTestId("client-list").waitFor();
    await controlled(page);
    // Every kind of screen, with the server's answers read through the controlled page: a
    // client, a session, a saved drawing and the review that shows it (its blobs come from /api).
    await page.goto(`${env.server.url}/clients/${client.id}`);
    await page.getByTestId("goal-list").waitFor();
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}`);
    await page.locator('a[href$="/tekenen"]').waitFor();
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
    const box = await page.getByTestId("canvas").boundingBox();
    await penStroke(page, line([box.x + 100, box.y + 200], [box.x + 400, box.y + 260], 20, 0.4, 0.9));
    await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
    await page.locator(`[data-goal="${goal.id}"]`).click();
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    await page.locator(".thumb img").first().waitFor();
    await evaluatesTo(page, () => document.querySelector(".thumb img").complete, null, true, "the thumbnail did not load");

    const stored = await cacheStorage(page);
    const names = Object.keys(stored);
    const { version, files } = shellOf(WEB_DIR);
    assert.deepEqual(names, [`speelruimte-shell-${version}`], "not exactly this build's cache");
    const urls = Object.values(stored).flat();
    assert.deepEqual(urls.filter((u) => u.startsWith("/api")), [], "Cache Storage keeps answers of the API");
    assert.deepEqual([...urls].sort(), [...files].sort(), "the cache is not the shell of this build");
    for (const needed of ["/index.html", "/app.js", "/app_bg.wasm", "/boot.js", "/style.css", "/manifest.webmanifest", "/assets/icons/icon-512.png"]) {
      assert.ok(files.includes(needed), `${needed} is not in the shell`);
    }
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("a new build waits with a calm note until the therapist switches, then runs alone", async (t) => {
  // A copy of the build under test, served by a server of its own, becomes a second build.
  const dir = mkdtempSync(path.join(tmpdir(), "speelruimte-build-"));
  cpSync(WEB_DIR, dir, { recursive: true });
  const server = await startServer({ webDir: dir });
  const page = await newPage(env.browser);
  let loads = 0;
  page.on("framenavigated", (f) => { if (f === page.mainFrame()) loads++; });
  try {
    const first = shellOf(dir);
    assert.equal(first.version, versionOf(dir, first.files), "the build's version is not the hash of its files");
    const { client, session } = await seed(page, server);
    await page.goto(`${server.url}/clients/${client.id}`);
    await page.getByTestId("goal-list").waitFor();
    await controlled(page);
    // Once the page has looked for a new version (a start looks), the first one is not "new".
    await page.reload();
    await page.getByTestId("goal-list").waitFor();
    await attributeIs(page.locator("html"), "data-update", "none", "the page did not finish looking for a new version");
    assert.equal(await page.getByTestId("update-banner").count(), 0, "the first version announced itself as new");

    // The second build: another index.html, so another version, as `cargo xtask build` writes it.
    const marker = '<meta name="speelruimte-bouw" content="tweede">';
    writeBuilt(dir, "index.html", readFileSync(path.join(dir, "index.html"), "utf8").replace("</head>", `  ${marker}\n</head>`));
    const second = { version: versionOf(dir, first.files), files: first.files };
    assert.notEqual(second.version, first.version);
    const worker = readFileSync(path.join(dir, "sw.js"), "utf8")
      .replace(/^self\.SHELL = .*$/m, `self.SHELL = { version: ${JSON.stringify(second.version)}, files: ${JSON.stringify(second.files)} };`);
    writeBuilt(dir, "sw.js", worker);
    const isSecond = () => page.evaluate(() => document.querySelector('meta[name="speelruimte-bouw"]') !== null);

    // The next screen the therapist opens finds the new version: it waits, the old one runs.
    await page.goto(`${server.url}/clients/${client.id}/sessies/${session.id}`);
    await page.getByTestId("update-banner").waitFor({ timeout: 15_000 });
    await textMatches(page.getByTestId("update-banner"), /Nieuwe versie klaar/);
    assert.equal(await isSecond(), false, "the new version runs before the therapist switched");
    assert.deepEqual(Object.keys(await cacheStorage(page)).sort(),
      [`speelruimte-shell-${first.version}`, `speelruimte-shell-${second.version}`].sort(), "both versions are not kept while one waits");
    // A reload, and a work form, still run the old version; a work form shows no note.
    await page.reload();
    await page.getByTestId("update-banner").waitFor();
    assert.equal(await isSecond(), false, "a reload switched to the new version");
    await page.goto(`${server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
    await page.getByTestId("canvas").waitFor();
    await attributeIs(page.locator("html"), "data-update", "waiting", "the work form does not know the new version waits");
    assert.equal(await page.getByTestId("update-banner").count(), 0, "a work form shows the note");
    assert.equal(await isSecond(), false, "opening a work form switched to the new version");

    // The note on the therapist's screens, looked at and checked with axe-core, in both languages.
    await page.goto(`${server.url}/`);
    await page.getByTestId("update-banner").waitFor();
    assert.deepEqual(await violations(page, "clients, new version ready"), [], "axe-core found violations");
    for (const [w, h] of [[1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `update-banner-${w}x${h}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(wide, false, `the note scrolls sideways at ${w}x${h}`);
      const button = await page.getByTestId("update-now").boundingBox();
      assert.ok(button.height >= 48 && button.width >= 48, `the switch button is small at ${w}x${h}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => localStorage.setItem("speelruimte.taal", "en"));
    await page.reload();
    await textMatches(page.getByTestId("update-banner"), /New version ready/);
    assert.deepEqual(await violations(page, "clients, new version ready (en)"), [], "axe-core found violations");
    await page.evaluate(() => localStorage.removeItem("speelruimte.taal"));
    await page.reload();
    await page.getByTestId("update-banner").waitFor();
    assert.equal(await isSecond(), false);

    // The therapist switches: one reload, the new version, the old cache gone, no note.
    await page.evaluate(() => { window.beforeSwitch = true; });
    const before = loads;
    const reloaded = page.waitForEvent("load", { timeout: 15_000 });
    await page.getByTestId("update-now").click();
    await reloaded;
    assert.equal(await isSecond(), true, "the new version does not run after switching");
    assert.equal(await page.evaluate(() => window.beforeSwitch ?? false), false, "the page was not reloaded");
    await page.getByTestId("client-list").waitFor();
    await countIs(page.getByTestId("update-banner"), 0, "the note stays after switching");
    await evaluatesTo(page, () => caches.keys(), null, [`speelruimte-shell-${second.version}`], "the old version's cache was kept");
    assert.equal(loads - before, 1, "switching did not reload exactly once");
  } catch (e) {
    t.diagnostic(`server log:\n${server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
