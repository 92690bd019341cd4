// Spanning reguleren in a real browser: a child rates tension with faces, breathes along a
// short own exercise (made in the app, checked by the server), rates again, saves, and the
// before/after appear in review and in the chart. Then every pacer picture, the calm variant
// for reduced motion, muscle relaxation with its body part lit, grounding cards, and an adult
// run stopped early, each looked at in a screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, suite, newPage, shot, seed, attributeIs, countIs, eventually, textIs, textMatches } from "./harness.mjs";
import { PROBE } from "./audio-probe.mjs";

const env = suite();

const level = (page) => page.locator("svg.pacer").getAttribute("data-level").then(Number);

/**
 * Watches the pacer frame by frame until, during `phase`, its level passes `bound` (going
 * above it, or below it for `"below"`); returns that level. Fails if the phase goes by first.
 */
async function levelDuring(page, phase, bound, side = "above") {
  await page.evaluate(() => { delete window.__was; });
  const seen = await page.waitForFunction(([phase, bound, side]) => {
    const now = document.querySelector(".runner")?.dataset.phase;
    const l = Number(document.querySelector("svg.pacer")?.dataset.level);
    if (now === phase && (side === "above" ? l > bound : l < bound)) return { level: l };
    if (window.__was === phase && now !== phase) return { missed: now };
    window.__was = now;
    return false;
  }, [phase, bound, side], { polling: "raf", timeout: 15_000 });
  const r = await seen.jsonValue();
  assert.ok(!r.missed, `the ${phase} phase went by (now ${r.missed}) without the level going ${side} ${bound}`);
  return r.level;
}

/** What the pacer shows, frame by frame, for `ms` of the page's clock: each distinct state once. */
function watchPacer(page, ms) {
  return page.evaluate((ms) => new Promise((done) => {
    const seen = new Set();
    const end = performance.now() + ms;
    const look = () => {
      const phase = document.querySelector(".runner")?.dataset.phase;
      seen.add(`${phase} ${document.querySelector("svg.pacer")?.dataset.level}`);
      if (performance.now() < end) requestAnimationFrame(look); else done([...seen]);
    };
    look();
  }), ms);
}

