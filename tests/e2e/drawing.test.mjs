// The beeldend work form in a real browser: pressure, several fingers at once, palm rejection,
// undo/redo, every brush, the drawing surviving a reload, saving, and the replay in review
// showing the strokes in the order they were drawn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS, suite, newPage, shot, penStroke, penEvent, line, inkPixels, twoFingerStroke, seed, openDrawing, visiblePixels, seen, inkSettled, countAnimationFrames, framesAtRest, eventually, attributeIs, textMatches, framesPass } from "./harness.mjs";

const env = suite();

// The first test made the account: log in and open the drawing screen in a new session of the
// same client.
async function openNewSession(page) {
  await page.goto(`${env.server.url}/login`);
  await page.getByLabel("Gebruikersnaam").fill("c.bakker");
  await page.getByLabel("Wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { name: "Cliënten" }).waitFor();
  const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
  const clients = await (await page.request.get(`${env.server.url}/api/clients`)).json();
  const session = await (await page.request.post(`${env.server.url}/api/clients/${clients[0].id}/sessions`, {
    data: { date: "2026-11-25" }, headers: { "X-CSRF-Token": me.csrf_token },
  })).json();
  await page.goto(`${env.server.url}/clients/${clients[0].id}/sessies/${session.id}/tekenen`);
  await page.getByTestId("canvas").waitFor();
}

const strokes = (page, n) => page.locator(`[data-testid="canvas"][data-strokes="${n}"]`).waitFor();

/**
 * A test on the drawing screen of a new session: `body` gets the page, the paper (`frame`), its
 * box and X(f), Y(f), the page position at fraction f of the paper's width and height. `ratio`
 * is the pixel ratio, `init` a script for the page before it opens. When the test fails, a
 * screenshot (`failure-<name>`) and the page's console go with the error.
 */
async function onDrawingScreen(t, name, { ratio = 1, init } = {}, body) {
  const page = await newPage(env.browser, undefined, ratio);
  try {
    if (init) await page.context().addInitScript(init);
    await openNewSession(page);
    const frame = page.getByTestId("canvas");
    const box = await frame.boundingBox();
    const X = (f) => box.x + box.width * f, Y = (f) => box.y + box.height * f;
    await body({ page, frame, box, X, Y });
  } catch (e) {
    // A crashed page takes no screenshot; the error is what matters.
    await shot(page, `failure-${name}`).catch(() => {});
    t.diagnostic(`console:\n${page.errors.join("\n")}`);
    throw e;
  }
}

test("fingers draw together, a pen rejects the palm, undo/redo and reload keep the drawing, replay keeps the order", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, session, frame, box, X, Y } = await openDrawing(page, env.server);

    // Two children draw at once near the top: two strokes.
    await textMatches(page.getByTestId("input-mode"), /vingers/, "the drawing screen does not start with fingers drawing");
    await twoFingerStroke(page, [[X(0.1), Y(0.1)], [X(0.4), Y(0.15)]], [[X(0.6), Y(0.1)], [X(0.9), Y(0.15)]]);
    await strokes(page, 2);
    const top = await inkPixels(page, "ink", [0, 0.25]);
    assert.ok(top > 200, `two finger strokes left ${top} ink pixels`);

    // A pen in the middle: the switch turns to pen only by itself.
    await penStroke(page, line([X(0.1), Y(0.5)], [X(0.9), Y(0.5)], 40, 0.3, 0.9));
    await strokes(page, 3);
    // (The switch turns in the frame after the stroke's end.)
    await textMatches(page.getByTestId("input-mode"), /alleen pen/, "a pen stroke did not turn the switch to pen only");
    // A palm (touch) while the pen is in use draws nothing.
    const before = await inkPixels(page);
    await twoFingerStroke(page, [[X(0.2), Y(0.8)], [X(0.5), Y(0.85)]], [[X(0.3), Y(0.9)], [X(0.3), Y(0.9)]]);
    await framesPass(page);
    assert.equal(await inkPixels(page), before, "a touch during pen mode left ink");
    // Those two fingers spread apart: they zoomed the paper. Back to 100%.
    await page.getByTestId("zoom-reset").click();
    await page.getByTestId("zoom-reset").waitFor({ state: "detached" });
    await strokes(page, 3);

    // Undo and redo.
    await page.getByTestId("undo").click();
    await strokes(page, 2);
    assert.equal(await inkPixels(page, "ink", [0.45, 0.55]), 0, "undo left the pen stroke");
    await page.getByTestId("redo").click();
    await strokes(page, 3);

    // Every brush, one pen stroke each, lower down; the eraser last, across the pen stroke.
    const brushes = ["potlood", "stift", "waterverf", "krijt"];
    for (const [i, name] of brushes.entries()) {
      await page.locator(`[data-brush="${name}"]`).click();
      await page.getByRole("button", { name: "dik", exact: true }).click();
      await page.getByRole("button", { name: ["rood", "blauw", "groen", "paars"][i], exact: true }).click();
      const y = Y(0.6 + i * 0.09);
      await penStroke(page, line([X(0.1), y], [X(0.9), y], 40, 0.2, 1.0));
      await strokes(page, 4 + i);
    }
    // The strokes before them are all still there (each new stroke is painted over the picture
    // as it shows; inkPixels waits until the pen has rested and no strokes wait on the live grid).
    assert.ok(await inkPixels(page, "ink", [0, 0.25]) >= top, "the first strokes vanished from the ink layer");
    await page.locator('[data-brush="gum"]').click();
    const beforeErase = await inkPixels(page, "ink", [0.45, 0.55]);
    await penStroke(page, line([X(0.45), Y(0.3)], [X(0.55), Y(0.7)], 30, 0.8, 0.8));
    await strokes(page, 8);
    assert.ok(await inkPixels(page, "ink", [0.45, 0.55]) < beforeErase, "the eraser took nothing away");
    await shot(page, "drawing-brushes-1024x768");
    // And the person at the tablet sees them: next to where the eraser went (under the live
    // layer's area), the four brush strokes show on screen, not only in the canvas.
    // (The first two brush strokes, at 60 % and 69 % of the height, lie in that area.)
    const seen = await visiblePixels(page, { x: X(0.3), y: Y(0.56), width: box.width * 0.12, height: box.height * 0.17 });
    assert.ok(seen > 800, `only ${seen} ink pixels visible beside the eraser stroke`);

    // A reload (or a crashed tab) keeps the drawing.
    const inkBefore = await inkPixels(page);
    await page.reload();
    await strokes(page, 8);
    await eventually(() => inkPixels(page), (after) => Math.abs(after - inkBefore) < inkBefore * 0.02,
      (after) => `ink before ${inkBefore}, after reload ${after}`);

    // Save, then replay in review.
    await page.getByRole("button", { name: "Voelen waar de spanning zit" }).click();
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    // Keep what the browser made, for ink's check that its PNG renderer paints the same picture.
    const id = await page.locator(".thumb").first().getAttribute("data-artefact");
    for (const name of ["strokes.bin", "image.png"]) {
      const r = await page.request.get(`${env.server.url}/api/artefacts/${id}/blobs/${name}`);
      writeFileSync(path.join(ARTIFACTS, `browser-drawing-${name}`), await r.body());
    }
    await page.locator(".thumb").first().click();
    const panel = page.getByTestId("artefact-panel");
    await textMatches(panel.getByTestId("observations"),
      [/Lijnen\s+8, waarvan 1 met de gum/, /Ongedaan \/ opnieuw \/ gewist\s+1× \/ 1× \/ 0×/, /Druk\s+gemiddeld \d+%/],
      "the observations do not tell 8 lines (1 with the eraser), 1 undo and 1 redo, and the pressure");
    await shot(page, "drawing-review-1024x768");

    // Scrub: just after the finger strokes only the top band has ink; at the end the middle too.
    const scrub = async (fraction) => {
      await page.getByTestId("replay-scrubber").evaluate((el, f) => {
        const min = Number(el.min), max = Number(el.max);
        el.value = String(min + (max - min) * f);
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, fraction);
      // The replay paints the moment asked for before the next frame.
      await framesPass(page, 1);
    };
    await scrub(1);
    const late = { top: await inkPixels(page, "replay-ink", [0, 0.25]), middle: await inkPixels(page, "replay-ink", [0.45, 0.55]) };
    await scrub(0);
    assert.equal(await inkPixels(page, "replay-ink"), 0, "at the start of the replay the paper is empty");
    // Walk forward in 1% steps: the finger strokes (top) must show, complete, before the pen
    // stroke (middle) begins.
    let onlyTop = false, firstMiddle = null;
    for (let f = 0.01; f <= 1 && !firstMiddle; f += 0.01) {
      await scrub(f);
      const top = await inkPixels(page, "replay-ink", [0, 0.25]);
      const middle = await inkPixels(page, "replay-ink", [0.45, 0.55]);
      if (middle > 0) firstMiddle = { f, top, middle };
      else if (top > 0) onlyTop = true;
    }
    t.diagnostic(`replay ${JSON.stringify({ late, firstMiddle })}`);
    assert.ok(onlyTop, "the replay never showed the finger strokes alone");
    assert.ok(firstMiddle && firstMiddle.top >= late.top * 0.95, `pen stroke began before the finger strokes were done: ${JSON.stringify(firstMiddle)}`);
    // Played from the start, the replay moves on by itself (and the strokes come back).
    await scrub(0);
    const scrubber = page.getByTestId("replay-scrubber");
    const at = async () => Number(await scrubber.inputValue()) - Number(await scrubber.getAttribute("min"));
    await page.getByTestId("replay-play").click();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="replay-scrubber"]');
      return Number(el.value) > Number(el.min);
    }, null, { timeout: 5000 });
    const played = await eventually(at, (ms) => ms > 100, (ms) => `the replay moved only ${ms} ms on`);
    t.diagnostic(`replay played ${played} ms`);
    await shot(page, "drawing-replay-1024x768");
  } catch (e) {
    await shot(page, "failure-drawing");
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  }
});

