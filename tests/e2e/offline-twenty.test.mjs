// The acceptance of "saved means saved": with the service worker installed and the server
// stopped (and the browser offline), 20 artefacts across the three work forms — five of them a
// child's drawings in kindermodus — go to the tablet's outbox through two reloads of the
// therapist's tab, a reload of the locked tab and a restart of the browser on the same
// profile. Back online the tablet opens in kindermodus again (the lock is the server's, on the
// login session, and the login outlives the restart): the child's drawings go at once, the
// therapist's wait for the lock to end, not for a reload; after the PIN all 20 are on the
// server exactly once, byte for byte as the tablet kept them, and the screen says so.
//
// The lock is started before the network goes: the server keeps it, and nothing about it can
// be changed without the server. So the therapist's work is made in a second tab of the same
// browser, which knows nothing of the lock until it asks the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request } from "playwright-core";
import {
  startServer, launchWithProfile, seed, evaluatesTo, eventually, attributeIs, textMatches, holdCorner, typePin, shot,
} from "./harness.mjs";
import {
  PASSWORD, tabletStorage, waitingIs, drawAndSave, playAndSave, exerciseAndSave, switchForm, storedArtefacts, storedHashes,
} from "./tablet.mjs";

const PIN = "2468";
const TABLET = { width: 1024, height: 768 };

/** Waits until a service worker is active and controls `page`. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await evaluatesTo(page, () => navigator.serviceWorker.controller?.state ?? null, null, "activated", "no service worker controls the page", 15_000);
}

/** Whether the page itself reaches the server. */
const reaches = (page) => page.evaluate(() => fetch("/api/health").then(() => "reached", () => "unreachable"));

/** The artefact rows in the server's database (sqlite3 on its file), id and session. */
function rows(dataDir) {
  const db = readdirSync(dataDir).find((f) => /\.(db|sqlite3?)$/.test(f));
  assert.ok(db, `no database in ${dataDir}: ${readdirSync(dataDir)}`);
  const out = execFileSync("sqlite3", ["-readonly", path.join(dataDir, db), "SELECT id, session_id FROM artefacts ORDER BY id"], { encoding: "utf8" });
  return out.split("\n").filter(Boolean).map((l) => { const [id, session] = l.split("|"); return { id, session }; });
}

