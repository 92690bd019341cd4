// Groups on one tablet: the therapist starts a group session for two children, each child picks
// an animal and a colour (pictures, no words), both draw at the same moment with a finger each
// (two touch pointers), each starting on their own dock. The one saved drawing is linked to both;
// each child's review shows it with "mijn deel" making the other's strokes faint, and no page
// of one child holds the other's label (text or attributes). A family session links its drawing
// to the client only, the parent named by role. axe-core on every new screen; screenshots at
// three sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot, inputSession, attributeIs, countIs, eventually, seed, inkSettled } from "./harness.mjs";
import { violations } from "./axe.mjs";
import { draftOf } from "./tablet.mjs";

const env = suite();
const SIZES = [
  { name: "1024x768", width: 1024, height: 768 },
  { name: "768x1024", width: 768, height: 1024 },
  { name: "phone-390x844", width: 390, height: 844 },
];
const OTHER = "Vos-Geheim-3";

async function shots(page, name) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await shot(page, `groups-${name}-${size.name}`);
  }
  await page.setViewportSize(SIZES[0]);
}

async function axeClean(page, name) {
  assert.deepEqual(await violations(page, name), [], `${name}: axe-core violations`);
}

/** Each participant in turn taps a colour and an animal, then the arrow. */
async function pickAvatars(page, picks) {
  await page.getByTestId("avatar-picker").waitFor();
  for (const [i, [colour, animal]] of picks.entries()) {
    await attributeIs(page.getByTestId("avatar-picker"), "data-turn", String(i), `turn ${i} did not come`);
    await page.locator(`.colour-choice[data-colour="${colour}"]`).click();
    await page.locator(`.animal-choice[data-animal="${animal}"]`).click();
    if (i === 0) {
      await axeClean(page, "avatar picker");
      await shots(page, "avatar-picker");
    }
    await page.getByTestId("picker-next").click();
  }
  await page.getByTestId("group-panel").waitFor();
  await countIs(page.locator('[data-testid="group-avatars"] li'), picks.length, "the session does not show the avatars");
}

