// The evaluatieverslag in a real browser: a client with two goals, voortgang scores over three
// sessions, GAS scales and an evaluation with GAS levels, and two drawings made in the app. On
// the report screen the therapist picks one goal, its chart and the first drawing (not the
// second); the preview shows the pages; the downloaded PDF passes qpdf --check, pdfinfo gives
// the pages the preview showed, pdftoppm renders every page with ink on it, the one image in
// the PDF (pdfimages) is the first drawing's pixels, and the text holds the picked goal, the
// T-score and the notes but not the other goal. The screen is looked at in three sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite, newPage, shot, seed, penStroke, line, attributeIs, countIs } from "./harness.mjs";

const env = suite();
const SIZES = [[1024, 768], [768, 1024], [390, 844]];

/** Draws one stroke from `a` to `b` (fractions of the canvas) and saves it linked to `goal`. */
async function drawAndSave(page, url, goal, a, b) {
  await page.goto(url);
  const box = await page.getByTestId("canvas").boundingBox();
  const at = ([fx, fy]) => [box.x + box.width * fx, box.y + box.height * fy];
  await penStroke(page, line(at(a), at(b), 20, 0.5, 0.9));
  await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
  await page.locator(`[data-goal="${goal.id}"]`).click();
  await page.getByTestId("save").click();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
}

/** Whether two PNGs (bytes) hold the same pixels, decoded by the browser. */
function samePixels(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      return { w: c.width, h: c.height, d: g.getImageData(0, 0, c.width, c.height).data };
    };
    const [p, q] = [await pixels(a), await pixels(b)];
    if (p.w !== q.w || p.h !== q.h) return `size ${p.w}×${p.h} against ${q.w}×${q.h}`;
    let off = 0;
    for (let i = 0; i < p.d.length; i++) if (Math.abs(p.d[i] - q.d[i]) > 2) off++;
    return off === 0 ? "same" : `${off} values differ`;
  }, [a.toString("base64"), b.toString("base64")]);
}

