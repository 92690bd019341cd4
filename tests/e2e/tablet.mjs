// Helpers for the outbox tests: what the tablet keeps (IndexedDB, local and session storage,
// Cache Storage, the HTTP cache), making work in each work form, and the server's view.
import { createHash } from "node:crypto";
import { penStroke, line, attributeIs, eventually, inputSession } from "./harness.mjs";

export const PASSWORD = "een lange zin als wachtwoord";

/**
 * Everything the page's origin keeps: the outbox items (key, id, owner, the envelope's head and
 * a sha256 of each file), the draft keys, local and session storage keys and Cache Storage names.
 */
export async function tabletStorage(page) {
  const raw = await page.evaluate(async () => {
    const hex = async (bytes) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const dbs = (await indexedDB.databases()).map((d) => d.name);
    const read = () => new Promise((resolve, reject) => {
      const open = indexedDB.open("speelruimte");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        if (names.length === 0) { db.close(); return resolve({ outbox: [], drafts: [] }); }
        const tx = db.transaction(names, "readonly");
        const all = (store) => new Promise((res) => {
          if (!names.includes(store)) return res([]);
          const s = tx.objectStore(store);
          const keys = s.getAllKeys();
          const values = s.getAll();
          values.onsuccess = () => res(keys.result.map((k, i) => [k, values.result[i]]));
        });
        Promise.all([all("outbox"), all("drafts")]).then(([outbox, drafts]) => { db.close(); resolve({ outbox, drafts }); });
      };
    });
    // Opening a database that is not there would make it: look first.
    const found = dbs.includes("speelruimte") ? await read() : { outbox: [], drafts: [] };
    const outbox = [];
    for (const [key, v] of found.outbox) {
      const head = v.head;
      const len = new DataView(head.buffer, head.byteOffset).getUint32(4, true);
      const json = JSON.parse(new TextDecoder().decode(head.subarray(8, 8 + len)));
      const files = [];
      for (let i = 0; i < v.files.length; i++) files.push({ name: json.files[i].name, sha256: await hex(v.files[i]) });
      outbox.push({ key, id: v.id, owner: v.owner, kind: json.artefact.kind, session: json.artefact.session_id, files });
    }
    return {
      databases: dbs,
      outbox,
      drafts: found.drafts.map(([k]) => k),
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      // The service worker's app shell (the app's own files, never an `/api` answer: the
      // offline-shell test checks that) stays after logout; every other cache is counted.
      caches: (await caches.keys()).filter((n) => !n.startsWith("speelruimte-shell-")),
    };
  });
  return raw;
}

/** The work in progress of `form` ("tekenen", "muziek", "spanning") as kept, read as JSON (music, exercise). */
export function draftOf(page, form) {
  return page.evaluate((form) => new Promise((resolve) => {
    const open = indexedDB.open("speelruimte");
    open.onsuccess = () => {
      const db = open.result;
      const s = db.transaction("drafts", "readonly").objectStore("drafts");
      const keys = s.getAllKeys(), values = s.getAll();
      values.onsuccess = () => {
        db.close();
        const i = keys.result.findIndex((k) => k.split("|")[1] === form);
        resolve(i < 0 ? null : JSON.parse(new TextDecoder().decode(values.result[i])));
      };
    };
  }), form);
}

/** Whether the browser's HTTP cache answers `path` without the network (it must not). */
export function inHttpCache(page, path) {
  return page.evaluate(async (path) => {
    try {
      const r = await fetch(path, { cache: "only-if-cached", mode: "same-origin" });
      return r.ok;
    } catch {
      return false;
    }
  }, path);
}

/** The waiting count the work form or session screen shows. */
export const waitingShown = (page) => page.getByTestId("outbox").first().getAttribute("data-waiting").then(Number);

/** Waits until the screen shows `n` items waiting. */
export function waitingIs(page, n, message) {
  return eventually(() => waitingShown(page), (v) => v === n, message ?? `the screen does not show ${n} waiting`, 15_000);
}