test("paper and templates: white, drawing paper and black, with body, mandala and house-tree-person", (t) => onDrawingScreen(t, "paper", {}, async ({ page, box }) => {
  // A stroke shows on screen while the pen is still down (the live layer), not only after.
  const cdp = await page.context().newCDPSession(page);
  const ly = box.y + box.height * 0.5;
  const pen = (type, x, buttons) => penEvent(cdp, type, [x, ly, 0.8], buttons);
  await pen("mousePressed", box.x + 100, 1);
  for (let i = 1; i <= 40; i++) await pen("mouseMoved", box.x + 100 + i * 10, 1);
  await eventually(() => visiblePixels(page, { x: box.x + 90, y: ly - 20, width: 420, height: 40 }), (n) => n > 1000,
    (n) => `only ${n} pixels of the stroke visible while drawing`);
  await pen("mouseReleased", box.x + 500, 0);
  await page.getByTestId("undo").click();

  // Colour of the paper layer at a spot: [r, g, b].
  const paperAt = (fx, fy) => page.evaluate(([fx, fy]) => {
    const c = document.querySelector('canvas[data-layer="paper"]');
    return [...window.__canvasPixels(c, Math.round(c.width * fx), Math.round(c.height * fy), 1, 1)].slice(0, 3);
  }, [fx, fy]);
  const cases = [
    ["white", "mandala", [255, 255, 255]],
    ["paper", "body", [246, 239, 224]],
    ["black", "htp", [24, 24, 26]],
  ];
  for (const [bg, tpl, colour] of cases) {
    await page.getByTestId("background").selectOption(bg);
    await page.getByTestId("template").selectOption(tpl);
    // A corner away from template lines shows the paper colour (drawing paper has a faint grain).
    await eventually(() => paperAt(0.99, 0.5), (corner) => corner.every((v, i) => Math.abs(v - colour[i]) <= 22), `${bg}: corner`);
    await shot(page, `drawing-paper-${bg}-${tpl}-1024x768`);
  }
  // The mandala's outer ring crosses the centre line at 45% of the shorter side right of centre.
  await page.getByTestId("background").selectOption("white");
  await page.getByTestId("template").selectOption("mandala");
  const size = await page.evaluate(() => { const c = document.querySelector('canvas[data-layer="paper"]'); return [c.width, c.height]; });
  const ring = 0.5 + (0.45 * Math.min(...size)) / size[0];
  await eventually(() => paperAt(ring, 0.5), (onRing) => onRing[0] < 235, "no template line where the mandala's ring should be");
}));

