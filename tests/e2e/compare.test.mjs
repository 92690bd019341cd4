// Comparing two drawings at evaluation, in a real browser: a child draws once on a tablet held
// landscape and once held portrait (a narrower paper); review shows the first and the latest
// side by side at the same scale (the narrower paper shows narrower, not blown up), each with
// its own process observations, and another pair can be picked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot, penStroke, line, seed, attributeIs, countIs, textMatches } from "./harness.mjs";
import { violations } from "./axe.mjs";

const env = suite();

/** Opens the drawing screen of `session`, draws `strokes` lines and saves; returns the paper's width. */
async function drawAndSave(page, client, session, strokes) {
  await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}/tekenen`);
  const frame = page.getByTestId("canvas");
  await frame.waitFor();
  const box = await frame.boundingBox();
  const X = (f) => box.x + box.width * f, Y = (f) => box.y + box.height * f;
  for (let i = 0; i < strokes; i++) {
    await penStroke(page, line([X(0.2), Y(0.2 + 0.1 * i)], [X(0.8), Y(0.3 + 0.1 * i)], 15, 0.5, 0.7));
    await attributeIs(frame, "data-strokes", String(i + 1));
  }
  await page.getByTestId("save").click();
  await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the drawing was not saved");
  return box.width;
}

test("two drawings side by side at the same scale, each with its own observations", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, session, post } = await seed(page, env.server);
    const wide = await drawAndSave(page, client, session, 1);
    const later = await post(`/api/clients/${client.id}/sessions`, { date: "2026-12-08" });
    await page.setViewportSize({ width: 768, height: 1024 });
    const narrow = await drawAndSave(page, client, later, 2);
    t.diagnostic(`papers: ${wide} and ${narrow} px wide`);
    assert.ok(narrow < wide - 50, `the portrait paper (${narrow}) is not narrower than the landscape one (${wide})`);
    await page.setViewportSize({ width: 1024, height: 768 });

    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    const compare = page.getByTestId("compare");
    await compare.waitFor();
    const figures = compare.locator("figure.compare-drawing");
    await countIs(figures, 2);
    // Left the first drawing (one line), right the latest (two), each with its observations.
    await countIs(compare.locator('[data-testid="observations"]'), 2, "not both drawings have their observations");
    await textMatches(figures.nth(0).locator('[data-testid="observations"]'), [/Lijnen\s*1, waarvan 0 met de gum/]);
    await textMatches(figures.nth(1).locator('[data-testid="observations"]'), [/Lijnen\s*2, waarvan 0 met de gum/]);
    // The same scale: the wider paper fills its place, the other is as much narrower as its paper.
    await attributeIs(figures.nth(0), "data-share", "1.000");
    await attributeIs(figures.nth(1), "data-share", (narrow / wide).toFixed(3));
    await page.waitForFunction(() => [...document.querySelectorAll("figure.compare-drawing img")].every((i) => i.complete && i.naturalWidth > 0));
    const [a, b] = await figures.locator("img").evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().width));
    assert.ok(Math.abs(b / a - narrow / wide) < 0.01, `on screen ${b}/${a}, papers ${narrow}/${wide}`);
    assert.deepEqual(await violations(page, "review with a comparison"), [], "axe-core found violations");
    for (const [width, height] of [[1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await compare.evaluate((el) => el.scrollIntoView({ block: "start" }));
      await shot(page, `compare-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });

    // Another pair: the latest on both sides.
    await compare.getByTestId("compare-left").selectOption("1");
    await textMatches(figures.nth(0).locator('[data-testid="observations"]'), [/Lijnen\s*2,/]);
    await attributeIs(figures.nth(0), "data-share", "1.000");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    await shot(page, "failure-compare").catch(() => {});
    throw e;
  } finally {
    await page.context().close();
  }
});
