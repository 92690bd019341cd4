// Kindermodus: the therapist sets a PIN (typed twice) and starts the drawing "voor de cliënt";
// then the back button, a reload, typing another address and a second tab all show the same
// drawing with its strokes, the server refuses the rest from the page itself, wrong PINs keep it
// locked with a growing wait shown, and the right PIN leads back to the session. A time frame
// shows the calm "bijna klaar" cue near its end. Each lock is on a login session of its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  suite, newPage, shot, penStroke, line, attributeIs, eventually, textMatches, holdCorner, typePin, countIs,
} from "./harness.mjs";

const env = suite({ login: true });
const PIN = "2468";
const SIZES = [
  { name: "1024x768", width: 1024, height: 768 },
  { name: "768x1024", width: 768, height: 1024 },
  { name: "phone-390x844", width: 390, height: 844 },
];

/** A page in a context of its own, logged in with a login session of its own. */
async function loggedIn(viewport) {
  const page = await newPage(env.browser, viewport);
  const r = await page.request.post(`${env.server.url}/api/login`, {
    data: { username: "c.bakker", password: "een lange zin als wachtwoord" },
  });
  assert.ok(r.ok(), `login: ${r.status()}`);
  page.csrf = (await r.json()).csrf_token;
  return page;
}

/** What the page's own fetch answers (status) for `path`, sent as the app would. */
function fetchStatus(page, path, method = "GET") {
  return page.evaluate(async ([path, method, csrf]) => {
    const r = await fetch(path, { method, headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" });
    return r.status;
  }, [path, method, page.csrf]);
}

/** Shots of the page as it stands at every size, back at the first size afterwards. */
async function shots(page, name) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await shot(page, `kiosk-${name}-${size.name}`);
  }
  await page.setViewportSize(SIZES[0]);
}

const sessionPath = () => `/clients/${env.seeded.client.id}/sessies/${env.seeded.session.id}`;

async function withPage(t, fn, viewport) {
  const page = await loggedIn(viewport);
  try {
    await fn(page);
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), [], "console errors");
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log().slice(-4000)}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
}

test("the PIN is set on the session screen, typed twice, 4 to 8 digits", async (t) => {
  await withPage(t, async (page) => {
    await page.goto(env.server.url + sessionPath());
    await page.getByTestId("kiosk-pin-needed").waitFor();
    const start = page.getByTestId("kiosk-start-beeldend");
    assert.equal(await start.isDisabled(), true, "no start without a PIN");
    await shots(page, "pin-setup");
    const form = page.getByTestId("kiosk-pin-form");
    await form.getByTestId("kiosk-pin").fill("12a4");
    await form.getByTestId("kiosk-pin-again").fill("12a4");
    await form.getByTestId("kiosk-pin-save").click();
    await textMatches(form.locator(".error"), /4 tot 8 cijfers/);
    await form.getByTestId("kiosk-pin").fill(PIN);
    await form.getByTestId("kiosk-pin-again").fill("2469");
    await form.getByTestId("kiosk-pin-save").click();
    await textMatches(form.locator(".error"), /niet gelijk/);
    await form.getByTestId("kiosk-pin-again").fill(PIN);
    await form.getByTestId("kiosk-pin-save").click();
    await eventually(() => start.isDisabled(), (d) => d === false, "the start buttons stay disabled after the PIN is set");
    for (const form of ["beeldend", "muziek", "spanning"]) await page.getByTestId(`kiosk-start-${form}`).waitFor();
    await shots(page, "session-start");
    // The server keeps it: after a reload the session screen offers the start at once.
    await page.reload();
    await eventually(() => page.getByTestId("kiosk-start-beeldend").isDisabled(), (d) => d === false, "the PIN is not known after a reload");
  });
});

