// Saved means let go: once a drawing is safe (in the outbox, then on the server), the tablet no longer keeps
// its work-in-progress copy, so a reload shows nothing unsaved and a second save cannot make a duplicate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot, penStroke, line, openDrawing, attributeIs } from "./harness.mjs";
import { tabletStorage } from "./tablet.mjs";

const env = suite();

/** The drawings this tablet keeps as work in progress (IndexedDB; the sessions they are of). */
const keptDrawings = async (page) =>
  (await tabletStorage(page)).drafts.filter((k) => k.split("|")[1] === "tekenen").map((k) => k.split("|")[2]);

test("after a save the tablet keeps no copy: a reload shows nothing unsaved and saving again stores nothing twice", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, session, frame, box, X, Y } = await openDrawing(page, env.server);
    const screen = page.locator(".draw-screen");
    const status = page.getByTestId("save-status");

    await penStroke(page, line([X(0.2), Y(0.4)], [X(0.8), Y(0.45)], 20, 0.5, 0.8));
    await attributeIs(screen, "data-kept", "1", "the stroke is not kept on the tablet while unsaved");
    assert.deepEqual(await keptDrawings(page), [session.id]);
    await attributeIs(status, "data-state", "unsaved");

    await page.getByTestId("save").click();
    await attributeIs(status, "data-state", "saved", "the drawing was not saved");
    await attributeIs(screen, "data-kept", "0", "the saved drawing is still kept on the tablet");
    assert.deepEqual(await keptDrawings(page), [], "the tablet still holds the saved drawing");

    // The same save once more (a double tap, a retry): the same artefact, not a second one.
    await page.getByTestId("save").click();
    await attributeIs(status, "data-state", "saved");
    const stored = async () => (await (await page.request.get(`${env.server.url}/api/clients/${client.id}/artefacts`)).json()).length;
    assert.equal(await stored(), 1);

    await page.reload();
    await frame.waitFor();
    await attributeIs(frame, "data-strokes", "0", "the saved drawing came back after the reload");
    assert.notEqual(await status.getAttribute("data-state"), "unsaved", "a reload after the save claims unsaved work");
    assert.deepEqual(await keptDrawings(page), []);
    assert.equal(await stored(), 1, "the reload made a second artefact");
    await shot(page, "saved-drawing-after-reload");
  } catch (e) {
    await shot(page, "failure-saved-drawing").catch(() => {});
    t.diagnostic(`console:\n${page.errors?.join("\n")}`);
    throw e;
  }
});