test("a child rates with faces, breathes along a short own exercise, and the ratings show in review", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, goal, session } = await seed(page, env.server); // born 2015: a child
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}`);
    await page.getByRole("link", { name: /Spanning reguleren/ }).click();
    await page.getByRole("heading", { name: "Ademhaling" }).waitFor();
    // The exercises show only once the client's age is known, with the child version chosen.
    await attributeIs(page.getByTestId("audience-child"), "aria-pressed", "true", "an eleven-year-old gets the child version");
    await eventually(() => page.locator('[data-exercise="balloon"]').isVisible(), (shown) => shown, "balloon breathing is not offered to a child");
    // (The child version is chosen and its list shows: nothing more arrives that could add 4-7-8.)
    assert.equal(await page.locator('[data-exercise="4-7-8"]').count(), 0, "4-7-8 is for adults");
    await shot(page, "exercise-choose-child-1024x768");

    // An own exercise: a zero-second phase is refused in Dutch, then 1 s in, 1 s out, twice.
    await page.getByTestId("make-own").click();
    await page.getByTestId("own-title").fill("Korte adem");
    const secs = page.locator(".own-phase .secs");
    await secs.nth(0).fill("0");
    await page.getByTestId("own-reps").fill("2");
    await page.getByTestId("own-save").click();
    await page.getByRole("alert").filter({ hasText: "Fase 1 duurt 0 seconden" }).waitFor();
    await secs.nth(0).fill("1");
    await secs.nth(1).fill("1");
    await page.getByTestId("own-save").click();
    const own = page.locator(".exercise-card.own", { hasText: "Korte adem" });
    await own.waitFor();
    await attributeIs(own, "aria-pressed", "true", "the new exercise is not chosen");
    const listed = await (await page.request.get(`${env.server.url}/api/clients/${client.id}/exercises`)).json();
    assert.deepEqual(listed[0].exercise.phases.map((p) => [p.kind, p.ms]), [["in", 1000], ["out", 1000]]);

    await page.locator('[data-visual="balloon"]').click();
    await page.getByTestId("to-before").click();
    await page.locator('.face-button[data-value="8"]').click();
    await page.locator('.body-part[data-part="belly"]').click();
    await shot(page, "exercise-before-child-1024x768");
    await page.getByTestId("start").click();

    // The pacer follows the timeline: in during the first second, out in the second.
    const runner = page.locator(".runner");
    await runner.waitFor();
    // The balloon grows on the in-breath (the level passes 0.6 before the phase ends).
    const high = await levelDuring(page, "in", 0.6);
    // Paused, the balloon holds still for longer than a phase lasts (1 s), frame after frame;
    // resumed, it goes on.
    await page.getByTestId("pause").click();
    await page.getByTestId("phase-word").filter({ hasText: "Gepauzeerd" }).waitFor();
    const held = `${await page.locator(".runner").getAttribute("data-phase")} ${await page.locator("svg.pacer").getAttribute("data-level")}`;
    await shot(page, "exercise-run-balloon-1024x768");
    assert.deepEqual(await watchPacer(page, 1500), [held], "the balloon moved while paused");
    await page.getByTestId("pause").click();
    // And shrinks on the out-breath.
    const low = await levelDuring(page, "out", 0.4, "below");
    assert.ok(high > 0.6 && low < 0.4, `balloon grows on in (${high}) and shrinks on out (${low})`);
    await page.getByTestId("phase-word").filter({ hasText: /uit/ }).waitFor();

    // After four seconds it is done by itself; rate after, link the goal, save.
    await page.getByTestId("run-summary").waitFor({ timeout: 10_000 });
    await textMatches(page.getByTestId("run-summary"), /Klaar/, "the run summary does not say it is done");
    await page.locator('.face-button[data-value="3"]').click();
    await page.locator(`[data-goal="${goal.id}"]`).click();
    await shot(page, "exercise-after-child-1024x768");
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

    const [saved] = await (await page.request.get(`${env.server.url}/api/clients/${client.id}/artefacts`)).json();
    assert.equal(saved.kind, "exercise");
    assert.deepEqual(saved.goal_ids, [goal.id]);
    const m = saved.metadata;
    assert.deepEqual([m.before.value, m.after.value, m.before.scale], [8, 3, "faces"]);
    assert.deepEqual(m.before.places, ["belly"]);
    assert.equal(m.exercise.title.nl, "Korte adem");
    assert.equal(m.ran_ms, 4000);
    assert.equal(m.interrupted, false);
    assert.ok(m.wall_ms >= 3900 && m.wall_ms < 8000, `ran for ${m.wall_ms} ms of wall time`);

    // Review: the chart and the card show 8 → 3; the panel tells it in words.
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    const run = page.locator('[data-testid="tension-chart"] g.run');
    await run.waitFor();
    await attributeIs(run, "data-before", "8", "the chart's run does not start at 8");
    await attributeIs(run, "data-after", "3", "the chart's run does not end at 3");
    const card = page.locator(`section[data-goal="${goal.id}"] button.thumb`);
    await textMatches(card, /Korte adem · 8 → 3/, "the card does not show Korte adem · 8 → 3");
    // The goal's own section charts the runs linked to it: this one.
    const goalRun = page.locator(`section[data-goal="${goal.id}"] [data-testid="goal-tension-chart"] g.run`);
    await countIs(goalRun, 1, "the goal's tension chart does not hold its one run");
    await attributeIs(goalRun, "data-before", "8", "the goal's chart does not start at 8");
    await attributeIs(goalRun, "data-after", "3", "the goal's chart does not end at 3");
    await shot(page, "exercise-review-1024x768");
    await card.click();
    await page.getByTestId("exercise-review").waitFor();
    await textIs(page.getByTestId("before-value"), "8", "the review's rating before is not 8");
    await textIs(page.getByTestId("after-value"), "3", "the review's rating after is not 3");
    await textMatches(page.getByTestId("exercise-review"), [/5 rustiger/, /buik/], "the review does not tell 5 calmer and the belly");
    await shot(page, "exercise-review-panel-1024x768");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    t.diagnostic(env.server.log());
    throw e;
  }
});

/** From the choice screen: pick an exercise (and a picture), skip the rating, start. */
async function startExercise(page, id, visual) {
  await page.locator(`[data-exercise="${id}"]`).click();
  if (visual) await page.locator(`[data-visual="${visual}"]`).click();
  await page.getByTestId("to-before").click();
  await page.getByTestId("start").click();
  await page.locator(".runner").waitFor();
}

test("each pacer picture, the calm variant, muscle relaxation and grounding; stopping early is kept as interrupted", async (t) => {
  // A server of its own: the setup link of the first one is used up.
  const server = await startServer();
  const page = await newPage(env.browser);
  page.on("dialog", (d) => d.accept());
  t.after(() => server.stop());
  try {
    const { client, session } = await seed(page, server);
    const url = `${server.url}/clients/${client.id}/sessies/${session.id}/spanning`;

    // The therapist picks adult before the client (a child) has loaded: the age that arrives
    // later does not undo the choice.
    const clientApi = `**/api/clients/${client.id}`;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(clientApi, async (route) => { await held; await route.continue(); });
    await page.goto(url);
    // Until the client's age is known, nothing that depends on it is offered (a fast tap would
    // start the adult exercise for a child), and neither version shows as chosen.
    await page.getByTestId("audience-adult").waitFor();
    assert.equal(await page.locator("[data-exercise]").count(), 0, "exercises offered before the client's age is known");
    await page.getByTestId("audience-waiting").waitFor();
    assert.equal(await page.getByTestId("audience-adult").getAttribute("aria-pressed"), "false");
    assert.equal(await page.getByTestId("audience-child").getAttribute("aria-pressed"), "false");
    await shot(page, "exercise-choose-waiting-1024x768");
    // The therapist's own pick works before then.
    await page.getByTestId("audience-adult").click();
    await page.locator('[data-exercise="4-7-8"]').waitFor();
    const loaded = page.waitForResponse(clientApi);
    release();
    await loaded;
    // The client has arrived once its label is in the title.
    await page.getByRole("heading", { name: /Uil-7/ }).waitFor();
    assert.equal(await page.getByTestId("audience-adult").getAttribute("aria-pressed"), "true",
      "the client's age, loaded later, undid the therapist's choice of adult");
    assert.equal(await page.locator('[data-exercise="balloon"]').count(), 0, "the child's exercises came back");
    await page.unroute(clientApi);

    for (const [visual, size] of [["circle", [1024, 768]], ["wave", [768, 1024]], ["animal", [1024, 768]], ["balloon", [390, 844]]]) {
      await page.setViewportSize({ width: size[0], height: size[1] });
      await page.goto(url);
      await startExercise(page, "calm-4-6", visual);
      await attributeIs(page.locator(".runner"), "data-visual", visual, `the runner does not show the ${visual}`);
      // Photographed once the picture is well into the in-breath.
      await levelDuring(page, "in", 0.4);
      await shot(page, `exercise-pacer-${visual}-${size[0]}x${size[1]}`);
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${visual}: ${overflow}px sideways scroll`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });

    // Reduced motion: the calm picture is chosen by itself and nothing moves across the screen.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(url);
    await page.locator('[data-exercise="calm-4-6"]').click();
    await attributeIs(page.locator('[data-visual="calm"]'), "aria-pressed", "true", "reduced motion did not choose the calm picture");
    await page.getByTestId("to-before").click();
    await page.getByTestId("start").click();
    await page.locator(".runner").waitFor();
    await attributeIs(page.locator(".runner"), "data-visual", "calm", "the runner does not show the calm picture");
    await countIs(page.locator("svg.pacer.calm .calm-fill"), 1, "the calm picture has no fill");
    await levelDuring(page, "in", 0.4);
    await shot(page, "exercise-pacer-calm-reduced-motion-1024x768");
    await page.emulateMedia({ reducedMotion: "no-preference" });

    // An adult (the therapist switches), muscle relaxation: the hands are lit first.
    await page.goto(url);
    await page.getByTestId("audience-adult").click();
    await startExercise(page, "pmt-adult");
    await page.locator('.runner .body-part.on[data-part="hands"]').waitFor();
    await textMatches(page.getByTestId("phase-word"), /aanspannen/, "the phase word does not say to tense the hands");
    await shot(page, "exercise-pmt-adult-1024x768");

    // Grounding: big cards, counted by tapping, the client moves on when ready.
    await page.goto(url);
    await page.getByTestId("audience-adult").click();
    await startExercise(page, "grounding-5-4-3-2-1");
    const card = page.getByTestId("ground-card");
    await card.waitFor();
    await textIs(card.locator(".ground-count"), "5", "grounding does not start at 5");
    await countIs(card.locator(".dot"), 5, "the first card has not 5 dots");
    await card.locator(".dot").nth(0).click();
    await card.locator(".dot").nth(1).click();
    await shot(page, "exercise-grounding-1024x768");
    await page.getByTestId("next-step").click();
    await page.waitForFunction(() => document.querySelector(".ground-count")?.innerText === "4");

    // Stopped early: the adult slider after, saved as interrupted with how far it got.
    await page.getByTestId("stop").click();
    await page.getByTestId("run-summary").waitFor();
    await textMatches(page.getByTestId("run-summary"), /Gestopt/, "the run summary does not say it was stopped");
    await page.getByTestId("tension-slider").fill("4");
    await eventually(() => page.getByTestId("tension-value").innerText(), (v) => v === "4", "the slider's value does not show");
    await shot(page, "exercise-after-adult-1024x768");
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    const [saved] = await (await page.request.get(`${server.url}/api/clients/${client.id}/artefacts`)).json();
    const m = saved.metadata;
    assert.equal(m.interrupted, true);
    assert.equal(m.before.value, null, "the rating before was skipped");
    assert.equal(m.after.value, 4);
    assert.equal(m.after.scale, "slider");
    assert.ok(m.ran_ms >= 30_000 && m.ran_ms < m.planned_ms, `got ${m.ran_ms} of ${m.planned_ms} ms`);
    assert.deepEqual(page.errors, []);
  } catch (e) {
    t.diagnostic(server.log());
    throw e;
  }
});

