// Leaving a shared tablet: a logout made without network still ends the login on the server
// once the tablet is back online (the next person cannot come back in as the previous
// therapist), and the tablet counts as logged out meanwhile; the warning about unsent items is
// a real modal dialog (focus in it and back, Escape keeps you, axe-core clean); the drawing's
// "wipe everything" asks in the page with two big picture buttons, never the browser's confirm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "playwright-core";
import { suite, newPage, shot, attributeIs, eventually, evaluatesTo, textMatches, countIs, penStroke, line } from "./harness.mjs";
import { PASSWORD, tabletStorage, waitingIs, drawAndSave, logIn } from "./tablet.mjs";
import { violations } from "./axe.mjs";

const env = suite({ login: true });

/** Waits until a service worker is active and controls `page`. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await evaluatesTo(page, () => navigator.serviceWorker.controller?.state ?? null, null, "activated", "no service worker controls the page", 15_000);
}

/** What the server answers to `/api/me` for the login session cookie `cookie` (a request of its own). */
async function meStatus(cookie) {
  const api = await request.newContext({ baseURL: env.server.url, extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` } });
  try {
    return (await api.get("/api/me")).status();
  } finally {
    await api.dispose();
  }
}

test("a logout without network ends the login on the server once the tablet is back online; meanwhile the tablet is logged out", async (t) => {
  const page = await newPage(env.browser);
  try {
    await logIn(page, env.server.url, "c.bakker");
    await controlled(page);
    const [cookie] = await page.context().cookies();
    assert.equal(await meStatus(cookie), 200);

    await page.context().setOffline(true);
    await page.getByTestId("logout").click();
    await page.getByRole("heading", { name: "Inloggen" }).waitFor();
    // The server did not hear it: the login there is still valid, the tablet remembers to end it.
    assert.equal(await meStatus(cookie), 200);
    const kept = await tabletStorage(page);
    assert.deepEqual(kept.local.filter((k) => k !== "speelruimte.taal"), ["speelruimte.uitloggen"], "the pending logout is not kept (or more is)");
    assert.deepEqual(kept.session, [], "session storage is left after logout");
    // A reload without network: still logged out (the cookie is still in the browser).
    await page.reload();
    await page.getByRole("heading", { name: "Inloggen" }).waitFor();
    await shot(page, "logout-offline-login-1024x768");

    // Back online (the browser's own event: nothing dispatched by the test).
    await page.context().setOffline(false);
    await eventually(() => meStatus(cookie), (s) => s === 401, "back online, the old login still works on the server", 15_000);
    await eventually(async () => (await tabletStorage(page)).local.filter((k) => k !== "speelruimte.taal"), (l) => l.length === 0, "the pending logout stays on the tablet");
    // A reload now asks the server: nobody is logged in.
    await page.goto(env.server.url);
    await page.getByRole("heading", { name: "Inloggen" }).waitFor();
    await eventually(() => page.context().cookies(), (c) => c.length === 0, "the browser kept the session cookie");
  } catch (e) {
    await shot(page, "failure-logout-offline").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log().slice(-4000)}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("the unsent-items warning is a modal dialog: focus moves in, stays in, Escape keeps you and focus returns; axe-core clean", async (t) => {
  const page = await newPage(env.browser);
  await page.context().addCookies(env.cookies);
  const { client, session } = env.seeded;
  try {
    await page.route("**/api/artefacts/*", (r) => (r.request().method() === "PUT" ? r.abort("connectionfailed") : r.continue()));
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
    await page.getByTestId("canvas").waitFor();
    await drawAndSave(page, 0.4);
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}`);
    await waitingIs(page, 1);
    const logout = page.getByTestId("logout");
    await logout.focus();
    await logout.press("Enter");
    const warning = page.getByTestId("unsent-warning");
    await warning.waitFor();
    await evaluatesTo(page, () => document.querySelector('[data-testid="unsent-warning"]').matches(":modal"), null, true, "the warning is not a modal dialog");
    await evaluatesTo(page, () => document.activeElement?.dataset.testid ?? null, null, "unsent-stay", "focus did not move into the warning");
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      const inside = await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest('[data-testid="unsent-warning"]'));
      assert.ok(inside, "Tab left the warning");
    }
    assert.deepEqual(await violations(page, "session, unsent warning"), [], "axe-core found violations");
    for (const [w, h] of [[1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `unsent-warning-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.keyboard.press("Escape");
    await countIs(warning, 0, "Escape did not close the warning");
    await evaluatesTo(page, () => document.activeElement?.dataset.testid ?? null, null, "logout", "focus did not return to the logout button");
    assert.equal(page.url(), `${env.server.url}/clients/${client.id}/sessies/${session.id}`, "Escape logged out or left");
    assert.equal(await waitingShownOn(page), 1);
  } catch (e) {
    await shot(page, "failure-unsent-dialog").catch(() => {});
    t.diagnostic(`console:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

const waitingShownOn = (page) => page.getByTestId("outbox").first().getAttribute("data-waiting").then(Number);

test("wiping the drawing asks in the page with two big picture buttons: keep leaves the strokes, wipe clears them; no browser dialog", async (t) => {
  const page = await newPage(env.browser);
  await page.context().addCookies(env.cookies);
  const { client, session } = env.seeded;
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  try {
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
    const canvas = page.getByTestId("canvas");
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    await penStroke(page, line([box.x + 100, box.y + 150], [box.x + 400, box.y + 220], 16, 0.5, 0.8));
    await attributeIs(canvas, "data-strokes", "1");
    await page.getByTestId("clear").click();
    const ask = page.getByTestId("clear-ask");
    await ask.waitFor();
    for (const id of ["clear-keep", "clear-wipe"]) {
      const b = await page.getByTestId(id).boundingBox();
      assert.ok(b.width >= 96 && b.height >= 96, `${id} is small for a child's finger: ${JSON.stringify(b)}`);
    }
    assert.deepEqual(await violations(page, "drawing, wipe question"), [], "axe-core found violations");
    for (const [w, h] of [[1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `drawing-clear-ask-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    // Keep: the drawing stays. Escape and a tap beside keep it too.
    await page.getByTestId("clear-keep").click();
    await countIs(ask, 0, "keeping did not close the question");
    assert.equal(await canvas.getAttribute("data-strokes"), "1", "keeping wiped the drawing");
    await page.getByTestId("clear").click();
    await ask.waitFor();
    await page.keyboard.press("Escape");
    await countIs(ask, 0, "Escape did not close the question");
    await page.getByTestId("clear").click();
    await ask.waitFor();
    await page.mouse.click(5, 760);
    await countIs(ask, 0, "a tap beside did not close the question");
    assert.equal(await canvas.getAttribute("data-strokes"), "1", "closing wiped the drawing");
    // Wipe: the strokes go, and undo brings them back.
    await page.getByTestId("clear").click();
    await page.getByTestId("clear-wipe").click();
    await attributeIs(canvas, "data-strokes", "0", "wiping did not clear the drawing");
    assert.deepEqual(dialogs, [], "the browser's own dialog was used");
  } catch (e) {
    await shot(page, "failure-clear-ask").catch(() => {});
    t.diagnostic(`console:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});