test("a browser without OffscreenCanvas (Safari before 16.4) draws on plain canvases", (t) => onDrawingScreen(t, "no-offscreen", { init: () => { delete window.OffscreenCanvas; } }, async ({ page, box, X, Y }) => {
  assert.equal(await page.evaluate(() => typeof OffscreenCanvas), "undefined");
  await penStroke(page, line([X(0.1), Y(0.2)], [X(0.9), Y(0.2)], 40, 0.5, 0.9));
  await strokes(page, 1);
  await penStroke(page, line([X(0.1), Y(0.7)], [X(0.9), Y(0.7)], 40, 0.5, 0.9));
  await strokes(page, 2);
  // Both strokes on the ink layer and on screen; the paper shows its colour.
  assert.ok(await inkPixels(page, "ink", [0.1, 0.3]) > 200, "the first stroke is missing");
  assert.ok(await inkPixels(page, "ink", [0.6, 0.8]) > 200, "the second stroke is missing");
  const seen = await visiblePixels(page, { x: X(0.2), y: Y(0.15), width: box.width * 0.6, height: box.height * 0.1 });
  assert.ok(seen > 500, `only ${seen} pixels of the first stroke visible`);
}));

// At pixel ratio 2.2 the tiles do not fall on whole device pixels unless the layer is scaled.
for (const ratio of [1, 2, 2.2]) test(`strokes that move onto the ink layer a tile at a time end up as a full repaint paints them (pixel ratio ${ratio})`, (t) => onDrawingScreen(t, `settle-${ratio}`, { ratio }, async ({ page, X, Y }) => {
  // Crossing strokes, one right after another (each starts before the one before has moved
  // onto the ink layer): watercolour and marker, whose overlaps build up, and crayon's grain.
  const crossing = [
    ["waterverf", [0.1, 0.1], [0.8, 0.8]], ["waterverf", [0.8, 0.1], [0.1, 0.8]],
    ["stift", [0.45, 0.05], [0.5, 0.9]], ["krijt", [0.05, 0.45], [0.9, 0.5]],
    ["waterverf", [0.2, 0.6], [0.7, 0.3]],
  ];
  for (const [brush, [x0, y0], [x1, y1]] of crossing) {
    await page.locator(`[data-brush="${brush}"]`).click();
    await penStroke(page, line([X(x0), Y(y0)], [X(x1), Y(y1)], 30, 0.4, 0.9));
  }
  await strokes(page, crossing.length);
  const inked = await inkPixels(page);
  assert.ok(inked > 5000, `the strokes left only ${inked} ink pixels`);
  // The settled layer, kept to compare with the repaint: it holds the ink just counted (an
  // empty copy would match an empty repaint).
  const settledInk = await page.evaluate(() => {
    const c = window.__layerCanvas("ink");
    window.__settled = window.__canvasPixels(c, 0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < window.__settled.length; i += 4) if (window.__settled[i] > 127) n++;
    return n;
  });
  assert.equal(settledInk, inked, "the copy of the settled ink layer is not the ink layer");
  // Undo and redo paint the ink layer afresh, every tile with every stroke at once.
  await page.getByTestId("undo").click();
  await strokes(page, crossing.length - 1);
  const undone = await inkPixels(page);
  assert.ok(undone < inked, `undo took nothing off the ink layer (${undone} of ${inked} pixels)`);
  await page.getByTestId("redo").click();
  await strokes(page, crossing.length);
  const differ = await page.evaluate(() => {
    const c = window.__layerCanvas("ink");
    const now = window.__canvasPixels(c, 0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < now.length; i += 4) {
      if ([0, 1, 2, 3].some((k) => Math.abs(now[i + k] - window.__settled[i + k]) > 2)) n++;
    }
    return n;
  });
  assert.equal(differ, 0, `${differ} pixels differ between the settled ink layer and a repaint`);
}));

