// A client's data as a whole, in a real browser against the real server: the therapist
// exports everything of a client as a ZIP (the AVG right of access) from the client's page,
// sees its progress, and gets a file that standard tools accept (unzip -t, pngcheck, sox),
// holding the drawing made in the app and the recording byte for byte, and the evaluation's
// report as a PDF that qpdf and pdfinfo accept; then deletes the
// client after typing its label, and nothing of it is left in the database or the blob folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite, newPage, shot, penStroke, line, openDrawing, attributeIs, countIs, textMatches } from "./harness.mjs";
import { checkPdf, checkZip, nothingLeft } from "./dossier.mjs";

const env = suite();

/** A real WAV: 0.5 s of a 440 Hz tone, 16-bit mono at 22,050 Hz. */
function wav() {
  const rate = 22050, n = rate / 2;
  const b = Buffer.alloc(44 + n * 2);
  b.write("RIFF", 0); b.writeUInt32LE(36 + n * 2, 4); b.write("WAVE", 8);
  b.write("fmt ", 12); b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34);
  b.write("data", 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

test("a client's data goes out as one ZIP that standard tools accept, and deleting it after typing the label leaves nothing", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, goal, session, post, X, Y } = await openDrawing(page, env.server);
    await post(`/api/clients/${client.id}/evaluations`, { date: "2026-11-24", goals: [{ goal_id: goal.id }], discussed_with_client: true });
    await penStroke(page, line([X(0.2), Y(0.3)], [X(0.7), Y(0.6)], 20, 0.4, 0.9));
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the drawing was not saved");
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json();
    const sound = wav();
    const put = await page.request.put(`${env.server.url}/api/artefacts/${crypto.randomUUID()}`, {
      headers: { "X-CSRF-Token": me.csrf_token },
      data: {
        kind: "music", client_id: client.id, session_id: session.id, created_at: "2026-11-24T10:30:00Z", metadata: {},
        blobs: [{ name: "music.wav", media_type: "audio/wav", data_base64: sound.toString("base64") }],
      },
    });
    assert.equal(put.status(), 201, await put.text());
    const artefacts = await (await page.request.get(`${env.server.url}/api/clients/${client.id}/artefacts`)).json();
    const drawing = artefacts.find((a) => a.kind === "drawing");
    const png = await (await page.request.get(`${env.server.url}/api/artefacts/${drawing.id}/blobs/image.png`)).body();

    // The export, from the client's page.
    await page.goto(`${env.server.url}/clients/${client.id}`);
    const data = page.getByTestId("client-data");
    await data.scrollIntoViewIfNeeded();
    await shot(page, "client-data-1024x768");
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export").click();
    const download = await downloading;
    await textMatches(page.getByTestId("export-done"), [/^Export klaar: speelruimte-Uil-7-\d{4}-\d\d-\d\d\.zip$/]);
    await countIs(page.getByTestId("export-progress"), 0, "the progress bar stays after the export is done");
    const dir = mkdtempSync(path.join(tmpdir(), "speelruimte-export-"));
    const zip = path.join(dir, download.suggestedFilename());
    await download.saveAs(zip);
    t.diagnostic(`export: ${statSync(zip).size} bytes`);

    // Standard tools accept the ZIP and what is in it.
    const { out, names, seconds } = checkZip(zip, dir);
    const drawn = names.filter((n) => n.startsWith("werkstukken/") && n.endsWith("/image.png"));
    const heard = names.filter((n) => n.startsWith("werkstukken/") && n.endsWith("/music.wav"));
    assert.equal(drawn.length, 1, `${names}`);
    assert.equal(heard.length, 1, `${names}`);
    assert.ok(drawn[0].includes("_tekening_") && heard[0].includes("2026-11-24_muziek_"), `${names}`);
    assert.equal(seconds[heard[0]], 0.5, "sox reads another length");
    assert.deepEqual(readFileSync(path.join(out, drawn[0])), png, "the drawing in the export is not the stored one");
    assert.deepEqual(readFileSync(path.join(out, heard[0])), sound, "the recording in the export is not the one sent");
    // The evaluation's report, as the dossier would get it.
    const reports = names.filter((n) => n.startsWith("verslagen/") && n.endsWith(".pdf"));
    assert.equal(reports.length, 1, `one report for the one evaluation: ${names}`);
    const { text } = checkPdf(path.join(out, reports[0]));
    assert.match(text, /Evaluatieverslag/);
    assert.match(text, /Voelen waar de spanning zit/, "the evaluation's goal is not in its report");
    const readme = readFileSync(path.join(out, "LEESMIJ.txt"), "utf8");
    assert.match(readme, /alle gegevens van cliënt Uil-7/);
    assert.equal(JSON.parse(readFileSync(path.join(out, "client.json"), "utf8")).label, "Uil-7");

    // Deleting: nothing happens until the label is typed exactly.
    await page.locator('[data-testid="delete-client"] > summary').click();
    const confirm = page.getByTestId("delete-confirm");
    const typed = page.locator('input[name="confirm-label"]');
    await typed.fill("Uil-");
    await attributeIs(confirm, "disabled", "", "deleting is possible before the label is typed");
    for (const [width, height] of [[1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await typed.scrollIntoViewIfNeeded();
      await shot(page, `client-data-delete-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await typed.fill("Uil-7");
    await eventuallyEnabled(confirm);
    await confirm.click();
    await page.waitForURL(`${env.server.url}/`);
    await textMatches(page.locator("main"), [/Nog geen cliënten/]);
    assert.equal(await page.getByText("Uil-7", { exact: true }).count(), 0, "the deleted client is still listed");

    // Nothing of it is left: no row names it but the audit log's, no row has its label, and
    // the blob folder is empty (it had no other client).
    assert.equal((await page.request.get(`${env.server.url}/api/clients/${client.id}`)).status(), 404);
    nothingLeft(env.server.dataDir, client);
    assert.deepEqual(page.errors, []);
  } catch (e) {
    await shot(page, "failure-client-data").catch(() => {});
    throw e;
  } finally {
    await page.context().close();
  }
});

/** Waits until `button` can be pressed. */
function eventuallyEnabled(button) {
  return button.waitFor({ state: "visible" }).then(() => attributeIs(button, "disabled", null, "deleting is still impossible after the label is typed"));
}