/** Fingers through the DevTools protocol, each from `from` to `to` (page px), at the same time. */
async function fingers(page, paths, steps = 16) {
  const cdp = await inputSession(page);
  const at = (f) => paths.map(([a, b], i) => ({
    x: a[0] + (b[0] - a[0]) * f, y: a[1] + (b[1] - a[1]) * f, id: i + 1, radiusX: 5, radiusY: 5, force: 0.5,
  }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(i / steps) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function centre(locator) {
  const b = await locator.boundingBox();
  return [b.x + b.width / 2, b.y + b.height / 2];
}

/** Mostly opaque ink pixels on the drawing's ink layer within `box` (page px). */
async function inkIn(page, box) {
  await inkSettled(page);
  return page.evaluate(({ x, y, width, height }) => {
    const c = window.__layerCanvas("ink");
    const r = document.querySelector('[data-layer="ink"]').getBoundingClientRect();
    const s = c.width / r.width;
    const d = window.__canvasPixels(c, Math.round((x - r.left) * s), Math.round((y - r.top) * s),
      Math.round(width * s), Math.round(height * s));
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 127) n++;
    return n;
  }, box);
}

/** The strongest ink alpha on the review's ink canvas in the left and the right half. */
function inkAlpha(page) {
  return page.evaluate(() => {
    const c = document.querySelector('[data-layer="replay-ink"]');
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let left = 0, right = 0;
    for (let i = 3; i < d.length; i += 4) {
      const x = ((i - 3) / 4) % c.width;
      if (x < c.width / 2) left = Math.max(left, d[i]); else right = Math.max(right, d[i]);
    }
    return { left, right };
  });
}

async function logIn(seeded) {
  const page = await newPage(env.browser);
  const r = await page.request.post(`${env.server.url}/api/login`, {
    data: { username: "c.bakker", password: "een lange zin als wachtwoord" },
  });
  assert.ok(r.ok(), `login: ${r.status()}`);
  page.seeded = seeded;
  return page;
}

/** Saves the drawing and waits for the server's acknowledgement; gives the stored artefact. */
async function saveDrawing(page, clientId) {
  await attributeIs(page.getByTestId("save-status"), "data-state", "unsaved", "the strokes did not make the drawing unsaved");
  await page.getByTestId("save").click();
  await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the drawing was not acknowledged", 15_000);
  const list = await (await page.request.get(`${env.server.url}/api/clients/${clientId}/artefacts`)).json();
  return list.find((a) => a.kind === "drawing");
}

let seeded;
let other;
test("two children draw at once as their avatars; each review shows their own part, never the other's label", async () => {
  const first = await newPage(env.browser);
  seeded = await seed(first, env.server);
  other = await seeded.post("/api/clients", { label: OTHER, birth_year: 2016, discipline: "beeldend" });
  await first.context().close();
  let page = await logIn(seeded);
  const a = seeded.client;
  try {
    await page.goto(env.server.url + "/");
    await page.getByTestId("group-start").locator("summary").click();
    await page.locator(`input[data-client="${a.id}"]`).check();
    await page.locator(`input[data-client="${other.id}"]`).check();
    await axeClean(page, "group start");
    await page.getByTestId("group-go").click();
    await page.getByTestId("group-panel").waitFor();
    await axeClean(page, "group session");
    await page.getByTestId("pick-avatars").click();
    await pickAvatars(page, [["orange", "cat"], ["blue", "owl"]]);

    await page.goto(page.url() + "/tekenen");
    await countIs(page.locator(".dock-avatar"), 2, "the paper has no dock per child");
    const box = await page.getByTestId("canvas").boundingBox();
    const dockA = await centre(page.locator('[data-dock="0"]'));
    const dockB = await centre(page.locator('[data-dock="1"]'));
    // Child A swipes from their dock (bottom left) into the left half, child B at the same
    // moment from theirs (top right) into the right half.
    await fingers(page, [
      [dockA, [box.x + box.width * 0.3, box.y + box.height * 0.5]],
      [dockB, [box.x + box.width * 0.7, box.y + box.height * 0.45]],
    ]);
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "2", "two fingers did not make two strokes");
    await countIs(page.locator(".swatch"), 0, "a group drawing offers colours (each child draws in their avatar's)");
    await axeClean(page, "group drawing");
    await shots(page, "drawing");

    // A draws along the bottom, then B near the top; A's undo takes back A's stroke from under
    // B's later one, and B's stays.
    const bottom = { x: box.x + box.width * 0.6, y: dockA[1] - 20, width: box.width * 0.35, height: 40 };
    const top = { x: box.x + box.width * 0.52, y: box.y + 4, width: box.width * 0.12, height: box.height * 0.2 };
    await fingers(page, [[dockA, [box.x + box.width * 0.92, dockA[1]]]]);
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "3", "A's second stroke did not come");
    await fingers(page, [[dockB, [box.x + box.width * 0.55, box.y + box.height * 0.1]]]);
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "4", "B's second stroke did not come");
    const bStroke = await inkIn(page, top);
    assert.ok(await inkIn(page, bottom) > 100 && bStroke > 100, "the two later strokes do not show where drawn");
    await page.getByTestId("undo-0").click();
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "3", "A's undo took nothing back");
    assert.equal(await inkIn(page, bottom), 0, "A's undo left A's last stroke");
    assert.equal(await inkIn(page, top), bStroke, "A's undo touched B's stroke");
    assert.equal(await page.getByTestId("undo-1").isEnabled(), true, "B lost their undo");

    // The tab crashes: a new tab has none of this tab's session storage, only the drawing
    // kept on the tablet, which brings back the group and who drew which stroke.
    await attributeIs(page.locator(".draw-screen"), "data-kept", "3", "the drawing was not kept on the tablet");
    const drawingUrl = page.url();
    const again = await page.context().newPage();
    again.errors = [];
    again.on("pageerror", (e) => again.errors.push(String(e)));
    await page.close();
    page = again;
    await page.goto(drawingUrl);
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "3", "the new tab did not restore the drawing");
    await countIs(page.locator(".dock-avatar"), 2, "the restored drawing lost its group");

    const art = await saveDrawing(page, a.id);
    assert.equal(art.participants.length, 2);
    assert.deepEqual(art.participants.map((p) => p.avatar.animal), ["cat", "owl"]);
    const players = art.metadata.group.stroke_players;
    assert.deepEqual([...players.slice(0, 2)].sort(), [0, 1], "each of the simultaneous strokes has its own child");
    assert.deepEqual(players.slice(2), [0, 1], "the later strokes lost who drew them");
    const ofOther = await (await page.request.get(`${env.server.url}/api/clients/${other.id}/artefacts`)).json();
    assert.deepEqual(ofOther.map((x) => x.id), [art.id], "the drawing is linked to the other child too");

    for (const [client, label, hidden, mineSide] of [[a, a.label, OTHER, "left"], [other, OTHER, a.label, "right"]]) {
      await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
      await page.locator(`[data-artefact="${art.id}"]`).first().click();
      await page.getByTestId("mine-bar").waitFor();
      await page.locator('[data-layer="replay-ink"]').waitFor();
      await eventually(() => inkAlpha(page), (v) => v.left > 200 && v.right > 200, "both strokes do not show in full");
      await page.getByTestId("mine-toggle").click();
      await attributeIs(page.locator(".replay"), "data-mine", "true", "mijn deel did not turn on");
      const faint = mineSide === "left" ? "right" : "left";
      await eventually(() => inkAlpha(page), (v) => v[mineSide] > 200 && v[faint] < 60,
        `${label}'s own strokes (${mineSide}) are not the highlighted ones`);
      const text = await page.evaluate(() => document.body.innerText);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      assert.ok(!text.includes(hidden) && !html.includes(hidden), `${hidden} shows in ${label}'s review`);
      await axeClean(page, `review of ${label}`);
      await shots(page, `review-${client === a ? "a" : "b"}`);
    }
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), [], "console errors");
  } finally {
    await page.context().close();
  }
});