// At pixel ratio 2.2 the squares of the live grid do not fall on whole device pixels either.
test("a live stroke shows no line where it crosses from one square of the grid to the next (pixel ratio 2.2)", (t) => onDrawingScreen(t, "live-seams", { ratio: 2.2 }, async ({ page, X, Y }) => {
  await page.locator('[data-brush="stift"]').click();
  // Across the paper and down, over several squares' edges (every 128 px), the pen kept down.
  const [x0, x1, y0, y1] = [X(0.05), X(0.9), Y(0.3), Y(0.9)];
  const cdp = await page.context().newCDPSession(page);
  await penEvent(cdp, "mousePressed", [x0, y0, 0.9], 1);
  for (let i = 1; i <= 80; i++) await penEvent(cdp, "mouseMoved", [x0 + ((x1 - x0) * i) / 80, y0, 0.9], 1);
  for (let i = 1; i <= 40; i++) await penEvent(cdp, "mouseMoved", [x1, y0 + ((y1 - y0) * i) / 40, 0.9], 1);
  // Along the middle of the stroke every pixel is as dark as the darkest there (the marker
  // covers the paper); a line between squares lets the paper through (82 against 29 before).
  const lighter = async (band) => {
    const { darkest } = await seen(page, band);
    return seen(page, band, [darkest, darkest, darkest], 25);
  };
  const along = { x: x0 + 20, y: y0 - 1, width: x1 - x0 - 40, height: 2 };
  const down = { x: x1 - 1, y: y0 + 20, width: 2, height: y1 - y0 - 40 };
  // The live stroke shows, all the way across and down, before it is looked at.
  for (const band of [along, down]) {
    await eventually(() => seen(page, band, [255, 255, 255], 60), (r) => r.visible >= band.width * band.height * 0.99,
      (r) => `the live stroke does not cover the band yet (${r.visible} of ${band.width * band.height} px)`);
  }
  const across = await lighter(along);
  const downLighter = await lighter(down);
  await penEvent(cdp, "mouseReleased", [x1, y1, 0.9], 0);
  await cdp.detach();
  await strokes(page, 1);
  await inkSettled(page);
  const settled = await lighter(along);
  t.diagnostic(`lighter pixels: across ${across.visible}, down ${downLighter.visible}, settled ${settled.visible}`);
  assert.ok(across.darkest < 60 && settled.darkest < 60, "the stroke is not dark where it was looked for");
  assert.equal(across.visible, 0, "a light line crosses the live stroke going across");
  assert.equal(downLighter.visible, 0, "a light line crosses the live stroke going down");
  assert.equal(settled.visible, 0, "a light line crosses the settled stroke");
}));

