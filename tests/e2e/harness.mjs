// Test helpers: start the real server on a free port with a fresh data folder, launch
// Debian's chromium through playwright-core, draw with a pen through the DevTools protocol.
// When something fails, the server's log and the page's console are printed with the error.
import { spawn } from "node:child_process";
import { before, after } from "node:test";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const SERVER = process.env.SPEELRUIMTE_SERVER ?? "../../target/release/speelruimte-server";
export const WEB_DIR = path.resolve(process.env.SPEELRUIMTE_WEB_DIR ?? "../../dist");
export const ARTIFACTS = path.resolve("artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Starts the server on a fresh data folder, serving the built app in `webDir` (the build under
 * test by default); resolves once it has printed both the address it listens on and the setup
 * link (a fresh folder always has one), with both. Given the `dataDir` and `port` of a server
 * stopped with `stop({ keep: true })`, it starts that server again: same folder, same address
 * (so the browser's cookies still fit), no setup link.
 */
export async function startServer({ webDir = WEB_DIR, dataDir: again, port = 0 } = {}) {
  const dataDir = again ?? mkdtempSync(path.join(tmpdir(), "speelruimte-e2e-"));
  const child = spawn(SERVER, ["--port", String(port), "--data-dir", dataDir, "--web-dir", webDir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "info" },
  });
  let log = "";
  let url = null;
  let setupLink = null;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its address and setup link in 30 s:\n${log}`)), 30_000);
    const onData = (chunk) => {
      log += chunk.toString();
      setupLink ??= log.match(/Setup link \(one use\): (\S+)/)?.[1] ?? null;
      url ??= log.match(/Listening on (http:\/\/\S+)/)?.[1] ?? null;
      // The setup line comes a line after the address, maybe in a later chunk: wait for both.
      if (url && (setupLink || again)) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => { log += c.toString(); });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  await ready;
  let running = true;
  return {
    url,
    setupLink,
    dataDir,
    port: Number(new URL(url).port),
    log: () => log,
    /** Stops the server; with `keep`, its data folder stays (to start it again). */
    async stop({ keep = false } = {}) {
      if (running && child.exitCode === null && child.signalCode === null) {
        running = false;
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** How chromium is started here, as the machine's notes say it runs. */
const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
};

/** Launches headless chromium; each `newPage` context is a fresh, off-the-record profile. */
export function launch() {
  return chromium.launch(CHROMIUM);
}

/**
 * Launches headless chromium on a real profile kept in `userDataDir` (not off the record, as
 * the contexts of `launch` are): a browser context, for what Chromium allows only there, such
 * as calling a site installable.
 */
export function launchWithProfile(userDataDir, viewport = { width: 1024, height: 768 }, options = {}) {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, viewport, ...options });
}

/**
 * A fresh context (own cookies) and page at a tablet size, by default at pixel ratio 1;
 * console errors are collected.
 */
export async function newPage(browser, viewport = { width: 1024, height: 768 }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, hasTouch: true, deviceScaleFactor });
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  // The pixels of any canvas, whatever its context (the drawing's paper and ink layers show
  // bitmaps), through a copy onto a 2D canvas.
  await context.addInitScript(() => {
    window.__canvasPixels = (c, x, y, w, h) => {
      const copy = document.createElement("canvas");
      copy.width = c.width;
      copy.height = c.height;
      const ctx = copy.getContext("2d");
      ctx.drawImage(c, 0, 0);
      return ctx.getImageData(x, y, w, h).data;
    };
    // A layer as one canvas: the layer itself, or (the ink layer) its tiles put together at
    // their places (data-x, data-y, device px) on a canvas the size of the paper layer.
    window.__layerCanvas = (layer) => {
      const el = document.querySelector(`[data-layer="${layer}"]`);
      if (el.tagName === "CANVAS") return el;
      const paper = document.querySelector('canvas[data-layer="paper"]');
      const whole = document.createElement("canvas");
      whole.width = paper.width;
      whole.height = paper.height;
      const ctx = whole.getContext("2d");
      for (const t of el.querySelectorAll("canvas")) ctx.drawImage(t, Number(t.dataset.x), Number(t.dataset.y));
      return whole;
    };
  });
  return page;
}

/** Saves a screenshot under tests/e2e/artifacts/ for a person to look at. */
export async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/**
 * One pen event through the DevTools protocol session `cdp` ("mousePressed", "mouseMoved",
 * "mouseReleased"): the page receives a PointerEvent of type pen at [x, y] (CSS px of the page)
 * with `pressure` = force, `buttons` pressed.
 */
export function penEvent(cdp, type, [x, y, force], buttons) {
  return cdp.send("Input.dispatchMouseEvent", {
    type, x, y, force, button: "left", buttons, clickCount: 1, pointerType: "pen",
  });
}

const sessions = new WeakMap();

/**
 * The page's own DevTools protocol session for input, made once and kept attached while the
 * page lives. Detaching a session makes Chromium forget the offline emulation for the page's
 * `navigator.onLine` (it reads true and the page gets an `online` event while the network is
 * still off), so the input helpers never detach one.
 */
export async function inputSession(page) {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  return sessions.get(page);
}

/**
 * Draws one pen stroke through the DevTools protocol, so the page receives real pen
 * PointerEvents whose `pressure` is `force`. `points` are [x, y, pressure] in CSS px of the page.
 */
export async function penStroke(page, points) {
  const cdp = await inputSession(page);
  const send = (type, point, buttons) => penEvent(cdp, type, point, buttons);
  await send("mousePressed", points[0], 1);
  for (const p of points.slice(1)) await send("mouseMoved", p, 1);
  await send("mouseReleased", points.at(-1), 0);
}

/** Straight line from a to b in n steps, pressure going from p0 to p1. */
export function line([x0, y0], [x1, y1], n, p0, p1) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const f = i / n;
    return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, p0 + (p1 - p0) * f];
  });
}

/**
 * A page script (for `addInitScript`) that counts the animation frames the page asks for, in
 * `window.__frames`: a screen at rest should ask for none.
 */
export function countAnimationFrames() {
  window.__frames = 0;
  const ask = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (f) => { window.__frames++; return ask(f); };
}

/** How many animation frames the page has asked for (see `countAnimationFrames`). */
export function framesAsked(page) {
  return page.evaluate(() => window.__frames);
}

/**
 * Waits until finished strokes are on the ink layer: they show as live strokes until the pen
 * has rested a moment, then move onto the ink layer (the live grid's `data-pending` counts the
 * strokes live or waiting).
 */
export function inkSettled(page) {
  return page.waitForFunction(() => document.querySelector('[data-layer="live"][data-pending="0"]'), null, { timeout: 5000 });
}

/** Thickness of the ink across column `x` of the ink layer (CSS px of mostly opaque pixels). */
export async function inkThicknessAt(page, x) {
  await inkSettled(page);
  return page.evaluate((x) => {
    const c = window.__layerCanvas("ink");
    const r = document.querySelector('[data-layer="ink"]').getBoundingClientRect();
    const scale = c.width / r.width;
    const col = window.__canvasPixels(c, Math.round((x - r.left) * scale), 0, 1, c.height);
    let n = 0;
    for (let i = 3; i < col.length; i += 4) if (col[i] > 127) n++;
    return n / scale;
  }, x);
}

/**
 * Number of mostly opaque pixels on an ink layer (`layer` = its data-layer), optionally only
 * within a band of rows given as fractions of the height: how much ink shows, and where.
 */
export async function inkPixels(page, layer = "ink", band = [0, 1]) {
  if (layer === "ink") await inkSettled(page);
  return page.evaluate(([layer, band]) => {
    const c = window.__layerCanvas(layer);
    const y0 = Math.floor(c.height * band[0]), y1 = Math.ceil(c.height * band[1]);
    const d = window.__canvasPixels(c, 0, y0, c.width, Math.max(1, y1 - y0));
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 127) n++;
    return n;
  }, [layer, band]);
}

/**
 * What a person sees: a screenshot of the page decoded in the page itself. Within `box` (CSS
 * px), `visible` counts the pixels that differ from `paper` [r, g, b] by more than `tolerance`
 * in some channel (catches layers that hide ink even when the canvases hold the right pixels),
 * and `darkest` is the lowest channel value of any pixel.
 */
export async function seen(page, box, paper = [255, 255, 255], tolerance = 60) {
  const png = (await page.screenshot({ clip: box })).toString("base64");
  return page.evaluate(async ([png, paper, tolerance]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const cx = c.getContext("2d");
    cx.drawImage(img, 0, 0);
    const d = cx.getImageData(0, 0, c.width, c.height).data;
    let visible = 0, darkest = 255;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.max(Math.abs(d[i] - paper[0]), Math.abs(d[i + 1] - paper[1]), Math.abs(d[i + 2] - paper[2])) > tolerance) visible++;
      darkest = Math.min(darkest, d[i], d[i + 1], d[i + 2]);
    }
    return { visible, darkest };
  }, [png, paper, tolerance]);
}

/** How many pixels of `box` a person sees differ from the paper (see [`seen`]). */
export async function visiblePixels(page, box, paper, tolerance) {
  return (await seen(page, box, paper, tolerance)).visible;
}

/** Two fingers drawing at once, from a0→a1 and b0→b1, through the DevTools protocol. */
export async function twoFingerStroke(page, [a0, a1], [b0, b1], steps = 20) {
  const cdp = await inputSession(page);
  const at = (p, q, f) => [p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f];
  const points = (f) => [
    { x: at(a0, a1, f)[0], y: at(a0, a1, f)[1], id: 1, radiusX: 5, radiusY: 5, force: 0.5 },
    { x: at(b0, b1, f)[0], y: at(b0, b1, f)[1], id: 2, radiusX: 5, radiusY: 5, force: 0.5 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: points(0) });
  for (let i = 1; i <= steps; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: points(i / steps) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/**
 * Seeds a therapist, client and session, opens that session's drawing screen and waits for the
 * paper. Gives what `seed` gives, with the paper (`frame`), its `box`, and `X`/`Y`, which turn
 * a fraction of the paper's width or height into a page coordinate.
 */
export async function openDrawing(page, server) {
  const seeded = await seed(page, server);
  await page.goto(`${server.url}/clients/${seeded.client.id}/sessies/${seeded.session.id}/tekenen`);
  const frame = page.getByTestId("canvas");
  await frame.waitFor();
  const box = await frame.boundingBox();
  return { ...seeded, frame, box, X: (f) => box.x + box.width * f, Y: (f) => box.y + box.height * f };
}

/** Makes an account, a client with a goal and a session through the API, as the app would. */
export async function seed(page, server, username = "c.bakker") {
  const link = server.setupLink.replace(/^http:\/\/[^/]+/, server.url);
  const token = new URL(link).searchParams.get("token");
  const me = await (await page.request.post(`${server.url}/api/setup`, {
    data: { token, username, display_name: "Carla Bakker", password: "een lange zin als wachtwoord" },
  })).json();
  const headers = { "X-CSRF-Token": me.csrf_token };
  const post = async (p, data) => {
    const r = await page.request.post(server.url + p, { data, headers });
    if (!r.ok()) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const client = await post("/api/clients", { label: "Uil-7", birth_year: 2015, discipline: "beeldend" });
  const goal = await post(`/api/clients/${client.id}/goals`, {
    domain: "lichaamsbeleving", title: "Voelen waar de spanning zit", subgoals: ["Lijf tekenen"],
  });
  const session = await post(`/api/clients/${client.id}/sessions`, { date: "2026-11-24", notes: "Eerste kennismaking" });
  return { client, goal, session, post };
}

/**
 * Reads `read()` until `ok(value)` holds and returns that value; after `timeout` ms it fails
 * with `message` (a string, or a function of the last value) and the last value read. For state
 * the page reaches a moment after something else shows: a test waits for the state it
 * asserts, never for time (the `expect.poll` of other runners).
 */
export async function eventually(read, ok, message, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) {
      const what = typeof message === "function" ? message(value) : message;
      throw new Error(`${what} (last seen: ${JSON.stringify(value)})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until attribute `name` of `locator` reads `value` (see `eventually`). */
export function attributeIs(locator, name, value, message, timeout) {
  return eventually(() => locator.getAttribute(name), (v) => v === value, message ?? `${name} is not "${value}"`, timeout);
}

/** Waits until `locator` matches `n` elements (see `eventually`). */
export function countIs(locator, n, message, timeout) {
  return eventually(() => locator.count(), (v) => v === n, message ?? `not ${n} elements`, timeout);
}

/** Waits until the text of `locator` (its `innerText`, trimmed) reads `text` (see `eventually`). */
export function textIs(locator, text, message, timeout) {
  return eventually(() => locator.innerText().then((s) => s.trim()), (v) => v === text, message ?? `the text is not "${text}"`, timeout);
}

/**
 * Waits until the text of `locator` (its `innerText`) matches every one of `patterns` (a
 * RegExp or a list of them) and returns that text (see `eventually`).
 */
export function textMatches(locator, patterns, message, timeout) {
  const all = [patterns].flat();
  return eventually(() => locator.innerText(), (v) => all.every((re) => re.test(v)), message ?? `the text does not match ${all.join(" and ")}`, timeout);
}

/** Waits until the page's `<html lang>` is `lang` (see `eventually`). */
export function langIs(page, lang, message, timeout) {
  return eventually(() => page.evaluate(() => document.documentElement.lang), (v) => v === lang, message ?? `<html lang> is not "${lang}"`, timeout);
}

/**
 * Waits until `page.evaluate(fn, arg)` gives `value` (compared as JSON, so arrays and
 * objects too; see `eventually`).
 */
export function evaluatesTo(page, fn, arg, value, message, timeout) {
  const want = JSON.stringify(value);
  return eventually(() => page.evaluate(fn, arg), (v) => JSON.stringify(v) === want, message ?? `the page does not give ${want}`, timeout);
}

/**
 * The server and browser of one test file: registers `before` (start the server, launch
 * chromium) and `after` (close both) and returns an object whose `server` and `browser` are
 * there from the first test on. With `login`, `before` also seeds a therapist, a client with a
 * goal and a session (see `seed`): `seeded`, and the session cookies to log a page in with
 * (`cookies`).
 */
export function suite({ login = false } = {}) {
  const s = { server: null, browser: null, seeded: null, cookies: null };
  before(async () => {
    s.server = await startServer();
    s.browser = await launch();
    if (login) {
      const page = await newPage(s.browser);
      s.seeded = await seed(page, s.server);
      s.cookies = await page.context().cookies();
      await page.context().close();
    }
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.stop();
  });
  return s;
}

/**
 * Waits until the page has drawn `n` more frames: whatever it asked to draw on the next frame
 * (a live stroke, a replay step) is on screen then, however busy the machine.
 */
export function framesPass(page, n = 2) {
  return page.evaluate((n) => new Promise((done) => {
    const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), n);
}

/**
 * Waits until the page has asked for no animation frame (see `countAnimationFrames`) for
 * `quiet` ms of its clock, and returns how many it had asked for by then. Fails if it never
 * rests within `timeout` ms: a screen that keeps asking drains a tablet's battery.
 */
export async function framesAtRest(page, quiet = 1000, timeout = 15_000) {
  const r = await page.evaluate(([quiet, timeout]) => new Promise((done) => {
    const start = performance.now();
    let last = window.__frames, since = start;
    const look = () => {
      const now = performance.now();
      if (window.__frames !== last) { last = window.__frames; since = now; }
      if (now - since >= quiet) done({ frames: last });
      else if (now - start > timeout) done({ frames: last, busy: true });
      else setTimeout(look, 50);
    };
    look();
  }), [quiet, timeout]);
  if (r.busy) throw new Error(`the page kept asking for frames for ${timeout} ms (${r.frames} in all)`);
  return r.frames;
}

/**
 * Kindermodus: holds the discreet corner until the PIN pad opens (the corner shows "holding"
 * while pressed; the pad comes after 2 s of the page's clock), then lets go. Gives the pad.
 */
export async function holdCorner(page) {
  const corner = page.getByTestId("kiosk-corner");
  const box = await corner.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  try {
    await page.locator('[data-testid="kiosk-corner"][data-state="holding"]').waitFor({ timeout: 2000 });
    await page.getByTestId("pin-pad").waitFor({ timeout: 10_000 });
  } finally {
    await page.mouse.up();
  }
  return page.getByTestId("pin-pad");
}

/** Types `pin` on the kindermodus PIN pad (once it takes digits) and taps OK. */
export async function typePin(page, pin) {
  const pad = page.getByTestId("pin-pad");
  await attributeIs(pad, "data-state", "ready", "the PIN pad does not take digits", 15_000);
  for (const d of pin) await pad.locator(`[data-digit="${d}"]`).click();
  await attributeIs(page.getByTestId("pin-dots"), "data-count", String(pin.length), "the digits did not all arrive");
  await pad.getByTestId("pin-ok").click();
}