test("pick, preview and download the evaluatieverslag: the PDF holds what was picked and nothing else", async () => {
  const page = await newPage(env.browser);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verslag-"));
  try {
    const { client, goal, session, post } = await seed(page, env.server);
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
    const put = async (p, data) => {
      const r = await page.request.put(env.server.url + p, { data, headers: { "X-CSRF-Token": me.csrf_token } });
      if (!r.ok()) throw new Error(`${p}: ${r.status()} ${await r.text()}`);
      return r.json();
    };
    const other = await post(`/api/clients/${client.id}/goals`, { domain: "grenzen", title: "Nee zeggen als het te veel wordt" });
    const sessions = [session];
    for (const date of ["2026-12-01", "2026-12-08"]) sessions.push(await post(`/api/clients/${client.id}/sessions`, { date }));
    for (const [i, s] of sessions.entries()) {
      await put(`/api/clients/${client.id}/sessions/${s.id}/scores/${goal.id}`, { score: [3, 5, 7][i] });
      await put(`/api/clients/${client.id}/sessions/${s.id}/scores/${other.id}`, { score: [2, 2, 4][i] });
    }
    const levels = ["voelt niets", "voelt het soms", "voelt het met hulp", "voelt het zelf", "benoemt het zelf"];
    for (const g of [goal, other]) await put(`/api/clients/${client.id}/goals/${g.id}/gas`, { levels, baseline: -2 });
    const evaluation = await post(`/api/clients/${client.id}/evaluations`, {
      date: "2026-12-10", goals: [{ goal_id: goal.id, level: 1 }, { goal_id: other.id, level: -1 }],
      satisfaction: 8, satisfaction_words: "Ik merk het eerder", discussed_with_client: true,
      notes: "Tekent de spanning nu in de buik. *Niet* als #opmaak [lezen].", next_steps: "Nog zes sessies",
    });

    const drawUrl = `${env.server.url}/clients/${client.id}/sessies/${sessions[2].id}/tekenen`;
    await drawAndSave(page, drawUrl, goal, [0.1, 0.3], [0.8, 0.4]);
    await drawAndSave(page, drawUrl, goal, [0.5, 0.1], [0.55, 0.9]);
    const artefacts = await (await page.request.get(`${env.server.url}/api/clients/${client.id}/artefacts`)).json();
    const drawings = artefacts.filter((a) => a.kind === "drawing").sort((a, b) => a.created_at.localeCompare(b.created_at));
    assert.equal(drawings.length, 2);

    // From the evaluation on the review screen to its report.
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    await page.locator(`[data-evaluation="${evaluation.id}"] [data-testid="report-link"]`).click();
    const picks = page.getByTestId("report-picks");
    await picks.waitFor();
    // By default every goal of the evaluation with its chart, no drawing.
    await countIs(picks.locator('input[name="goal"]:checked'), 2, "both goals are not picked by default");
    await countIs(picks.locator('input[name="drawing"]:checked'), 0, "a drawing is picked by default");
    await picks.locator(`.report-goal[data-goal="${other.id}"] input[name="goal"]`).uncheck();
    await picks.locator(`[data-artefact="${drawings[0].id}"] input`).check();
    await countIs(picks.locator(".thumb.pick img"), 2, "the drawings have no thumbnails");

    await page.getByTestId("report-preview-button").click();
    const preview = page.getByTestId("report-preview");
    await preview.waitFor({ timeout: 30_000 });
    const shown = Number(await preview.getAttribute("data-pages"));
    assert.ok(shown >= 1, "the preview shows no page");
    await countIs(preview.locator("img"), shown, "the preview's images");
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await picks.evaluate((el) => el.scrollIntoView({ block: "start" }));
      await shot(page, `report-picks-${width}x${height}`);
      await preview.evaluate((el) => el.scrollIntoView({ block: "start" }));
      await shot(page, `report-preview-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()]);
    assert.equal(download.suggestedFilename(), "evaluatieverslag-uil-7-2026-12-10.pdf");
    const pdf = path.join(tmp, "verslag.pdf");
    await download.saveAs(pdf);

    execFileSync("qpdf", ["--check", pdf]);
    const info = execFileSync("pdfinfo", [pdf]).toString();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    assert.equal(pages, shown, `pdfinfo's pages against the preview's:\n${info}`);
    assert.match(info, /^Title:\s+Evaluatieverslag/m);

    execFileSync("pdftoppm", ["-r", "50", "-png", pdf, path.join(tmp, "page")]);
    const rendered = fs.readdirSync(tmp).filter((n) => n.startsWith("page")).sort();
    assert.equal(rendered.length, pages);
    for (const name of rendered) {
      fs.copyFileSync(path.join(tmp, name), path.join("artifacts", `report-pdf-${name}`));
      // Non-blank: the browser counts the pixels that are not white.
      const ink = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
        return n;
      }, fs.readFileSync(path.join(tmp, name)).toString("base64"));
      assert.ok(ink > 500, `${name} is blank (${ink} dark pixels)`);
    }

    // Exactly one image: the picked drawing, pixel for pixel; the other one is not in.
    // (A soft mask, if the PNG's alpha went in as one, is listed as "smask": not an image.)
    const list = execFileSync("pdfimages", ["-list", pdf]).toString().trim().split("\n").slice(2);
    const images = list.filter((row) => row.trim().split(/\s+/)[2] === "image");
    assert.equal(images.length, 1, `images in the PDF:\n${list.join("\n")}`);
    execFileSync("pdfimages", ["-png", pdf, path.join(tmp, "img")]);
    const extracted = fs.readFileSync(path.join(tmp, "img-000.png"));
    const blob = async (a) => Buffer.from(await (await page.request.get(`${env.server.url}/api/artefacts/${a.id}/blobs/image.png`)).body());
    assert.equal(await samePixels(page, extracted, await blob(drawings[0])), "same", "the image is not the picked drawing");
    assert.notEqual(await samePixels(page, extracted, await blob(drawings[1])), "same", "the image is the drawing left out");

    const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
    assert.match(text, /Voelen waar de spanning zit/);
    assert.doesNotMatch(text, /Nee zeggen/, "the goal left out is in the PDF");
    // The evaluation's own T-score, over both its goals: +1 and −1, weight 1 each, give 50.
    assert.match(text, /GAS T-score: 50,0/, "the evaluation's T-score");
    assert.match(text, /\*Niet\* als #opmaak \[lezen\]/, "the notes are not as typed");
    assert.match(text, /Pagina 1 van/);
  } finally {
    await page.context().close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