test("a drawing screen at rest asks the browser for no frames (a tablet's battery); a stroke wakes it, and it rests again", (t) => onDrawingScreen(t, "at-rest", { init: countAnimationFrames }, async ({ page, X, Y }) => {
  await page.locator('[data-layer="live"][data-warmed="1"]').waitFor();
  // Once warmed up, it comes to rest: a second and more without a frame asked for.
  const warmed = await framesAtRest(page);
  await penStroke(page, line([X(0.1), Y(0.5)], [X(0.6), Y(0.6)], 30, 0.4, 0.8));
  await strokes(page, 1);
  await inkSettled(page);
  // And after the stroke has settled, it rests again.
  const drawn = await framesAtRest(page);
  t.diagnostic(`frames asked for: ${warmed} to warm up, ${drawn - warmed} for the stroke`);
  assert.ok(drawn - warmed >= 10, `the stroke asked for only ${drawn - warmed} frames`);
}));

test("a palm that lands while the first pen stroke is still on the paper draws nothing", (t) => onDrawingScreen(t, "first-palm", {}, async ({ page, frame, X, Y }) => {
  await textMatches(page.getByTestId("input-mode"), /vingers/, "the drawing screen does not start with fingers drawing");
  const cdp = await page.context().newCDPSession(page);
  const pen = (type, f, buttons = 1) => penEvent(cdp, type, [X(0.1 + 0.8 * f), Y(0.3), 0.6], buttons);
  const palm = (type, f) => cdp.send("Input.dispatchTouchEvent", {
    type, touchPoints: type === "touchEnd" ? [] : [{ x: X(0.3 + 0.3 * f), y: Y(0.8), id: 7, radiusX: 20, radiusY: 20, force: 0.5 }],
  });
  // The pen goes down first; the hand comes to rest while it draws, and slides along.
  await pen("mousePressed", 0);
  for (let i = 1; i <= 10; i++) await pen("mouseMoved", i / 40);
  await palm("touchStart", 0);
  for (let i = 11; i <= 30; i++) {
    await pen("mouseMoved", i / 40);
    await palm("touchMove", (i - 10) / 20);
  }
  await palm("touchEnd", 1);
  for (let i = 31; i <= 40; i++) await pen("mouseMoved", i / 40);
  await pen("mouseReleased", 1, 0);
  await cdp.detach();
  // One stroke (the pen's), no ink where the palm was, and the switch now says pen only. The
  // pen's stroke ended last: once it is on the ink layer, the count is final (a palm stroke
  // would keep it at 2).
  await eventually(() => inkPixels(page, "ink", [0.25, 0.35]), (n) => n > 200, (n) => `the pen stroke is missing (${n} ink pixels)`);
  await attributeIs(frame, "data-strokes", "1", "the palm drew a stroke");
  assert.equal(await inkPixels(page, "ink", [0.7, 0.9]), 0, "the palm left ink");
  await textMatches(page.getByTestId("input-mode"), /alleen pen/, "the pen stroke did not turn the switch to pen only");
}));