test("each phase change is marked: a sound at the output, a different vibration for in and out, and speech", async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  // The audio probe (an AudioWorklet on the output) needs a context that allows its blob: URL.
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, bypassCSP: true });
  await context.addInitScript({ content: PROBE });
  await context.addInitScript({
    content: `(() => {
      window.__buzz = [];
      window.__said = [];
      Object.defineProperty(Navigator.prototype, "vibrate", { value: function (p) { window.__buzz.push(Array.from(p)); return true; } });
      const synth = window.speechSynthesis;
      if (synth) synth.speak = (u) => window.__said.push([u.text, u.lang]);
    })();`,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  try {
    const { client, session } = await seed(page, server);
    const made = await page.request.post(`${server.url}/api/clients/${client.id}/exercises`, {
      data: { title: "Twee ademhalingen", kind: "breathing", phases: [["in", 1.5, "Adem in"], ["out", 1.5, "Adem uit"]], repetitions: 2 },
      headers: { "X-CSRF-Token": (await (await page.request.get(`${server.url}/api/me`)).json()).csrf_token },
    });
    assert.equal(made.status(), 201, await made.text());
    await page.goto(`${server.url}/clients/${client.id}/sessies/${session.id}/spanning`);
    await page.locator(".exercise-card.own").click();
    await page.locator(".chip", { hasText: "Gesproken begeleiding" }).click();
    await page.getByTestId("to-before").click();
    await page.getByTestId("start").click();
    await page.getByTestId("run-summary").waitFor({ timeout: 15_000 });
    const r = await page.evaluate(() => ({ sounds: window.__b3.reports, buzz: window.__buzz, said: window.__said }));
    // in, out, in, out: four cues, each heard as a new sound after silence, ~1.5 s apart.
    assert.equal(r.sounds.length, 4, `cues heard at ${r.sounds.map((s) => s.toFixed(2))}`);
    for (let i = 1; i < 4; i++) {
      const gap = r.sounds[i] - r.sounds[i - 1];
      assert.ok(Math.abs(gap - 1.5) < 0.15, `cue ${i + 1} came ${gap.toFixed(3)} s after the one before`);
    }
    assert.deepEqual(r.buzz, [[300], [90, 90, 90, 90, 90], [300], [90, 90, 90, 90, 90]], "one long pulse in, short ones out");
    assert.deepEqual(r.said, [["adem in", "nl-NL"], ["adem uit", "nl-NL"], ["adem in", "nl-NL"], ["adem uit", "nl-NL"]]);
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
  }
});