test("locked to the drawing: back, reload, another address and a second tab stay there with the strokes; wrong PINs wait; the right PIN leaves", async (t) => {
  await withPage(t, async (page) => {
    const url = env.server.url;
    const { client } = env.seeded;
    // Another client of the same therapist, made before the lock.
    const other = await (await page.request.post(`${url}/api/clients`, {
      data: { label: "Das-3", birth_year: 2016, discipline: "pmt" }, headers: { "X-CSRF-Token": page.csrf },
    })).json();
    await page.request.put(`${url}/api/kiosk/pin`, { data: { pin: PIN }, headers: { "X-CSRF-Token": page.csrf } });
    await page.goto(url + sessionPath());
    await page.getByTestId("kiosk-minutes").selectOption("20");
    await page.getByTestId("kiosk-start-beeldend").click();
    const drawing = `${url}${sessionPath()}/tekenen`;
    await page.waitForURL(drawing);
    const canvas = page.getByTestId("canvas");
    await canvas.waitFor();
    await page.getByTestId("kiosk-corner").waitFor();
    assert.equal(await page.locator("a.back, [data-testid=lang-switch]").count(), 0, "no way back, no language switch");
    assert.equal(await page.getByRole("button", { name: /uitloggen/i }).count(), 0, "no logout");
    const box = await canvas.boundingBox();
    await penStroke(page, line([box.x + 120, box.y + 150], [box.x + 420, box.y + 260], 20, 0.4, 0.9));
    await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
    await page.locator('main[data-kept="1"]').waitFor();
    await shots(page, "locked-drawing");

    const stillLocked = async (p, how) => {
      await eventually(() => p.url(), (u) => u === drawing, `${how}: not back on the locked drawing`, 10_000);
      await p.locator('[data-testid="canvas"][data-strokes="1"]').waitFor({ timeout: 10_000 });
      await p.getByTestId("kiosk-corner").waitFor();
      assert.equal(await p.locator("a.tile, a.back").count(), 0, `${how}: a way out shows`);
    };
    await page.goBack();
    await stillLocked(page, "back");
    await page.goBack();
    await stillLocked(page, "back twice");
    await page.reload();
    await stillLocked(page, "reload");
    await page.goto(`${url}/`);
    await stillLocked(page, "the client list's address");
    await page.goto(`${url}/clients/${other.id}`);
    await stillLocked(page, "another client's address");
    const tab = await page.context().newPage();
    await tab.goto(`${url}/clients/${client.id}/evaluatie`);
    await stillLocked(tab, "a second tab");
    await tab.close();

    // The server refuses the rest, whatever the page asks.
    assert.equal(await fetchStatus(page, "/api/clients"), 403, "the client list");
    assert.equal(await fetchStatus(page, `/api/clients/${client.id}/sessions`), 403, "this client's sessions");
    assert.equal(await fetchStatus(page, `/api/clients/${other.id}`), 404, "another client");
    assert.equal(await fetchStatus(page, `/api/clients/${other.id}/goals`), 404, "another client's goals");
    assert.equal(await fetchStatus(page, "/api/logout", "POST"), 403, "logging out");
    assert.equal(await fetchStatus(page, `/api/clients/${client.id}/goals`), 200, "the drawing's own goals");

    // Leaving: hold the corner, then the PIN. Three wrong ones: still locked, a wait shown.
    const pad = await holdCorner(page);
    await shots(page, "pin-pad");
    for (let n = 1; n <= 3; n++) {
      await typePin(page, "1357");
      await attributeIs(pad, "data-wrong", String(n), `wrong PIN ${n} was not counted`);
      await textMatches(page.getByTestId("pin-message"), /klopt niet/);
      assert.equal(page.url(), drawing);
    }
    await attributeIs(pad, "data-state", "waiting", "no wait after three wrong PINs");
    await textMatches(page.getByTestId("pin-message"), /Even wachten.*\d+ seconden/);
    await shots(page, "pin-wait");
    // Closing the pad leaves the drawing locked, its strokes there.
    await page.getByTestId("pin-close").click();
    await countIs(page.getByTestId("pin-pad"), 0);
    await stillLocked(page, "the pad closed");
    await holdCorner(page);
    await typePin(page, PIN);
    await page.waitForURL(url + sessionPath());
    await page.getByTestId("kiosk-start-beeldend").waitFor();
    await countIs(page.getByTestId("kiosk-corner"), 0);
    // Normal rights again: the client list, the drawing with its way back and its strokes.
    assert.equal(await fetchStatus(page, "/api/clients"), 200);
    await page.goto(`${url}/`);
    await page.locator("a.tile").first().waitFor();
    await page.goto(drawing);
    await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
    await page.locator("a.back").waitFor();
  });
});

test("a time frame shows a calm 'bijna klaar' near its end and does not stop the work", async (t) => {
  await withPage(t, async (page) => {
    await page.clock.install();
    await page.request.put(`${env.server.url}/api/kiosk/pin`, { data: { pin: PIN }, headers: { "X-CSRF-Token": page.csrf } });
    await page.goto(env.server.url + sessionPath());
    await page.getByTestId("kiosk-minutes").selectOption("5");
    await page.getByTestId("kiosk-start-muziek").click();
    await page.getByTestId("pads").waitFor();
    const cue = page.getByTestId("kiosk-cue");
    await attributeIs(cue, "data-phase", "open", "the cue shows at the start");
    // Five minutes, the cue from one minute before the end.
    await page.clock.fastForward("04:05");
    await attributeIs(cue, "data-phase", "near", "no cue near the end");
    await textMatches(cue, /Bijna klaar/);
    await shots(page, "almost-done");
    await page.clock.fastForward("01:00");
    await attributeIs(cue, "data-phase", "over", "nothing shows once the time is up");
    // Nothing is cut off: the pads still play.
    const pad = await page.locator('[data-pad="0"]').boundingBox();
    await page.mouse.click(pad.x + pad.width / 2, pad.y + pad.height / 2);
    await page.locator('[data-testid="hit-count"][data-hits="1"]').waitFor();
  });
});