test("a family drawing with a parent is linked to the client only, the parent named by role", async () => {
  const page = await logIn(seeded);
  const a = seeded.client;
  try {
    await page.goto(`${env.server.url}/clients/${a.id}`);
    await page.getByTestId("family-start").locator("summary").click();
    await page.locator('[data-role="ouder"]').click();
    await axeClean(page, "family start");
    await page.getByTestId("family-go").click();
    await page.getByTestId("group-panel").waitFor();
    await page.getByTestId("pick-avatars").click();
    await pickAvatars(page, [["yellow", "dog"], ["black", "elephant"]]);
    const sessionUrl = page.url();
    const sid = sessionUrl.split("/").pop();
    await page.goto(sessionUrl + "/tekenen");
    const box = await page.getByTestId("canvas").boundingBox();
    const dockParent = await centre(page.locator('[data-dock="1"]'));
    await fingers(page, [[dockParent, [box.x + box.width * 0.5, box.y + box.height * 0.5]]]);
    await attributeIs(page.getByTestId("canvas"), "data-strokes", "1", "the parent's finger did not draw");
    const list = await (await page.request.get(`${env.server.url}/api/clients/${a.id}/artefacts`)).json();
    await attributeIs(page.getByTestId("save-status"), "data-state", "unsaved", "the stroke did not make the drawing unsaved");
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the drawing was not acknowledged", 15_000);
    const after = await (await page.request.get(`${env.server.url}/api/clients/${a.id}/artefacts`)).json();
    const art = after.find((x) => !list.some((y) => y.id === x.id));
    assert.equal(art.session_id, sid);
    assert.deepEqual(art.participants.map((p) => p.member), [{ client_id: a.id }, { relative: "ouder" }]);
    assert.deepEqual(art.metadata.group.stroke_players, [1], "the stroke is the parent's");
  } finally {
    await page.context().close();
  }
});