test("a watercolour stroke shows with the brush's opacity once while drawn, finished and settled, also where it crosses squares", (t) => onDrawingScreen(t, "live-opacity", { ratio: 2 }, async ({ page, box, X, Y }) => {
  await page.locator('[data-brush="waterverf"]').click();
  // A long wave across the paper (over several squares of the live grid, each one put
  // together from the settled part and the tail), the pen kept down at its end.
  const cdp = await page.context().newCDPSession(page);
  const at = (f) => [X(0.05 + 0.85 * f), Y(0.5) + 40 * Math.sin(f * 9), 0.7];
  await penEvent(cdp, "mousePressed", at(0), 1);
  for (let i = 1; i <= 120; i++) await penEvent(cdp, "mouseMoved", at(i / 120), 1);
  const band = { x: box.x, y: Y(0.5) - 70, width: box.width, height: 140 };
  // Each move is drawn on the next frame: after two, the live wave shows to its end.
  await framesPass(page, 2);
  const live = await seen(page, band);
  // The next stroke begins at once and stays down: the first one waits on the grid,
  // finished, until the pen rests. It is white (lighter, never darker, where it crosses) and
  // goes down across the wave, so the squares it passes are put together afresh from the
  // finished stroke and the live one. Its tools are picked while the wave is still drawn (a
  // stroke keeps the tools it began with), and the lift and the next touch go out together:
  // with anything in between, a busy machine could let the pen rest (150 ms) before it.
  await page.evaluate(() => {
    document.querySelector('.swatch[aria-label="wit"]').click();
    document.querySelector('[data-brush="potlood"]').click();
  });
  await Promise.all([
    penEvent(cdp, "mouseReleased", at(1), 0),
    penEvent(cdp, "mousePressed", [X(0.45), Y(0.5) - 100, 0.5], 1),
  ]);
  await strokes(page, 1);
  for (let i = 1; i <= 20; i++) await penEvent(cdp, "mouseMoved", [X(0.45), Y(0.5) - 100 + 10 * i, 0.5], 1);
  await attributeIs(page.locator('[data-layer="live"]'), "data-pending", "2", "the finished stroke was not waiting on the live grid");
  await framesPass(page, 3);
  const waiting = await seen(page, band);
  await penEvent(cdp, "mouseReleased", [X(0.45), Y(0.5) + 100, 0.5], 0);
  await cdp.detach();
  await strokes(page, 2);
  await inkSettled(page);
  const settled = await seen(page, band);
  t.diagnostic(`live ${JSON.stringify(live)}, waiting ${JSON.stringify(waiting)}, settled ${JSON.stringify(settled)}`);
  assert.ok(live.visible > 2000, `the live stroke shows only ${live.visible} pixels`);
  // Watercolour lets 70% of the paper through; painted twice anywhere (two pieces where
  // they meet, or a square's edge) it would let through 49%, far darker.
  assert.ok(settled.darkest > 150, `the settled watercolour is too dark (${settled.darkest})`);
  for (const [name, s] of [["live", live], ["finished", waiting]]) {
    assert.ok(Math.abs(s.darkest - settled.darkest) <= 12,
      `the ${name} stroke's darkest pixel is ${s.darkest}, the settled stroke's ${settled.darkest}`);
  }
  assert.ok(Math.abs(waiting.visible - settled.visible) < settled.visible * 0.07,
    `${waiting.visible} pixels showed before the stroke moved onto the ink layer, ${settled.visible} after`);
}));