test("offline: 20 artefacts (5 in kindermodus), two reloads and a browser restart; online, each arrives once, byte-identical, and the screen says so", async (t) => {
  let server = await startServer();
  const profile = mkdtempSync(path.join(tmpdir(), "speelruimte-profile-"));
  const open = () => launchWithProfile(profile, TABLET, { hasTouch: true });
  let context = await open();
  const errors = [];
  const watch = (page) => page.on("pageerror", (e) => errors.push(String(e)));
  let api = null;
  const t0 = Date.now();
  const phase = (name) => process.env.SPEELRUIMTE_TIMING && console.error(`${((Date.now() - t0) / 1000).toFixed(1)} s ${name}`);
  try {
    // Online: an account (the tablet logs in as it), a client with a goal, two sessions, a PIN.
    const therapist = context.pages()[0] ?? await context.newPage();
    watch(therapist);
    const { client, session, post } = await seed(therapist, server);
    const kidSession = await post(`/api/clients/${client.id}/sessions`, { date: "2026-12-03", notes: "kindermodus" });
    const me = await (await therapist.request.get(`${server.url}/api/me`)).json();
    const pin = await therapist.request.put(`${server.url}/api/kiosk/pin`, { data: { pin: PIN }, headers: { "X-CSRF-Token": me.csrf_token } });
    assert.ok(pin.ok(), `PIN: ${pin.status()}`);
    const at = (s, form) => `${server.url}/clients/${client.id}/sessies/${s.id}${form ? "/" + form : ""}`;

    await therapist.goto(at(session, "tekenen"));
    await therapist.getByTestId("canvas").waitFor();
    await controlled(therapist);

    phase("setup");
    // Kindermodus on the drawing of the second session, in a tab of its own.
    const kid = await context.newPage();
    watch(kid);
    await kid.goto(at(kidSession));
    const start = kid.getByTestId("kiosk-start-beeldend");
    await eventually(() => start.isDisabled(), (d) => d === false, "the kindermodus start stays disabled");
    await start.click();
    await kid.waitForURL(at(kidSession, "tekenen"));
    await kid.getByTestId("kiosk-corner").waitFor();
    await kid.getByTestId("canvas").waitFor();
    assert.equal(await kid.locator(".goal-chips, [data-goal]").count(), 0, "the child sees the therapist's goals");

    phase("kiosk started");
    // The network goes: the server stops, the browser is offline.
    await server.stop({ keep: true });
    await context.setOffline(true);
    await evaluatesTo(therapist, () => fetch("/api/health").then(() => "reached", () => "unreachable"), null, "unreachable", "the page still reaches the server");

    phase("offline");
    // The therapist's first drawing, then the child's five (the locked tab reloaded between).
    // Each tab works in front, as a person would (a tab behind has its timers slowed).
    await therapist.bringToFront();
    await drawAndSave(therapist, 0.15);
    await waitingIs(therapist, 1);
    await kid.bringToFront();
    for (const f of [0.2, 0.4, 0.6]) await drawAndSave(kid, f);
    await kid.reload();
    await kid.getByTestId("canvas").waitFor();
    await kid.getByTestId("kiosk-corner").waitFor({ timeout: 10_000 });
    assert.equal(await kid.locator("a.back, [data-testid=logout]").count(), 0, "after a reload without the server, the child finds a way out of kindermodus");
    for (const f of [0.3, 0.5]) await drawAndSave(kid, f);

    phase("kid done");
    // The therapist's tab: four more drawings, a reload, five plays, a reload, five runs.
    await therapist.bringToFront();
    for (const f of [0.3, 0.45, 0.6, 0.75]) await drawAndSave(therapist, f);
    await therapist.reload();
    await therapist.getByTestId("canvas").waitFor();
    await waitingIs(therapist, 10, "after the first reload the tablet does not count the 10 waiting");
    phase("drawings done");
    await switchForm(therapist, "muziek");
    for (const n of [2, 1, 2, 1, 2]) await playAndSave(therapist, n);
    phase("music done");
    await therapist.reload();
    await therapist.getByTestId("pads").waitFor();
    await waitingIs(therapist, 15, "after the second reload the tablet does not count the 15 waiting");
    for (let i = 0; i < 5; i++) {
      await therapist.goto(at(session, "spanning"));
      await exerciseAndSave(therapist);
    }
    phase("exercises done");
    await waitingIs(therapist, 20);
    await textMatches(therapist.getByTestId("save-status"), /Opgeslagen op deze tablet/);

    const made = (await tabletStorage(therapist)).outbox;
    const count = (f) => made.filter(f).length;
    assert.equal(made.length, 20, "the outbox does not hold the 20 artefacts");
    assert.deepEqual([count((m) => m.kind === "drawing"), count((m) => m.kind === "music"), count((m) => m.kind === "exercise")], [10, 5, 5]);
    assert.equal(count((m) => m.session === kidSession.id), 5, "the child's five drawings are not in the outbox");
    assert.ok(made.every((m) => m.owner === me.therapist_id && (m.kind === "exercise" || m.files.length > 0)), "an item is another's, or without its files");

    phase("checked");
    // The browser restarts on the same profile, still without network: the outbox is there.
    await context.close();
    context = await open();
    await context.setOffline(true);
    let page = context.pages()[0] ?? await context.newPage();
    watch(page);
    await page.goto(server.url);
    await textMatches(page.getByTestId("offline-login"), /Geen verbinding met de server/, "after the restart the app does not start without network");
    assert.deepEqual((await tabletStorage(page)).outbox.map((m) => m.id).sort(), made.map((m) => m.id).sort(), "the restart lost outbox items");
    assert.deepEqual(rows(server.dataDir), [], "something reached the server while it was down");

    phase("restarted");
    // The server and the network come back; the tablet's app is opened again.
    server = await startServer({ dataDir: server.dataDir, port: server.port });
    await context.setOffline(false);
    await eventually(() => reaches(page), (r) => r === "reached", "the page does not reach the server again");
    await page.goto(server.url);
    // The login outlived the restart, and so did its lock: the app opens in kindermodus.
    await page.waitForURL(at(kidSession, "tekenen"), { timeout: 15_000 });
    await page.getByTestId("kiosk-corner").waitFor();
    // The server's side, read through a login of its own (not locked).
    api = await request.newContext({ baseURL: server.url });
    assert.ok((await api.post("/api/login", { data: { username: "c.bakker", password: PASSWORD } })).ok());
    const reader = { request: api };
    const onServer = async () => (await storedArtefacts(reader, server.url, client.id)).map((a) => a.id).sort();
    // Under the lock the child's drawings go; the therapist's wait (the lock refuses them),
    // though the first of them was older.
    const kids = made.filter((m) => m.session === kidSession.id).map((m) => m.id).sort();
    await eventually(onServer, (ids) => ids.length >= 5, "under the lock the child's drawings did not arrive", 20_000);
    assert.deepEqual(await onServer(), kids, "under the lock others than the child's drawings arrived");
    await eventually(async () => (await tabletStorage(page)).outbox.length, (n) => n === 15, "the child's drawings did not leave the outbox");

    phase("kid's arrived");
    // The therapist ends kindermodus with the PIN: the rest go, without a reload.
    await holdCorner(page);
    await typePin(page, PIN);
    await page.waitForURL(at(kidSession), { timeout: 15_000 });
    await waitingIs(page, 0, "after the unlock the outbox did not empty");
    await textMatches(page.getByTestId("outbox"), /Alles is verstuurd naar de server/);
    await shot(page, "offline-twenty-all-sent-1024x768");

    phase("unlocked");
    // Exactly once, byte for byte.
    await eventually(onServer, (ids) => ids.length >= 20, "not all 20 arrived", 20_000);
    const stored = await storedArtefacts(reader, server.url, client.id);
    assert.deepEqual(stored.map((a) => a.id).sort(), made.map((m) => m.id).sort(), "the server holds other artefacts than the tablet made");
    assert.deepEqual(rows(server.dataDir).map((r) => r.id).sort(), made.map((m) => m.id).sort(), "the database rows are not the 20, once each");
    for (const m of made) {
      const a = stored.find((x) => x.id === m.id);
      assert.equal(a.session_id, m.session, `${m.id} landed in another session`);
      assert.deepEqual(await storedHashes(reader, server.url, a), Object.fromEntries(m.files.map((f) => [f.name, f.sha256])), `the files of ${m.kind} ${m.id} differ from the tablet's`);
    }
    assert.deepEqual((await tabletStorage(page)).outbox, [], "the tablet still holds sent items");
    // The work form says so too: its count is gone, and nothing claims to wait.
    await page.goto(at(session, "tekenen"));
    await page.getByTestId("canvas").waitFor();
    await attributeIs(page.getByTestId("outbox"), "data-waiting", "0");
    assert.equal(await page.getByTestId("outbox").isVisible(), false, "the work form still shows a count");
    assert.deepEqual(errors, [], "the pages threw errors");
  } catch (e) {
    for (const p of context.pages()) await shot(p, `failure-offline-twenty-${context.pages().indexOf(p)}`).catch(() => {});
    t.diagnostic(`server log:\n${server.log().slice(-6000)}\nerrors:\n${errors.join("\n")}`);
    throw e;
  } finally {
    await api?.dispose();
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