test("a group exercise: one pacer, each child rates their own tension before and after under their avatar", async () => {
  const page = await logIn(seeded);
  const a = seeded.client;
  try {
    await page.goto(env.server.url + "/");
    await page.getByTestId("group-start").locator("summary").click();
    await page.locator(`input[data-client="${a.id}"]`).check();
    await page.locator(`input[data-client="${other.id}"]`).check();
    await page.getByTestId("group-go").click();
    await page.getByTestId("group-panel").waitFor();
    await page.getByTestId("pick-avatars").click();
    await pickAvatars(page, [["bluish_green", "rabbit"], ["reddish_purple", "fish"]]);
    const sessionUrl = page.url();
    const sid = sessionUrl.split("/").pop();
    await page.goto(sessionUrl + "/spanning");
    await page.getByTestId("audience-child").click();
    await page.locator('[data-exercise="balloon"]').click();
    await page.getByTestId("to-before").click();
    // One row of faces per child, under their avatar; no body figure to share.
    await countIs(page.locator(".group-rating"), 2, "not one thermometer per child");
    await page.locator('[data-testid="rating-0"] .face-button[data-value="8"]').click();
    await page.locator('[data-testid="rating-1"] .face-button[data-value="5"]').click();
    await attributeIs(page.locator('[data-testid="rating-0"] .face-button[data-value="8"]'), "aria-pressed", "true", "child 1's face is not marked");
    await attributeIs(page.locator('[data-testid="rating-1"] .face-button[data-value="5"]'), "aria-pressed", "true", "child 2's face is not marked");
    await attributeIs(page.locator('[data-testid="rating-0"] .face-button[data-value="5"]'), "aria-pressed", "false", "child 2's tap marked child 1's faces");
    await axeClean(page, "group thermometer");
    await shots(page, "exercise-before");
    await page.getByTestId("start").click();
    await countIs(page.locator("svg.pacer"), 1, "the group does not share one pacer");
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("stop").click();
    await page.getByTestId("run-summary").waitFor();
    await page.locator('[data-testid="rating-0"] .face-button[data-value="3"]').click();
    // A reload keeps the ratings given so far, each with its child.
    await eventually(() => draftOf(page, "spanning"), (d) => d?.step === "after" && d.group?.[0]?.after === 3,
      "the group's ratings are not kept on the tablet");
    await page.reload();
    await page.getByTestId("run-summary").waitFor();
    await attributeIs(page.locator('[data-testid="rating-0"] .face-button[data-value="3"]'), "aria-pressed", "true", "a reload lost child 1's rating after");
    await page.locator('[data-testid="rating-1"] .face-button[data-value="0"]').click();
    await axeClean(page, "group thermometer after");
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the group exercise was not acknowledged", 15_000);
    for (const c of [a, other]) {
      const list = await (await page.request.get(`${env.server.url}/api/clients/${c.id}/artefacts`)).json();
      const art = list.find((x) => x.kind === "exercise" && x.session_id === sid);
      assert.ok(art, "the group exercise is not linked to every child");
      assert.deepEqual(art.metadata.group.ratings, [
        { player: 0, before: 8, after: 3 },
        { player: 1, before: 5, after: 0 },
      ], "the ratings are not each child's own");
    }
    // Each client's review shows their own tension before and after, never another child's.
    const arts = await (await page.request.get(`${env.server.url}/api/clients/${a.id}/artefacts`)).json();
    const run = arts.find((x) => x.kind === "exercise" && x.session_id === sid);
    for (const [client, before, after, hidden] of [[a, "8", "3", OTHER], [other, "5", "0", a.label]]) {
      await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
      await page.locator(`[data-artefact="${run.id}"]`).first().click();
      await page.getByTestId("exercise-review").waitFor();
      await page.locator('[data-testid="before-value"]', { hasText: before }).waitFor();
      assert.equal(await page.getByTestId("before-value").innerText(), before, "the review does not show this client's own rating before");
      assert.equal(await page.getByTestId("after-value").innerText(), after, "the review does not show this client's own rating after");
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      assert.ok(!html.includes(hidden), `${hidden} shows in the exercise review`);
      await axeClean(page, "group exercise review");
    }
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), [], "console errors");
  } finally {
    await page.context().close();
  }
});