test("the drawing is kept on the tablet as it is drawn: a tab that crashes gets it back", (t) => onDrawingScreen(t, "crash", {}, async ({ page, X, Y }) => {
  const url = page.url();
  await penStroke(page, line([X(0.2), Y(0.3)], [X(0.8), Y(0.35)], 20, 0.5, 0.8));
  await penStroke(page, line([X(0.2), Y(0.6)], [X(0.8), Y(0.55)], 20, 0.8, 0.5));
  await strokes(page, 2);
  // Kept a moment after the pen rests (not at every pen-up: on a big drawing that costs a
  // frame), and without a reload or anything else that would give the page a warning.
  await page.locator('.draw-screen[data-kept="2"]').waitFor({ timeout: 5000 });
  const inkBefore = await inkPixels(page);
  const crashed = new Promise((r) => page.once("crash", r));
  const cdp = await page.context().newCDPSession(page);
  cdp.send("Page.crash").catch(() => {});
  await crashed;
  const again = await page.context().newPage();
  await again.goto(url);
  await again.getByTestId("canvas").waitFor();
  await strokes(again, 2);
  await eventually(() => inkPixels(again), (inkAfter) => Math.abs(inkAfter - inkBefore) < inkBefore * 0.02,
    (inkAfter) => `ink before the crash ${inkBefore}, after ${inkAfter}`);
  await again.close();
}));

test("a stroke of every brush is rehearsed off the page while the screen opens: nothing of it shows, is kept or counts", (t) => onDrawingScreen(t, "rehearsal", { ratio: 2 }, async ({ page, box, X, Y }) => {
  // A child may draw at once, while the rehearsal is still going (or before it began); and
  // again once it is over. The rehearsal draws waves across the top of the paper.
  await penStroke(page, line([X(0.1), Y(0.7)], [X(0.9), Y(0.72)], 30, 0.5, 0.8));
  await page.locator('[data-layer="live"][data-warmed="1"]').waitFor({ timeout: 10_000 });
  await penStroke(page, line([X(0.1), Y(0.85)], [X(0.9), Y(0.83)], 30, 0.8, 0.5));
  await strokes(page, 2);
  await inkSettled(page);
  const top = { x: box.x, y: box.y, width: box.width, height: box.height * 0.5 };
  assert.equal(await visiblePixels(page, top), 0, "something of the rehearsal shows on the paper");
  assert.equal(await inkPixels(page, "ink", [0, 0.5]), 0, "the rehearsal left ink on the ink layer");
  const low = { x: box.x, y: box.y + box.height * 0.6, width: box.width, height: box.height * 0.35 };
  assert.ok(await visiblePixels(page, low) > 2000, "the two strokes do not show");
  await page.locator('.draw-screen[data-kept="2"]').waitFor({ timeout: 5000 });
}));

test("a reload right after the pen lifts keeps that stroke", (t) => onDrawingScreen(t, "reload-at-once", {}, async ({ page, X, Y }) => {
  await penStroke(page, line([X(0.2), Y(0.4)], [X(0.8), Y(0.45)], 20, 0.5, 0.8));
  // The save status and the kept drawing follow a frame after the pen lifts; leaving the
  // page before that frame must not lose the stroke.
  await page.reload();
  await page.getByTestId("canvas").waitFor();
  await strokes(page, 1);
  await eventually(() => inkPixels(page), (n) => n > 200, (n) => `the stroke did not come back (${n} ink pixels)`);
}));
