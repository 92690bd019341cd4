// The therapist's and the client's views, in a real browser: the client timeline (sessions
// newest first with what was made in each, the three work forms, filters that change what
// shows, "load more" for the next page), the client's own gallery (the client's drawings as big
// pictures, no words and no scores; also in kindermodus, where nothing else can be reached), and
// the comparison's two replays driven by one clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot, penStroke, line, attributeIs, countIs, eventually, textMatches, holdCorner, typePin } from "./harness.mjs";
import { seedWork } from "./screens.mjs";
import { violations } from "./axe.mjs";

const env = suite();
const PIN = "2468";
const SIZES = [[1024, 768], [768, 1024], [390, 844]];

/** An ISO date `months` months before today (as the server counts a period back). */
function monthsBack(months) {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

async function shots(page, name) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await shot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test("timeline, filters, load more, the client's gallery (also in kindermodus) and replays in step", async (t) => {
  const page = await newPage(env.browser);
  const url = env.server.url;
  try {
    // One session with a drawing, an exercise (8 → 3) and music, all linked to the goal.
    const { client, goal, session, post } = await seedWork(page, env.server);
    // A later session with a second drawing of two lines, linked to nothing.
    const later = await post(`/api/clients/${client.id}/sessions`, { date: "2026-12-08" });
    await page.goto(`${url}/clients/${client.id}/sessies/${later.id}/tekenen`);
    const canvas = page.getByTestId("canvas");
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    const X = (f) => box.x + box.width * f, Y = (f) => box.y + box.height * f;
    for (const [i, f] of [0.3, 0.6].entries()) {
      await penStroke(page, line([X(0.2), Y(f)], [X(0.8), Y(f + 0.05)], 16, 0.5, 0.8));
      await attributeIs(canvas, "data-strokes", String(i + 1));
    }
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the second drawing was not saved", 10_000);
    // Eleven sessions long ago, with nothing made: thirteen sessions in all, ten to a page.
    const old = [];
    for (let i = 0; i < 11; i++) {
      const date = monthsBack(14 + i);
      old.push(date);
      await post(`/api/clients/${client.id}/sessions`, { date });
    }

    // From the client's page into the timeline.
    await page.goto(`${url}/clients/${client.id}`);
    await page.getByTestId("timeline-open").click();
    const sessions = page.locator(".timeline-session");
    await countIs(sessions, 10, "the first page is not ten sessions");
    await page.getByTestId("timeline-more").waitFor();
    // Newest first: the later drawing, then the session with all three work forms.
    await attributeIs(sessions.nth(0), "data-date", "2026-12-08");
    await attributeIs(sessions.nth(1), "data-date", session.date);
    const three = sessions.nth(1);
    for (const kind of ["drawing", "exercise", "music"]) await countIs(three.locator(`[data-kind="${kind}"]`), 1, `no ${kind} in the session`);
    const thumb = three.locator('[data-kind="drawing"] img');
    assert.equal(await thumb.getAttribute("loading"), "lazy", "the thumbnail is not loaded lazily");
    await textMatches(three.locator('[data-kind="exercise"] [data-testid="tension"]'), [/8 → 3/]);
    await countIs(three.locator('[data-kind="music"] svg circle'), 1, "the take's one hit is not on its little timeline");
    await textMatches(three.locator('[data-kind="drawing"] .goal-line'), [new RegExp(goal.title)]);
    assert.deepEqual(await violations(page, "timeline"), [], "axe-core found violations");
    await shots(page, "timeline");

    // Load more: the last three sessions, and then the end.
    await page.getByTestId("timeline-more").click();
    await countIs(sessions, 13, "load more did not add the last page");
    await page.getByTestId("timeline-end").waitFor();
    const dates = await sessions.evaluateAll((els) => els.map((e) => e.dataset.date));
    assert.deepEqual(dates, [...dates].sort().reverse(), "not newest first across pages");
    assert.equal(new Set(dates).size, 13, "a session shows twice");
    assert.deepEqual(dates.slice(2), old, "the old sessions are not all there, in order");

    // Filters: a work form, a goal, a period.
    await page.getByTestId("filter-form").selectOption("music");
    await countIs(sessions, 1, "music: only the session with the take");
    await countIs(page.locator(".timeline-session [data-kind]"), 1);
    await countIs(page.locator('.timeline-session [data-kind="music"]'), 1);
    await page.getByTestId("filter-form").selectOption("drawing");
    await countIs(sessions, 2, "drawing: the two sessions with a drawing");
    await page.getByTestId("filter-goal").selectOption(goal.id);
    await countIs(sessions, 1, "drawing and the goal: only the linked drawing");
    await attributeIs(sessions.nth(0), "data-date", session.date);
    await page.getByTestId("filter-form").selectOption("");
    await countIs(page.locator(".timeline-session [data-kind]"), 3, "the goal: its three linked artefacts");
    await page.getByTestId("filter-goal").selectOption("");
    await page.getByTestId("filter-period").selectOption("12m");
    const cutoff = monthsBack(12);
    const within = ["2026-12-08", session.date, ...old].filter((d) => d >= cutoff).length;
    await countIs(sessions, within, "the last 12 months: the old sessions are left out");
    await page.getByTestId("timeline-end").waitFor();

    // A tap opens the artefact as the review does.
    await three.locator('[data-kind="drawing"]').click();
    await page.getByTestId("artefact-panel").waitFor();
    await page.getByTestId("artefact-panel").getByRole("button").first().click();

    // The client's own gallery: the two drawings as pictures, music and the exercise as
    // pictures, and not one word or number on screen.
    await page.goto(`${url}/clients/${client.id}`);
    await page.getByTestId("gallery-open").click();
    const pictures = page.locator(".gallery-grid li");
    await countIs(pictures, 4, "not the client's four artefacts");
    await countIs(page.locator(".gallery-grid img.gallery-drawing"), 2, "not both drawings as pictures");
    await page.waitForFunction(() => [...document.querySelectorAll(".gallery-grid img")].every((i) => i.complete && i.naturalWidth > 0));
    const words = await page.locator("main").evaluate((m) => m.innerText.trim());
    assert.equal(words, "", `the gallery shows words or numbers: ${JSON.stringify(words)}`);
    assert.deepEqual(await violations(page, "gallery"), [], "axe-core found violations");
    await shots(page, "gallery");

    // In kindermodus: started from the session, the gallery and nothing else.
    const csrf = (await (await page.request.get(`${url}/api/me`)).json()).csrf_token;
    const pin = await page.request.put(`${url}/api/kiosk/pin`, { data: { pin: PIN }, headers: { "X-CSRF-Token": csrf } });
    assert.equal(pin.status(), 204);
    await page.goto(`${url}/clients/${client.id}/sessies/${session.id}`);
    await page.getByTestId("kiosk-start-galerij").click();
    await page.waitForURL(`${url}/clients/${client.id}/galerij`);
    await countIs(pictures, 4, "kindermodus: not the client's four artefacts");
    await page.getByTestId("kiosk-corner").waitFor();
    assert.equal(await page.locator("a.back").count(), 0, "kindermodus: a way back shows");
    await page.goto(`${url}/clients/${client.id}/tijdlijn`);
    await eventually(() => page.url(), (u) => u.endsWith("/galerij"), "kindermodus: the timeline's address did not lead back to the gallery");
    const goals = await page.request.get(`${url}/api/clients/${client.id}/goals`);
    assert.equal(goals.status(), 403, "kindermodus gallery: the goals can be read");
    await countIs(pictures, 4);
    await shots(page, "gallery-kindermodus");
    await holdCorner(page);
    await typePin(page, PIN);
    await eventually(() => page.url(), (u) => !u.endsWith("/galerij"), "the PIN did not end the gallery");

    // An evaluation shows the T-score at the start beside its own: the goal started at -2 (one
    // goal: T = 50 + 10·(-2)/√1 = 30) and is now at +1 (T = 60).
    const gas = await page.request.put(`${url}/api/clients/${client.id}/goals/${goal.id}/gas`, {
      data: { levels: ["veel minder", "minder", "verwacht", "meer", "veel meer"], baseline: -2 }, headers: { "X-CSRF-Token": csrf },
    });
    assert.equal(gas.status(), 200, await gas.text());
    const made = await post(`/api/clients/${client.id}/evaluations`, {
      date: "2026-12-09", goals: [{ goal_id: goal.id, level: 1 }], discussed_with_client: true,
    });
    await page.goto(`${url}/clients/${client.id}/evaluatie`);
    // This evaluation (the shared seed may hold others of the same client).
    const evaluation = page.locator(`[data-testid="evaluation"][data-evaluation="${made.id}"]`);
    await attributeIs(evaluation, "data-t-score", "60.00");
    await attributeIs(evaluation.getByTestId("baseline-t-score"), "data-t-score", "30.00", "the T-score at the start is not shown");
    await textMatches(evaluation.getByTestId("baseline-t-score"), [/T-score bij de start\s*30,0/]);
    await evaluation.scrollIntoViewIfNeeded();
    await shots(page, "evaluation-baseline");

    // The comparison: both replays on one clock.
    const step = page.getByTestId("in-step");
    await step.waitFor();
    const left = step.getByTestId("in-step-left"), right = step.getByTestId("in-step-right");
    // The finished drawings first (painted once the stage has its size).
    const points = async () => [Number(await left.getAttribute("data-points")), Number(await right.getAttribute("data-points"))];
    const full = await eventually(points, (f) => f[0] > 0 && f[1] > f[0], "the finished drawings are not shown, the later one with more points");
    // Every value each side shows while it plays.
    await page.evaluate(() => {
      window.seen = { left: [], right: [] };
      for (const side of ["left", "right"]) {
        const el = document.querySelector(`[data-testid="in-step-${side}"]`);
        new MutationObserver(() => window.seen[side].push(Number(el.dataset.points))).observe(el, { attributes: true, attributeFilter: ["data-points"] });
      }
    });
    await step.getByTestId("in-step-play").click();
    await attributeIs(left, "data-points", String(full[0]), "the left replay did not reach its end", 30_000);
    await attributeIs(right, "data-points", String(full[1]), "the right replay did not reach its end", 30_000);
    await textMatches(step.getByTestId("in-step-play"), [/Beide tegelijk afspelen/], undefined, 30_000);
    const seen = await page.evaluate(() => window.seen);
    t.diagnostic(`left ${seen.left.length} steps, right ${seen.right.length}`);
    for (const side of ["left", "right"]) {
      const v = seen[side];
      assert.ok(v.length >= 3 && Math.min(...v) < full[side === "left" ? 0 : 1], `${side} did not move: ${v}`);
      assert.ok(v.every((x, i) => i === 0 || x >= v[i - 1]), `${side} went back: ${v}`);
    }
    await step.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shots(page, "compare-in-step");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    await shot(page, "failure-timeline").catch(() => {});
    throw e;
  } finally {
    await page.context().close();
  }
});
