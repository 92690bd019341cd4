// Saved means saved: what a therapist saves goes to the tablet's outbox (IndexedDB) first and
// reaches the server exactly once, byte for byte — offline, across reloads and a browser
// restart, after an expired login — and only under the therapist who made it. Work in
// progress of all three work forms survives a reload; a logout leaves nothing of a client
// behind but that therapist's own unsent items.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { suite, newPage, shot, attributeIs, eventually, evaluatesTo, textMatches, penStroke, line } from "./harness.mjs";
import {
  PASSWORD, tabletStorage, inHttpCache, waitingIs, drawAndSave, playAndSave, exerciseAndSave, runExercise,
  tapPads, switchForm, draftOf, storedArtefacts, storedHashes, logIn,
} from "./tablet.mjs";

const env = suite({ login: true });

/** A page logged in as the seeded therapist, in a context of its own. */
async function loggedIn(viewport) {
  const page = await newPage(env.browser, viewport);
  await page.context().addCookies(env.cookies);
  return page;
}

/** A context for reading the server's side (logged in, never offline). */
async function serverView() {
  const api = await env.browser.newContext();
  await api.addCookies(env.cookies);
  return api;
}

/** A new session of the seeded client (each test its own, so drafts and counts are its own). */
async function newSession(api, date) {
  const me = await (await api.request.get(`${env.server.url}/api/me`)).json();
  const r = await api.request.post(`${env.server.url}/api/clients/${env.seeded.client.id}/sessions`, {
    data: { date, notes: "outbox" }, headers: { "X-CSRF-Token": me.csrf_token },
  });
  assert.ok(r.ok(), `session: ${r.status()}`);
  return r.json();
}

const formUrl = (session, form) => `${env.server.url}/clients/${env.seeded.client.id}/sessies/${session.id}${form ? "/" + form : ""}`;

/** The artefacts of one session on the server. */
async function inSession(api, session) {
  return (await storedArtefacts(api, env.server.url, env.seeded.client.id)).filter((a) => a.session_id === session.id);
}

/** Every item the tablet made arrived once, with the same files byte for byte. */
async function arrivedOnce(api, session, made) {
  const stored = await eventually(() => inSession(api, session), (l) => l.length >= made.length, `not all ${made.length} arrived`, 20_000);
  assert.deepEqual(stored.map((a) => a.id).sort(), made.map((m) => m.id).sort(), "the server holds other artefacts than the tablet made");
  for (const m of made) {
    const a = stored.find((x) => x.id === m.id);
    const want = Object.fromEntries(m.files.map((f) => [f.name, f.sha256]));
    assert.deepEqual(await storedHashes(api, env.server.url, a), want, `the files of ${m.kind} ${m.id} differ from the tablet's`);
  }
}

/** Route failures of every artefact PUT (the server unreachable for uploads only). */
const failPuts = (page) => page.route("**/api/artefacts/*", (r) => (r.request().method() === "PUT" ? r.abort("connectionfailed") : r.continue()));

