// Steps of the therapist's evaluation work, shared by the browser tests that do them: the
// voortgang scores at the end of a session, the GAS scale per goal, an evaluation through its
// form, a download, the checks of a PDF and of a client's ZIP with standard tools, and deleting
// a client and looking that nothing of it is left.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { attributeIs } from "./harness.mjs";

/** Every file under `dir`. */
export function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** A read-only query on the server's database in `dataDir`, through the `sqlite3` tool. */
export const sqlOn = (dataDir) => (q) =>
  execFileSync("sqlite3", ["-readonly", path.join(dataDir, "speelruimte.sqlite3"), q]).toString().trim();

/**
 * At the end of each of `sessions`: one tap opens the scores, one tap per goal gives its score
 * (`given[i][j]` for session i, goal j); waits until each is saved.
 */
export async function giveScores(page, url, client, sessions, goals, given) {
  for (const [i, s] of sessions.entries()) {
    await page.goto(`${url}/clients/${client.id}/sessies/${s.id}`);
    await page.locator('[data-testid="session-scores"] > summary').click();
    for (const [j, g] of goals.entries()) {
      const row = page.locator(`.score-row[data-goal="${g.id}"]`);
      await row.locator(`button.score[data-value="${given[i][j]}"]`).click();
      await attributeIs(row, "data-saved", "1", `the score of goal ${j + 1} in session ${i + 1} was not saved`);
    }
  }
}

/** On the review screen: describes each goal's GAS scale (`levels`, −2 first, numbered per goal). */
export async function describeGas(page, goals, levels, onEach = async () => {}) {
  for (const [j, g] of goals.entries()) {
    const section = page.locator(`section[data-goal="${g.id}"]`);
    await section.locator(".gas-edit > summary").click();
    for (const [k, words] of levels.entries()) {
      await section.locator(`input[name="level${k - 2}"]`).fill(`${words} (${j + 1})`);
    }
    await onEach(j, section);
    await section.getByTestId("gas-save").click();
    await attributeIs(section.locator("div.gas"), "data-has-scale", "1", `goal ${j + 1}'s scale was not saved`);
  }
}

/**
 * On the review screen: opens the evaluation form and fills it in (`levels[j]` for goal j) —
 * without saving, so a test can look at it first. Returns the form.
 */
export async function fillEvaluation(page, goals, { date, levels, words, satisfaction, notes, next }) {
  await page.getByTestId("evaluation-open").click();
  const form = page.getByTestId("evaluation-form");
  await form.locator('input[name="date"]').fill(date);
  for (const [j, g] of goals.entries()) {
    const row = form.locator(`.eval-goal[data-goal="${g.id}"]`);
    await row.locator(".chip").click();
    await row.locator(`button[data-level="${levels[j]}"]`).click();
    await attributeIs(row.locator(`button[data-level="${levels[j]}"]`), "aria-pressed", "true");
  }
  await form.locator('textarea[name="satisfaction_words"]').fill(words);
  await form.locator('select[name="satisfaction"]').selectOption(String(satisfaction));
  await form.locator('input[name="discussed"]').check();
  await form.locator('textarea[name="notes"]').fill(notes);
  await form.locator('textarea[name="next_steps"]').fill(next);
  return form;
}

/** Clicks `button`, saves the download it starts into `dir`; returns the file's path. */
export async function download(page, button, dir) {
  const [d] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** A PDF that qpdf and pdfinfo accept: its number of pages, pdfinfo's words and its text. */
export function checkPdf(pdf) {
  execFileSync("qpdf", ["--check", pdf]);
  const info = execFileSync("pdfinfo", [pdf]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  assert.ok(pages >= 1, `pdfinfo finds no pages:\n${info}`);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  return { pages, info, text };
}

/**
 * A client's ZIP that `unzip -t` accepts, unpacked into `dir`/out, with every PNG passing
 * pngcheck, every WAV read by sox and every PDF passing `checkPdf`. Returns the folder, the
 * names in it and each WAV's length in seconds.
 */
export function checkZip(zip, dir) {
  const tested = execFileSync("unzip", ["-t", zip]).toString();
  assert.match(tested, /No errors detected/, tested);
  const out = path.join(dir, "out");
  execFileSync("unzip", ["-q", zip, "-d", out]);
  const names = files(out).map((p) => path.relative(out, p)).sort();
  for (const n of ["LEESMIJ.txt", "client.json", "behandeldoelen.json", "sessies.json", "voortgang.json", "evaluaties.json", "oefeningen.json"]) {
    assert.ok(names.includes(n), `${n} is not in the export: ${names}`);
  }
  for (const p of names.filter((n) => n.endsWith(".png"))) execFileSync("pngcheck", ["-q", path.join(out, p)]);
  const seconds = Object.fromEntries(names.filter((n) => n.endsWith(".wav"))
    .map((p) => [p, Number(execFileSync("sox", ["--i", "-D", path.join(out, p)]).toString())]));
  for (const p of names.filter((n) => n.endsWith(".pdf"))) checkPdf(path.join(out, p));
  return { out, names, seconds };
}

/** On the client's page: deletes the client after typing its label; waits for the client list. */
export async function deleteClient(page, url, label) {
  await page.locator('[data-testid="delete-client"] > summary').click();
  await page.locator('input[name="confirm-label"]').fill(label);
  const confirm = page.getByTestId("delete-confirm");
  await attributeIs(confirm, "disabled", null, "deleting is still impossible after the label is typed");
  await confirm.click();
  await page.waitForURL(`${url}/`);
}

/**
 * Nothing of the client is left: no table but the audit log names its id or its label, the
 * audit log keeps the deletion under the id and never the label, and the blob folder holds no
 * file (`blobsLeft`: the files of other clients there may be).
 */
export function nothingLeft(dataDir, client, blobsLeft = []) {
  const sql = sqlOn(dataDir);
  const tables = sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'").split("\n");
  for (const table of tables.filter((n) => n !== "audit_events")) {
    const dump = sql(`SELECT * FROM ${table}`);
    assert.ok(!dump.includes(client.id) && !dump.includes(client.label), `${table} still holds the client: ${dump}`);
  }
  assert.equal(sql(`SELECT COUNT(*) FROM audit_events WHERE action = 'client.delete' AND client_id = '${client.id}'`), "1");
  assert.ok(!sql("SELECT * FROM audit_events").includes(client.label), "the audit log holds the label");
  assert.deepEqual(files(path.join(dataDir, "blobs")).sort(), [...blobsLeft].sort(), "files of the deleted client are left");
}