/** Draws a stroke at height `f` (fraction of the paper) and saves; waits for `state`. */
export async function drawAndSave(page, f, state = "on-tablet") {
  const box = await page.getByTestId("canvas").boundingBox();
  const X = (x) => box.x + box.width * x, Y = (y) => box.y + box.height * y;
  await penStroke(page, line([X(0.2), Y(f)], [X(0.8), Y(f + 0.05)], 16, 0.5, 0.8));
  await attributeIs(page.getByTestId("save-status"), "data-state", "unsaved", "the stroke did not make the drawing unsaved");
  await page.getByTestId("save").click();
  await attributeIs(page.getByTestId("save-status"), "data-state", state, `the drawing's save is not ${state}`, 10_000);
}

/** Taps pad `i` `n` times (a finger each), waiting for each hit to count. */
export async function tapPads(page, n, i = 0) {
  const cdp = await inputSession(page);
  const b = await page.locator(`[data-pad="${i}"]`).boundingBox();
  const at = { x: b.x + b.width / 2, y: b.y + b.height / 2, id: 1, radiusX: 8, radiusY: 8, force: 0.5 };
  for (let k = 0; k < n; k++) {
    const before = Number(await page.getByTestId("hit-count").getAttribute("data-hits"));
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [at] });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await attributeIs(page.getByTestId("hit-count"), "data-hits", String(before + 1), "a tap did not count");
  }
}

/** Plays `n` taps and saves; waits for `state`. */
export async function playAndSave(page, n, state = "on-tablet") {
  await tapPads(page, n);
  await page.getByTestId("save").click();
  await attributeIs(page.getByTestId("save-status"), "data-state", state, `the music's save is not ${state}`, 10_000);
}

/** From the exercise's choice screen: an adult's calm breathing, rated 7 before, stopped early. */
export async function runExercise(page) {
  await page.getByTestId("audience-adult").click();
  await page.locator('[data-exercise="calm-4-6"]').click();
  await page.getByTestId("to-before").click();
  await page.getByTestId("tension-slider").fill("7");
  await page.getByTestId("start").click();
  page.once("dialog", (d) => d.accept()); // "stop now?"
  await page.getByTestId("stop").click();
  await page.getByTestId("run-summary").waitFor();
  await page.getByTestId("tension-slider").fill("3");
}

/** Runs an exercise and saves; waits for `state`. */
export async function exerciseAndSave(page, state = "on-tablet") {
  await runExercise(page);
  await page.getByTestId("save").click();
  await attributeIs(page.getByTestId("save-status"), "data-state", state, `the exercise's save is not ${state}`, 10_000);
}

/** Goes from a work form to another of the same session within the app (no page load). */
export async function switchForm(page, form) {
  await page.locator("a.back").first().click();
  await page.locator(`a.workform[href$="/${form}"]`).click();
  await page.locator({ tekenen: '[data-testid="canvas"]', muziek: '[data-testid="pads"]', spanning: '[data-testid="audience-adult"]' }[form]).waitFor();
}

/** The server's artefacts of `clientId`, read through `api` (a context logged in, online). */
export async function storedArtefacts(api, url, clientId) {
  const r = await api.request.get(`${url}/api/clients/${clientId}/artefacts`);
  if (!r.ok()) throw new Error(`artefacts: ${r.status()} ${await r.text()}`);
  return r.json();
}

/** sha256 of each blob of artefact `a` as the server sends it, by name. */
export async function storedHashes(api, url, a) {
  const out = {};
  for (const b of a.blobs) {
    const r = await api.request.get(`${url}/api/artefacts/${a.id}/blobs/${b.name}`);
    out[b.name] = createHash("sha256").update(await r.body()).digest("hex");
  }
  return out;
}

/** Logs in through the login screen. */
export async function logIn(page, url, username) {
  await page.goto(`${url}/login`);
  await page.getByLabel("Gebruikersnaam").fill(username);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { name: "Cliënten" }).waitFor();
}