test("(a) offline across the three work forms: saved on this tablet with the right count; online, each arrives once, byte-identical", async (t) => {
  const api = await serverView();
  const page = await loggedIn();
  try {
    const session = await newSession(api, "2026-12-01");
    await page.goto(formUrl(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await page.context().setOffline(true);
    await drawAndSave(page, 0.3);
    await waitingIs(page, 1);
    await drawAndSave(page, 0.5);
    await waitingIs(page, 2);
    await switchForm(page, "muziek");
    await playAndSave(page, 3);
    await playAndSave(page, 2);
    await waitingIs(page, 4);
    await switchForm(page, "spanning");
    await exerciseAndSave(page);
    await waitingIs(page, 5);
    await textMatches(page.getByTestId("save-status"), /Opgeslagen op deze tablet/);
    await shot(page, "outbox-exercise-on-tablet-1024x768");
    await page.locator("a.back").first().click();
    await waitingIs(page, 5, "the session screen does not show 5 waiting");
    await textMatches(page.getByTestId("outbox"), /5 werkstukken nog te versturen/);
    await shot(page, "outbox-session-waiting-1024x768");

    const made = (await tabletStorage(page)).outbox;
    assert.deepEqual(made.map((m) => m.kind).sort(), ["drawing", "drawing", "exercise", "music", "music"]);
    assert.equal((await inSession(api, session)).length, 0, "something reached the server while offline");

    // The network returns: the browser's own `online` event reaches the page (nothing is
    // dispatched by the test), and the outbox empties.
    await page.evaluate(() => { window.__online = 0; window.addEventListener("online", () => window.__online++); });
    await page.context().setOffline(false);
    await evaluatesTo(page, () => [navigator.onLine, window.__online], null, [true, 1], "the browser did not tell the page it is online");
    await waitingIs(page, 0, "back online, the outbox did not empty");
    await textMatches(page.getByTestId("outbox"), /Alles is verstuurd naar de server/);
    await arrivedOnce(api, session, made);
    assert.deepEqual((await tabletStorage(page)).outbox, [], "the tablet still holds sent items");
    await shot(page, "outbox-session-all-sent-1024x768");
  } catch (e) {
    await shot(page, "failure-outbox-a").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});

test("(b) items waiting through reloads (PUTs failing) arrive once when the server is reached; one waiting a day warns", async (t) => {
  const api = await serverView();
  const page = await loggedIn();
  try {
    const session = await newSession(api, "2026-12-02");
    await failPuts(page);
    await page.goto(formUrl(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await drawAndSave(page, 0.4);
    await page.goto(formUrl(session, "muziek"));
    await page.getByTestId("pads").waitFor();
    await playAndSave(page, 2);
    await waitingIs(page, 2);
    await page.reload();
    await page.getByTestId("pads").waitFor();
    await waitingIs(page, 2, "after a reload the items no longer show as waiting");
    assert.equal(await page.getByTestId("hit-count").getAttribute("data-hits"), "0", "the saved play came back as unsaved work");
    await page.reload();
    await page.getByTestId("pads").waitFor();
    await waitingIs(page, 2, "after a second reload the items no longer show as waiting");
    const made = (await tabletStorage(page)).outbox;
    assert.equal(made.length, 2);

    // A day later (the page's clock moved on), the wait is worth a warning.
    const later = await page.context().newPage();
    await later.addInitScript(() => { const now = Date.now; Date.now = () => now() + 25 * 3600 * 1000; });
    await later.route("**/api/artefacts/*", (r) => (r.request().method() === "PUT" ? r.abort() : r.continue()));
    await later.goto(formUrl(session));
    await attributeIs(later.getByTestId("outbox"), "data-stale", "true", "an item waiting a day gives no warning");
    await later.getByTestId("outbox-stale").waitFor();
    await shot(later, "outbox-session-stale-1024x768");
    await later.close();

    assert.equal((await inSession(api, session)).length, 0);
    await page.unroute("**/api/artefacts/*");
    await page.reload();
    await waitingIs(page, 0, "after the server came back and a reload the outbox did not empty");
    await arrivedOnce(api, session, made);
  } catch (e) {
    await shot(page, "failure-outbox-b").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});

test("(c) a browser restart with the same profile while items wait: after logging in again they arrive once", async (t) => {
  const api = await serverView();
  const profile = mkdtempSync(path.join(tmpdir(), "speelruimte-profile-"));
  const open = () => chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, viewport: { width: 1024, height: 768 }, hasTouch: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let context = await open();
  try {
    const session = await newSession(api, "2026-12-03");
    await context.addCookies(env.cookies);
    let page = context.pages()[0] ?? await context.newPage();
    await page.goto(formUrl(session, "spanning"));
    await page.getByTestId("audience-adult").waitFor();
    await context.setOffline(true);
    await exerciseAndSave(page);
    await switchForm(page, "tekenen");
    await drawAndSave(page, 0.35);
    await waitingIs(page, 2);
    const made = (await tabletStorage(page)).outbox;
    assert.deepEqual(made.map((m) => m.kind).sort(), ["drawing", "exercise"]);
    await context.close();

    context = await open();
    page = context.pages()[0] ?? await context.newPage();
    // The login of the first run ended with the browser: log in again, as the same therapist.
    await logIn(page, env.server.url, "c.bakker");
    await eventually(() => inSession(api, session), (l) => l.length === 2, "after the restart and login the items did not arrive", 20_000);
    await arrivedOnce(api, session, made);
    await page.goto(formUrl(session));
    await waitingIs(page, 0);
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}`);
    throw e;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await api.close();
  }
});

test("(d) work in progress of each work form survives a reload; after a save and a reload nothing is unsaved and nothing is stored twice", async (t) => {
  const api = await serverView();
  const page = await loggedIn();
  const status = page.getByTestId("save-status");
  try {
    const session = await newSession(api, "2026-12-04");
    // Music: played, reloaded, still there; saved, reloaded, gone; saved again, once.
    await page.goto(formUrl(session, "muziek"));
    await page.getByTestId("pads").waitFor();
    await tapPads(page, 3);
    await eventually(() => draftOf(page, "muziek"), (d) => d?.tape.length === 3, "the play is not kept on the tablet");
    await page.reload();
    await attributeIs(page.getByTestId("hit-count"), "data-hits", "3", "the play did not come back after a reload");
    await attributeIs(status, "data-state", "unsaved");
    await page.getByTestId("save").click();
    await attributeIs(status, "data-state", "saved", "the music was not sent");
    await textMatches(status, /Verstuurd naar de server/);
    await eventually(async () => (await tabletStorage(page)).drafts.length, (n) => n === 0, "the saved play is still kept as work in progress");
    await page.reload();
    await page.getByTestId("pads").waitFor();
    assert.equal(await page.getByTestId("hit-count").getAttribute("data-hits"), "0");
    assert.notEqual(await status.getAttribute("data-state"), "unsaved");

    // Exercise: rated and run, reloaded, back at the rating after; saved, reloaded, a new start.
    await page.goto(formUrl(session, "spanning"));
    await runExercise(page);
    await eventually(() => draftOf(page, "spanning"), (d) => d?.step === "after" && d.after[0] === 3, "the run is not kept on the tablet");
    await page.reload();
    await page.getByTestId("run-summary").waitFor();
    assert.equal(await page.getByTestId("tension-value").innerText(), "3", "the rating after did not come back");
    await page.getByTestId("save").click();
    await attributeIs(status, "data-state", "saved", "the exercise was not sent");
    await page.getByTestId("save").click(); // a second tap: the same artefact
    await attributeIs(status, "data-state", "saved");
    await eventually(async () => (await tabletStorage(page)).drafts.length, (n) => n === 0, "the saved run is still kept");
    await page.reload();
    await page.getByTestId("audience-adult").waitFor();
    assert.equal(await page.getByTestId("run-summary").count(), 0, "the saved run came back after a reload");

    const stored = await inSession(api, session);
    assert.deepEqual(stored.map((a) => a.kind).sort(), ["exercise", "music"], "a save was stored twice or not at all");
  } catch (e) {
    await shot(page, "failure-outbox-d").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});

test("(e) logout warns about unsent items in the page, then leaves no client data on the tablet but those items", async (t) => {
  const api = await serverView();
  // A login of its own: logging out ends it on the server.
  const page = await newPage(env.browser);
  try {
    const session = await newSession(api, "2026-12-05");
    await logIn(page, env.server.url, "c.bakker");
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
    // One drawing sent (its blob was shown), one waiting, one unsaved in another session.
    await page.goto(formUrl(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await drawAndSave(page, 0.3, "saved");
    const [sent] = await inSession(api, session);
    await failPuts(page);
    await drawAndSave(page, 0.6);
    const other = await newSession(api, "2026-12-06");
    await page.goto(formUrl(other, "tekenen"));
    const box = await page.getByTestId("canvas").boundingBox();
    await penStroke(page, line([box.x + 40, box.y + 60], [box.x + 240, box.y + 90], 12, 0.5, 0.7));
    await attributeIs(page.locator(".draw-screen"), "data-kept", "1", "the unsaved stroke is not kept");
    await page.evaluate(async () => {
      sessionStorage.setItem("speelruimte.scratch", "x");
      await (await caches.open("speelruimte-test")).put("/api/clients", new Response("[]"));
    });
    const before = await tabletStorage(page);
    assert.ok(before.outbox.length === 1 && before.drafts.length === 1 && before.caches.length === 1 && before.session.includes("speelruimte.scratch"), JSON.stringify(before));

    await page.goto(formUrl(session));
    await page.getByTestId("logout").click();
    const warning = page.getByTestId("unsent-warning");
    await warning.waitFor();
    await textMatches(warning, /1 werkstuk nog te versturen/);
    await shot(page, "outbox-logout-warning-1024x768");
    await page.getByTestId("unsent-stay").click();
    await warning.waitFor({ state: "detached" });
    await page.getByTestId("logout").click();
    await page.getByTestId("unsent-go").click();
    await page.getByRole("heading", { name: "Inloggen" }).waitFor();

    const after = await eventually(() => tabletStorage(page), (s) => s.drafts.length === 0 && s.caches.length === 0, "client data is left on the tablet");
    assert.deepEqual(after.drafts, [], "work in progress is left after logout");
    assert.deepEqual(after.session, [], "session storage is left after logout");
    assert.deepEqual(after.caches, [], "Cache Storage is left after logout");
    assert.deepEqual(after.local.filter((k) => k !== "speelruimte.taal"), [], "local storage is left after logout");
    assert.deepEqual(after.outbox.map((o) => o.id).sort(), before.outbox.map((o) => o.id).sort(), "the unsent items did not all stay");
    assert.ok(after.outbox.every((o) => o.owner === me.therapist_id));
    for (const p of [`/api/artefacts/${sent.id}/blobs/image.png`, `/api/clients/${env.seeded.client.id}/artefacts`, "/api/clients"]) {
      assert.equal(await inHttpCache(page, p), false, `the HTTP cache answers ${p}`);
    }
  } catch (e) {
    await shot(page, "failure-outbox-e").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});

test("(f) after an expired login the items wait; another therapist on the tablet neither sees nor sends them; they go once their own therapist logs in", async (t) => {
  const api = await serverView();
  const page = await loggedIn();
  const puts = [];
  page.on("request", (r) => { if (r.method() === "PUT") puts.push(r.url()); });
  try {
    const session = await newSession(api, "2026-12-07");
    // A colleague, with a client and session of her own.
    const me = await (await api.request.get(`${env.server.url}/api/me`)).json();
    const { token } = await (await api.request.post(`${env.server.url}/api/invites`, { headers: { "X-CSRF-Token": me.csrf_token } })).json();
    const other = await env.browser.newContext();
    const b = await (await other.request.post(`${env.server.url}/api/setup`, {
      data: { token, username: "b.devries", display_name: "Bram de Vries", password: PASSWORD },
    })).json();
    const post = async (p, data) => (await other.request.post(env.server.url + p, { data, headers: { "X-CSRF-Token": b.csrf_token } })).json();
    const bClient = await post("/api/clients", { label: "Vos-3", birth_year: 2014, discipline: "muziek" });
    const bSession = await post(`/api/clients/${bClient.id}/sessions`, { date: "2026-12-07" });
    await other.close();

    // The login expires (the cookie is gone) while the drawing is made: the PUT is refused
    // for the login, and the item waits for the same therapist.
    await page.goto(formUrl(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await page.context().clearCookies();
    await drawAndSave(page, 0.4);
    await waitingIs(page, 1);
    const made = (await tabletStorage(page)).outbox;
    assert.equal(made.length, 1, "the drawing is not in the tablet's outbox");
    await eventually(() => puts.length, (n) => n >= 1, "the app did not try to send the item");

    // Bram logs in on this tablet: he sees no count and no item, and nothing of Carla's is sent.
    await logIn(page, env.server.url, "b.devries");
    const sentBefore = puts.length;
    await page.goto(`${env.server.url}/clients/${bClient.id}/sessies/${bSession.id}`);
    await waitingIs(page, 0, "Bram sees Carla's waiting items");
    await textMatches(page.getByTestId("outbox"), /Alles is verstuurd/);
    await page.goto(`${env.server.url}/clients/${bClient.id}/sessies/${bSession.id}/tekenen`);
    await page.getByTestId("canvas").waitFor();
    await drawAndSave(page, 0.5, "saved"); // his own work goes as usual
    // Whatever makes the outbox look again (here: the page is told it is online) sends
    // nothing of Carla's.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.goto(`${env.server.url}/`);
    await page.getByRole("heading", { name: "Cliënten" }).waitFor();
    const carlas = puts.slice(sentBefore).filter((u) => made.some((m) => u.endsWith(m.id)));
    assert.deepEqual(carlas, [], "Carla's item was sent under Bram's login");
    assert.equal((await inSession(api, session)).length, 0);
    assert.equal(await page.getByTestId("outbox").getAttribute("data-waiting"), "0", "Bram's start screen counts Carla's item");
    assert.equal(await page.getByTestId("outbox").isVisible(), false, "Bram's start screen shows an outbox");
    await page.getByTestId("logout").click();
    await page.getByRole("heading", { name: "Inloggen" }).waitFor();
    assert.deepEqual((await tabletStorage(page)).outbox.map((o) => o.id), made.map((m) => m.id), "Bram's logout took Carla's item");

    // Carla logs in again: her item goes, once.
    await logIn(page, env.server.url, "c.bakker");
    await arrivedOnce(api, session, made);
    await eventually(async () => (await tabletStorage(page)).outbox.length, (n) => n === 0, "the item stayed on the tablet after it was sent");
  } catch (e) {
    await shot(page, "failure-outbox-f").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});

test("(g) the waiting count and the warning fit tablets and phones (screenshots at three sizes)", async (t) => {
  const api = await serverView();
  const page = await loggedIn();
  try {
    const session = await newSession(api, "2026-12-08");
    await failPuts(page);
    await page.goto(formUrl(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await drawAndSave(page, 0.4);
    for (const [name, size] of [["1024x768", { width: 1024, height: 768 }], ["768x1024", { width: 768, height: 1024 }], ["390x844", { width: 390, height: 844 }]]) {
      await page.setViewportSize(size);
      const overflow = () => page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      for (const form of ["tekenen", "muziek"]) {
        await page.goto(formUrl(session, form));
        await waitingIs(page, 1);
        await shot(page, `outbox-${form}-waiting-${name}`);
        assert.ok((await overflow()) <= 0, `${form} at ${name} scrolls sideways`);
      }
      await page.goto(formUrl(session));
      await waitingIs(page, 1);
      await shot(page, `outbox-session-waiting-${name}`);
      await page.locator("a.back").first().click();
      await page.getByTestId("unsent-warning").waitFor();
      await shot(page, `outbox-leave-warning-${name}`);
      assert.ok((await overflow()) <= 0, `the session at ${name} scrolls sideways`);
      await page.getByTestId("unsent-stay").click();
    }
  } catch (e) {
    await shot(page, "failure-outbox-g").catch(() => {});
    t.diagnostic(`console:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
    await api.close();
  }
});
