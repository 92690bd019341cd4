// Scores and evaluation in a real browser: a therapist gives three goals their voortgang score
// at the end of each of three sessions (two taps per goal), describes a GAS scale per goal,
// sets a subgoal's status, and records an evaluation with every goal a little less than
// expected; the T-score shown is the Kiresuk–Sherman value for that case, 36.31 (three equally
// weighted goals at −1, ρ = 0.3: 50 − 30/√4.8), and everything is still there after a reload.
// Each screen is looked at in screenshots at three sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot, seed, attributeIs, countIs, textIs, textMatches } from "./harness.mjs";
import { giveScores, describeGas, fillEvaluation } from "./dossier.mjs";

const env = suite();

const SIZES = [[1024, 768], [768, 1024], [390, 844]];

/**
 * Screenshots of the page as it stands at each size, with `target` (a locator) scrolled into
 * view at each; the viewport is set back after.
 */
async function shots(page, name, target) {
  const was = page.viewportSize();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    if (target) await target.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, `evaluation-${name}-${width}x${height}`);
  }
  await page.setViewportSize(was);
}

/** Every button and summary on the page smaller than a finger (48 px) in either direction. */
function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll("main button, main summary, main select, main input")]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 47.5 || r.height < 47.5)
    .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
}

test("voortgang per session, GAS scales and an evaluation whose T-score is the published value", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, goal, session, post } = await seed(page, env.server);
    const goals = [goal];
    for (const title of ["Nee zeggen als het te veel wordt", "Hulp vragen"]) {
      goals.push(await post(`/api/clients/${client.id}/goals`, { domain: "grenzen", title }));
    }
    const sessions = [session];
    for (const date of ["2026-12-01", "2026-12-08"]) {
      sessions.push(await post(`/api/clients/${client.id}/sessions`, { date }));
    }

    // End of each session: one tap opens the panel, one tap per goal gives its score.
    await giveScores(page, env.server.url, client, sessions, goals, [[3, 5, 2], [5, 6, 4], [7, 6, 5]]);
    assert.deepEqual(await smallTargets(page), [], "targets smaller than a finger on the session screen");
    await shots(page, "session-voortgang", page.getByTestId("session-scores"));
    // Back on the last session, the scores given there show as chosen.
    await page.reload();
    await page.locator('[data-testid="session-scores"] > summary').click();
    await attributeIs(page.locator(`.score-row[data-goal="${goals[0].id}"]`), "data-score", "7");

    // Review: each goal's chart has its three scores; describe each goal's GAS scale.
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    for (const [j, g] of goals.entries()) {
      await attributeIs(page.locator(`section[data-goal="${g.id}"]`).getByTestId("progress-chart"), "data-scores", "3", `goal ${j + 1}'s chart`);
    }
    await describeGas(page, goals, ["nooit", "soms, met hulp", "meestal zelf", "vaak zelf", "altijd zelf"], async (j, section) => {
      if (j === 0) await shots(page, "gas-editor", section.locator(".gas-edit"));
    });
    const first = page.locator(`section[data-goal="${goals[0].id}"]`);
    const marks = await first.locator(".progress-chart .score-point").evaluateAll((cs) => cs.map((c) => c.dataset.value));
    assert.deepEqual(marks, ["3", "5", "7"], "the first goal's scores in date order");
    const axis = await first.locator(".progress-chart text.axis").allTextContents();
    assert.ok(axis.includes("24 november") && axis.includes("8 december"), `dates on the axis: ${axis}`);
    await textIs(first.getByTestId("gas-summary").locator("dd").first(), "altijd zelf (1)", "the scale's +2 in the goal's summary");

    // The seeded goal's subgoal goes to "bezig".
    const sub = first.locator('.subgoal[data-index="0"]');
    await sub.locator('button[data-status="bezig"]').click();
    await attributeIs(sub, "data-status", "bezig");

    // The evaluation: every goal a little less than expected (−1).
    const form = await fillEvaluation(page, goals, {
      date: "2026-12-15", levels: [-1, -1, -1], words: "Het gaat beter, maar nee zeggen blijft moeilijk.", satisfaction: 7,
      notes: "Rustiger bij het tekenen.", next: "Nog zes sessies; daarna opnieuw evalueren.",
    });
    await attributeIs(page.getByTestId("t-preview"), "data-t-score", "36.31", "the T-score before saving");
    assert.deepEqual(await smallTargets(page), [], "targets smaller than a finger on the evaluation form");
    await shots(page, "form", form.locator("fieldset"));
    await page.getByTestId("evaluation-save").click();

    const item = page.getByTestId("evaluation");
    await countIs(item, 1, "the evaluation is not listed");
    await attributeIs(item, "data-t-score", "36.31");
    await textIs(item.getByTestId("t-score"), "36,3", "the listed T-score, written the Dutch way");
    await textMatches(item, [/Besproken met de cliënt/, /Het gaat beter, maar nee zeggen blijft moeilijk\./, /GAS −1: soms, met hulp \(1\)/]);

    // After a reload it is all still there: the evaluation, its level in each goal's chart.
    await page.reload();
    await countIs(page.getByTestId("evaluation"), 1);
    await attributeIs(page.getByTestId("evaluation"), "data-t-score", "36.31");
    await attributeIs(first.getByTestId("progress-chart"), "data-gas", "1", "the GAS level is not in the chart");
    await attributeIs(first.locator('.subgoal[data-index="0"]'), "data-status", "bezig");
    await shots(page, "review-goal", first.getByTestId("goal-progress"));
    await shots(page, "list", page.getByTestId("evaluations"));
    assert.deepEqual(page.errors.filter((e) => !e.includes("401")), [], "the page logged errors");
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});
