// Every screen of the app, and each state of a screen that shows texts of its own (a form
// opened, a step of a work form, a panel in review), reached with language-neutral selectors
// only, so the same walk can be made in Dutch and in English. The language test compares the
// two walks; the accessibility test checks each stop with axe-core.
import { penStroke, line, seed, holdCorner, typePin, attributeIs } from "./harness.mjs";

/** What the seeded therapist's work is called: texts the test itself made, in both languages. */
export const MADE_BY_TEST = ["Uil-7", "Carla Bakker", "c.bakker", "Voelen waar de spanning zit", "Lijf tekenen",
  "Eerste kennismaking", "Twee ademhalingen", "Adem in", "Adem uit"];

/**
 * Seeds a therapist, a client (a child) with a goal and a session, an own breathing exercise,
 * and one saved artefact of each work form (drawing, exercise, music), made in the app.
 * Returns the ids and the session cookies.
 */
export async function seedWork(page, server) {
  const seeded = await seed(page, server);
  const { client, session, goal, post } = seeded;
  await post(`/api/clients/${client.id}/exercises`, {
    title: "Twee ademhalingen", kind: "breathing", phases: [["in", 1, "Adem in"], ["out", 1, "Adem uit"]], repetitions: 1,
  });
  const at = (form) => `${server.url}/clients/${client.id}/sessies/${session.id}/${form}`;
  const saveLinked = async () => {
    await page.locator(`[data-goal="${goal.id}"]`).click();
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
  };

  await page.goto(at("tekenen"));
  const box = await page.getByTestId("canvas").boundingBox();
  await penStroke(page, line([box.x + 100, box.y + 200], [box.x + 400, box.y + 260], 20, 0.4, 0.9));
  await page.locator('[data-testid="canvas"][data-strokes="1"]').waitFor();
  await saveLinked();

  await page.goto(at("spanning"));
  await page.locator(".exercise-card.own").click();
  await page.getByTestId("to-before").click();
  await page.locator('.face-button[data-value="8"]').click();
  await page.getByTestId("start").click();
  await page.getByTestId("run-summary").waitFor({ timeout: 15_000 });
  await page.locator('.face-button[data-value="3"]').click();
  await saveLinked();

  await page.goto(at("muziek"));
  const pad = await page.locator('[data-pad="0"]').boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const touchPoints = [{ x: pad.x + pad.width / 2, y: pad.y + pad.height / 2, id: 1, radiusX: 8, radiusY: 8, force: 0.5 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
  await page.locator('[data-testid="hit-count"][data-hits="1"]').waitFor();
  await saveLinked();
  // An evaluation of the goal, for the evaluatieverslag screen.
  const evaluation = await seeded.post(`/api/clients/${client.id}/evaluations`, {
    date: "2026-11-24", goals: [{ goal_id: goal.id }], discussed_with_client: true,
  });
  return { ...seeded, evaluation, cookies: await page.context().cookies() };
}

/** Waits until the screen has loaded what it asked the server for. */
async function settled(page) {
  await page.locator("h1, canvas").first().waitFor();
  await page.waitForLoadState("networkidle");
}

/**
 * Walks every screen logged out (a page of its own, without cookies): the login screen and
 * the setup screen with and without a link; `visit(name)` is called at each.
 */
export async function walkLoggedOut(page, server, visit) {
  await page.goto(`${server.url}/login`);
  await page.locator('input[name="username"], input[type="password"]').first().waitFor();
  await visit("login");
  await page.goto(`${server.url}/setup`);
  await settled(page);
  await visit("setup without a link");
  await page.goto(`${server.url}/setup?token=not-a-real-one`);
  await page.locator('input[name="display_name"]').waitFor();
  await visit("setup");
}

/**
 * Walks every screen of a logged-in therapist, over the work `seedWork` made, calling
 * `visit(name)` at each stop. Dialogs (stopping an exercise early) are accepted.
 */
export async function walkLoggedIn(page, server, work, visit) {
  const { client, session } = work;
  const go = async (path) => { await page.goto(server.url + path); await settled(page); };
  const accept = (d) => d.accept();
  page.on("dialog", accept);
  try {
    await go("/");
    await page.locator("a.tile").first().waitFor();
    await visit("clients");
    await page.locator(".card.quiet button").click();
    await page.getByTestId("invite-link").waitFor();
    await visit("clients, invite");

    await go(`/clients/${client.id}`);
    await page.getByTestId("goal-list").waitFor();
    await visit("client");
    // The goal form's summary (the client page also offers a family session the same way).
    await page.locator("details.add").filter({ has: page.locator('input[name="title"]') }).locator("summary").click();
    await page.locator('details.add[open] input[name="title"]').waitFor();
    await visit("client, add goal");
    await page.locator("details.danger summary").click();
    await page.locator('details.danger[open] input[name="confirm-label"]').waitFor();
    await visit("client, delete");

    const form = (f) => `/clients/${client.id}/sessies/${session.id}${f}`;
    await go(form(""));
    await page.locator(`a[href$="/tekenen"]`).waitFor();
    await visit("session");
    await page.locator('[data-testid="session-scores"] > summary').click();
    await page.locator('[data-testid="session-scores"] .score-row').first().waitFor();
    await visit("session, voortgang");

    await go(form("/tekenen"));
    await page.locator('[data-layer="live"][data-warmed="1"]').waitFor({ timeout: 10_000 });
    await visit("drawing");

    await go(form("/muziek"));
    await page.getByTestId("pads").waitFor();
    await visit("music");
    for (const mode of ["loop", "nadoen", "beurten"]) {
      await page.locator(`.tab[data-mode="${mode}"]`).click();
      await page.locator(`.music-screen[data-mode="${mode}"]`).waitFor();
      await visit(`music, ${mode}`);
    }

    await go(form("/spanning"));
    await page.locator('[data-exercise="balloon"]').waitFor();
    await visit("exercise, choose");
    await page.getByTestId("make-own").click();
    await page.getByTestId("own-title").waitFor();
    await visit("exercise, own exercise editor");
    await page.locator(".exercise-card.own").click();
    await page.getByTestId("to-before").waitFor();
    await visit("exercise, settings");
    await page.getByTestId("to-before").click();
    await page.getByTestId("start").waitFor();
    await visit("exercise, before");
    await page.getByTestId("start").click();
    await page.getByTestId("pause").click();
    await page.locator('.runner [data-testid="pause"]').waitFor();
    await visit("exercise, run");
    await page.getByTestId("stop").click();
    await page.getByTestId("run-summary").waitFor();
    await page.locator(".goal-chips .chip").first().waitFor();
    await visit("exercise, after");

    await go(`/clients/${client.id}/evaluatie`);
    await page.locator(".thumb").nth(2).waitFor();
    await visit("review");
    // Each work form's panel: the drawing's replay, the exercise's ratings, the music's timeline.
    const panels = [
      ["drawing", page.locator(".thumb:has(img)"), "observations"],
      ["exercise", page.locator(".thumb:has(.exercise-thumb)"), "exercise-review"],
      ["music", page.locator(".thumb:has(.music-thumb)"), "music-review"],
    ];
    for (const [name, thumb, inside] of panels) {
      await thumb.first().click();
      const panel = page.getByTestId("artefact-panel");
      await panel.getByTestId(inside).waitFor();
      await page.waitForLoadState("networkidle");
      await visit(`review, ${name}`);
      await panel.locator("header button").click();
      await panel.waitFor({ state: "detached" });
    }
    // The scores and evaluation part: a goal's GAS scale editor, then the evaluation form.
    await page.locator(".gas-edit > summary").first().click();
    await page.locator('.gas-edit[open] input[name="level0"]').waitFor();
    await visit("review, GAS scale");
    await page.getByTestId("evaluation-open").click();
    await page.locator('[data-testid="evaluation-form"] .eval-goal .chip').first().click();
    await page.locator('.eval-goal[data-on="1"]').first().waitFor();
    await visit("review, evaluation form");

    // The client's timeline (its three work forms' cards) and the client's own gallery.
    await go(`/clients/${client.id}/tijdlijn`);
    await page.locator(".timeline-session [data-kind]").nth(2).waitFor();
    await visit("timeline");
    await go(`/clients/${client.id}/galerij`);
    await page.locator(".gallery-grid li").nth(2).waitFor();
    await visit("gallery");
    // The evaluatieverslag: the picks, then the preview of its pages.
    await go(`/clients/${client.id}/evaluaties/${work.evaluation.id}/verslag`);
    await page.getByTestId("report-picks").waitFor();
    await visit("report");
    await page.getByTestId("report-preview-button").click();
    await page.getByTestId("report-preview").waitFor({ timeout: 30_000 });
    await visit("report, preview");

    // Kindermodus: the session's start buttons once a PIN is set, the locked drawing, the PIN
    // pad, a wrong PIN; the right one leads back to the session.
    const me = await (await page.request.get(`${server.url}/api/me`)).json();
    await page.request.put(`${server.url}/api/kiosk/pin`, { data: { pin: "2468" }, headers: { "X-CSRF-Token": me.csrf_token } });
    await go(form(""));
    await page.locator('[data-testid="kiosk-start-beeldend"]:not([disabled])').waitFor();
    await visit("session, kindermodus start");
    await page.getByTestId("kiosk-start-beeldend").click();
    await page.locator('[data-layer="live"][data-warmed="1"]').waitFor({ timeout: 10_000 });
    await page.getByTestId("kiosk-corner").waitFor();
    await visit("kindermodus, drawing");
    const pad = await holdCorner(page);
    await visit("kindermodus, PIN pad");
    const logged = page.errors?.length ?? 0;
    await typePin(page, "1111");
    await attributeIs(pad, "data-wrong", "1");
    // The wrong PIN's 403 is the answer the pad expects; the browser logs it as a failed load.
    page.errors?.splice(logged, page.errors.length - logged, ...page.errors.slice(logged).filter((e) => !/status of 403/.test(e)));
    await page.locator('[data-testid="pin-message"]:not(:empty)').waitFor();
    await visit("kindermodus, wrong PIN");
    await typePin(page, "2468");
    await page.waitForURL(`${server.url}${form("")}`);
    await page.locator('[data-testid="kiosk-start-beeldend"]').waitFor();
    // The outbox: a drawing waiting on the tablet (its upload fails), on the session screen
    // and in the warnings before leaving the session and before logging out.
    const failing = (r) => (r.request().method() === "PUT" ? r.abort() : r.continue());
    const errorsBefore = page.errors?.length ?? 0;
    await page.route("**/api/artefacts/*", failing);
    await go(form("/tekenen"));
    const paper = await page.getByTestId("canvas").boundingBox();
    await penStroke(page, line([paper.x + 60, paper.y + 80], [paper.x + 260, paper.y + 120], 12, 0.5, 0.7));
    await page.locator('[data-testid="save-status"][data-state="unsaved"]').waitFor();
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="on-tablet"]').waitFor();
    await visit("drawing, saved on this tablet");
    await go(form(""));
    await page.locator('[data-testid="outbox"][data-waiting="1"]').waitFor();
    await visit("session, items waiting");
    await page.locator("a.back").first().click();
    await page.getByTestId("unsent-warning").waitFor();
    await visit("session, leave warning");
    await page.getByTestId("unsent-stay").click();
    await page.getByTestId("logout").click();
    await page.getByTestId("unsent-warning").waitFor();
    await visit("logout warning");
    await page.getByTestId("unsent-stay").click();
    await page.unroute("**/api/artefacts/*", failing);
    // The uploads were made to fail here: the console's note of each is expected.
    if (page.errors) {
      const rest = page.errors.splice(errorsBefore).filter((e) => !e.includes("Failed to load resource: net::ERR_FAILED"));
      page.errors.push(...rest);
    }
  } finally {
    page.off("dialog", accept);
  }
}