test("group music: the pads in the colour of whose turn it is, each hit that child's, each review with its own hits", async () => {
  let page = await logIn(seeded);
  const a = seeded.client;
  try {
    await page.goto(env.server.url + "/");
    await page.getByTestId("group-start").locator("summary").click();
    await page.locator(`input[data-client="${a.id}"]`).check();
    await page.locator(`input[data-client="${other.id}"]`).check();
    await page.getByTestId("group-go").click();
    await page.getByTestId("group-panel").waitFor();
    await page.getByTestId("pick-avatars").click();
    await pickAvatars(page, [["yellow", "bird"], ["vermillion", "turtle"]]);
    const sessionUrl = page.url();
    const sid = sessionUrl.split("/").pop();
    await page.goto(sessionUrl + "/muziek");
    await page.getByTestId("pads").waitFor();
    // Turns are on from the start: one player per child, shown by their animal, no count to pick.
    await attributeIs(page.getByTestId("turn-band"), "data-player", "0", "the first child does not have the turn");
    await page.locator('[data-testid="turn-band"] .avatar-picture[data-animal="bird"]').waitFor();
    await attributeIs(page.getByTestId("pads"), "style", "--player: #F0E442; --player-ink: #1b1b1b", "the pads are not in the first child's colour");
    await page.locator('.tab[data-mode="beurten"]').click();
    await countIs(page.locator("[data-players]"), 0, "a group offers a number of players to pick");
    await countIs(page.locator(".player-swatch.avatar"), 2, "the turns card does not show both children's animals");
    await page.locator('.turns .chip', { hasText: "60 s" }).click();
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!text.includes(a.label) && !text.includes(OTHER), "a client's label shows on the group's screen");

    const cdp = await inputSession(page);
    const tap = async (i) => {
      const b = await page.locator(`[data-pad="${i}"]`).boundingBox();
      const touchPoints = [{ x: b.x + b.width / 2, y: b.y + b.height / 2, id: 1, radiusX: 8, radiusY: 8, force: 0.5 }];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    await tap(0);
    await attributeIs(page.getByTestId("hit-count"), "data-hits", "1", "the first child's tap did not sound");
    await page.getByTestId("pass-turn").click();
    await attributeIs(page.getByTestId("turn-band"), "data-player", "1", "the turn did not pass");
    await attributeIs(page.getByTestId("pads"), "style", "--player: #D55E00; --player-ink: #ffffff", "the pads did not take the second child's colour");
    await tap(1);
    await attributeIs(page.getByTestId("hit-count"), "data-hits", "2", "the second child's first tap did not sound");
    await tap(2);
    await attributeIs(page.getByTestId("hit-count"), "data-hits", "3", "the second child's second tap did not sound");
    await axeClean(page, "group music");
    await shots(page, "music");

    // A reload keeps what was played, each hit with its child.
    await eventually(() => draftOf(page, "muziek"), (d) => d?.tape?.length === 3 && d.tape.map((e) => e.player).join() === "0,1,1", "the hits are not kept on the tablet, each with its child");
    await page.reload();
    await attributeIs(page.getByTestId("hit-count"), "data-hits", "3", "a reload lost hits");
    await page.getByTestId("turn-band").waitFor();
    await attributeIs(page.getByTestId("save-status"), "data-state", "unsaved", "the restored hits are not unsaved");
    await page.getByTestId("save").click();
    await attributeIs(page.getByTestId("save-status"), "data-state", "saved", "the group music was not acknowledged", 15_000);
    let art;
    for (const c of [a, other]) {
      const list = await (await page.request.get(`${env.server.url}/api/clients/${c.id}/artefacts`)).json();
      art = list.find((x) => x.kind === "music" && x.session_id === sid);
      assert.ok(art, "the group music is not linked to every child");
      assert.equal(art.metadata.players, 2);
      assert.deepEqual(art.participants.map((p) => p.avatar.animal), ["bird", "turtle"]);
      const events = art.metadata.recording.layers.flatMap((l) => l.events);
      assert.deepEqual(events.map((e) => [e.pad, e.player]), [[0, 0], [1, 1], [2, 1]], "the hits are not each child's own");
    }

    for (const [client, label, hidden, mine, theirs] of [[a, a.label, OTHER, 1, 2], [other, OTHER, a.label, 2, 1]]) {
      await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
      await page.locator(`[data-artefact="${art.id}"]`).first().click();
      await page.getByTestId("music-review").waitFor();
      await attributeIs(page.getByTestId("mine-bar"), "data-mine-strokes", String(mine), `${label}'s own hits are not counted`);
      await countIs(page.locator(".music-timeline:not(.mini) .hit.theirs"), theirs, `the other child's hits are not told apart in ${label}'s review`);
      await page.getByTestId("mine-toggle").click();
      await page.locator(".music-timeline.mine-only").waitFor();
      const text = await page.evaluate(() => document.body.innerText);
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      assert.ok(!text.includes(hidden) && !html.includes(hidden), `${hidden} shows in ${label}'s review`);
      await axeClean(page, `music review of ${label}`);
      await shots(page, `music-review-${client === a ? "a" : "b"}`);
    }
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), [], "console errors");
  } finally {
    await page.context().close();
  }
});
