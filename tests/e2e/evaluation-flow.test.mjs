// The evaluation of one client from start to end, in one flow, in a real browser against the
// real server (issue 25's acceptance): a client with two goals and three sessions; drawings,
// music and an exercise made in the work forms and linked to the goals; voortgang scores at the
// end of each session; a GAS scale per goal; an evaluation through its form with the
// Kiresuk–Sherman T-score; two drawings compared; the evaluatieverslag previewed and
// downloaded; the client's ZIP downloaded; both checked with standard tools; then the client
// deleted and nothing of it left in the database or the blob folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite, newPage, shot, seed, attributeIs, countIs, textIs, textMatches } from "./harness.mjs";
import { drawAndSave, playAndSave, runExercise } from "./tablet.mjs";
import { checkPdf, checkZip, deleteClient, describeGas, download, fillEvaluation, giveScores, nothingLeft } from "./dossier.mjs";
import { violations } from "./axe.mjs";

const env = suite();
const SIZES = [[1024, 768], [768, 1024], [390, 844]];

/** Screenshots at three sizes with `target` scrolled to the top of the screen. */
async function shots(page, name, target) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await target.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await shot(page, `flow-${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** Ticks goal `goal`'s chip on the work form, and waits until it shows as ticked. */
async function link(page, goal) {
  const chip = page.locator(`.goal-chips .chip[data-goal="${goal.id}"]`);
  await chip.click();
  await attributeIs(chip, "aria-pressed", "true", "the goal is not ticked");
}

test("one client's evaluation from the work forms to the report, the ZIP and the deletion", async (t) => {
  const page = await newPage(env.browser);
  const dir = mkdtempSync(path.join(tmpdir(), "speelruimte-flow-"));
  const { url } = env.server;
  try {
    const { client, goal, session, post } = await seed(page, env.server);
    const other = await post(`/api/clients/${client.id}/goals`, { domain: "grenzen", title: "Nee zeggen als het te veel wordt" });
    const goals = [goal, other];
    const sessions = [session];
    for (const date of ["2026-12-01", "2026-12-08"]) sessions.push(await post(`/api/clients/${client.id}/sessions`, { date }));
    const form = (s, f) => `${url}/clients/${client.id}/sessies/${s.id}/${f}`;

    // The work: a drawing, a rhythm and a breathing exercise in the first session, a second
    // drawing in the last; the drawings and the exercise for the first goal, the rhythm for
    // the second.
    for (const [s, f] of [[sessions[0], 0.3], [sessions[2], 0.6]]) {
      await page.goto(form(s, "tekenen"));
      await page.getByTestId("canvas").waitFor();
      await link(page, goal);
      await drawAndSave(page, f, "saved");
    }
    await page.goto(form(sessions[0], "muziek"));
    await page.getByTestId("pads").waitFor();
    await link(page, other);
    await playAndSave(page, 3, "saved");
    await page.goto(form(sessions[0], "spanning"));
    await runExercise(page); // rated 7 before, 3 after
    await link(page, goal);
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the exercise was not saved");

    // Voortgang at the end of each session (the first goal 3 → 5 → 7, the second 2 → 4 → 6).
    await giveScores(page, url, client, sessions, goals, [[3, 2], [5, 4], [7, 6]]);

    // Review: each goal with its work, its chart of three scores, its tension; a GAS scale each.
    await page.goto(`${url}/clients/${client.id}/evaluatie`);
    const section = (g) => page.locator(`section[data-goal="${g.id}"]`);
    await countIs(section(goal).locator("button.thumb"), 3, "the first goal does not hold its two drawings and the exercise");
    await countIs(section(other).locator("button.thumb"), 1, "the second goal does not hold the rhythm");
    for (const g of goals) await attributeIs(section(g).getByTestId("progress-chart"), "data-scores", "3", `${g.title}: not three scores`);
    const run = section(goal).locator('[data-testid="goal-tension-chart"] g.run');
    await countIs(run, 1, "the first goal's tension chart does not hold the exercise");
    await attributeIs(run, "data-before", "7");
    await attributeIs(run, "data-after", "3");
    await countIs(section(other).getByTestId("goal-tension-chart"), 0, "the second goal charts an exercise not linked to it");
    await describeGas(page, goals, ["nooit", "soms, met hulp", "meestal zelf", "vaak zelf", "altijd zelf"]);
    await shots(page, "goal", section(goal));

    // The evaluation: the first goal better than expected (+1), the second as expected (0):
    // T = 50 + 10·(1 + 0)/√(0.7·2 + 0.3·2²) = 50 + 10/√2.6 = 56.20 (Kiresuk & Sherman, ρ = 0.3).
    const filled = await fillEvaluation(page, goals, {
      date: "2026-12-10", levels: [1, 0], words: "Ik merk de spanning eerder.", satisfaction: 8,
      notes: "Tekent de spanning nu in de buik.", next: "Nog zes sessies.",
    });
    await attributeIs(page.getByTestId("t-preview"), "data-t-score", "56.20", "the T-score before saving");
    await shots(page, "evaluation-form", filled);
    await page.getByTestId("evaluation-save").click();
    const evaluation = page.getByTestId("evaluation");
    await countIs(evaluation, 1, "the evaluation is not listed");
    await attributeIs(evaluation, "data-t-score", "56.20");
    await textIs(evaluation.getByTestId("t-score"), "56,2");
    await textMatches(evaluation, [/Besproken met de cliënt/, /Ik merk de spanning eerder\./, /GAS \+1: vaak zelf \(1\)/]);

    // The first and the latest drawing side by side, each with its observations.
    const compare = page.getByTestId("compare");
    await countIs(compare.locator("figure.compare-drawing"), 2, "not two drawings compared");
    await countIs(compare.locator('[data-testid="observations"]'), 2, "not both drawings have their observations");
    await page.waitForFunction(() => [...document.querySelectorAll("figure.compare-drawing img")].every((i) => i.complete && i.naturalWidth > 0));
    assert.deepEqual(await violations(page, "review after the evaluation"), [], "axe-core found violations");
    await shots(page, "compare", compare);

    // The report: both goals, both drawings; preview, then the PDF.
    await evaluation.getByTestId("report-link").click();
    const picks = page.getByTestId("report-picks");
    await countIs(picks.locator('input[name="goal"]:checked'), 2, "both goals are not picked by default");
    const drawings = picks.locator("label.thumb.pick[data-artefact] input");
    await countIs(drawings, 2, "the report does not offer the two drawings");
    for (const i of [0, 1]) await drawings.nth(i).check();
    await page.getByTestId("report-preview-button").click();
    const preview = page.getByTestId("report-preview");
    await preview.waitFor({ timeout: 30_000 });
    const shown = Number(await preview.getAttribute("data-pages"));
    await countIs(preview.locator("img"), shown, "the preview's pages");
    assert.deepEqual(await violations(page, "report"), [], "axe-core found violations");
    await shots(page, "report-preview", preview);
    const pdf = await download(page, page.getByTestId("report-download"), dir);
    const report = checkPdf(pdf);
    // How long the server took to typeset (its log; BENCHMARKS.md B8 quotes it).
    t.diagnostic(env.server.log().split("\n").filter((l) => l.includes("report typeset")).map((l) => l.replace(/^.*report typeset\s*/, "")).join("; "));
    assert.equal(report.pages, shown, "the PDF has other pages than the preview showed");
    for (const words of [/Voelen waar de spanning zit/, /Nee zeggen als het te veel wordt/, /GAS T-score: 56,2/, /Nog zes sessies\./, /Pagina 1 van/]) {
      assert.match(report.text, words);
    }
    const images = execFileSync("pdfimages", ["-list", pdf]).toString().trim().split("\n").slice(2)
      .filter((row) => row.trim().split(/\s+/)[2] === "image");
    assert.equal(images.length, 2, "the PDF does not hold the two drawings picked");
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(dir, "page")]);
    for (const name of readdirSync(dir).filter((n) => n.startsWith("page"))) copyFileSync(path.join(dir, name), path.join("artifacts", `flow-report-${name}`));

    // The ZIP, from the client's page: every record, every file, valid; the report inside.
    await page.goto(`${url}/clients/${client.id}`);
    const zip = await download(page, page.getByTestId("export"), dir);
    await page.getByTestId("export-done").waitFor();
    const { out, names, seconds } = checkZip(zip, dir);
    const of = (re) => names.filter((n) => re.test(n));
    assert.equal(of(/^werkstukken\/.*_tekening_.*\/image\.png$/).length, 2, `${names}`);
    assert.equal(of(/^werkstukken\/.*_muziek_.*\/mix\.wav$/).length, 1, `${names}`);
    assert.ok(Object.values(seconds).every((s) => s > 0), `a recording without sound: ${JSON.stringify(seconds)}`);
    assert.equal(of(/^verslagen\/.*\.pdf$/).length, 1, `${names}`);
    const progress = JSON.parse(readFileSync(path.join(out, "voortgang.json"), "utf8"));
    assert.equal(progress.scores.length, 6, "not the six voortgang scores");
    assert.equal(progress.scales.length, 2, "not the two GAS scales");
    assert.equal(JSON.parse(readFileSync(path.join(out, "evaluaties.json"), "utf8")).length, 1);

    // Deleting the client: nothing of it is left (it was this server's only client).
    await deleteClient(page, url, client.label);
    await textMatches(page.locator("main"), [/Nog geen cliënten/]);
    assert.equal((await page.request.get(`${url}/api/clients/${client.id}`)).status(), 404);
    nothingLeft(env.server.dataDir, client);
    assert.deepEqual(page.errors.filter((e) => !e.includes("401")), [], "the pages logged errors");
  } catch (e) {
    await shot(page, "failure-evaluation-flow").catch(() => {});
    t.diagnostic(`server log:\n${env.server.log().slice(-4000)}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});
