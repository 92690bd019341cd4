// The muziek work form in a real browser: two fingers play two pads at once, a loop is
// recorded against the metronome into a layer, the echo game is played to the end by tapping
// the pattern's own onsets back, the play is saved and found in review with its 48 kHz WAV.
// Screens are photographed at tablet and phone sizes for a person to look at.
import { test } from "node:test";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import { suite, newPage, shot, countAnimationFrames, framesAsked, framesAtRest, eventually, attributeIs, countIs } from "./harness.mjs";
import { PROBE } from "./audio-probe.mjs";

// One therapist, client, goal and session for every test (`env.seeded`); each test opens its
// own browser context logged in with the same session cookie (`env.cookies`).
const env = suite({ login: true });

/** A fresh page at `viewport`, logged in as the seeded therapist. */
async function loggedIn(viewport) {
  const page = await newPage(env.browser, viewport);
  await page.context().addCookies(env.cookies);
  return page;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Centre of pad `i` in page coordinates. */
async function padCentre(page, i) {
  const b = await page.locator(`[data-pad="${i}"]`).boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Fingers down on the given points at once (one touchStart), then up together. */
async function tapTogether(cdp, points) {
  const touchPoints = points.map((p, i) => ({ x: p.x, y: p.y, id: i + 1, radiusX: 8, radiusY: 8, force: 0.5 }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const hits = (page) => page.getByTestId("hit-count").getAttribute("data-hits").then(Number);

/** Opens the muziek work form the way a therapist does: from the session. */
async function openMusic(page, client, session) {
  await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}`);
  await page.getByRole("link", { name: /Ritme en klank/ }).click();
  await page.getByTestId("pads").waitFor();
  assert.match(page.url(), /\/muziek$/);
}

test("two fingers play at once, a loop is recorded, the echo game is played, saved and found in review", async () => {
  const page = await loggedIn();
  try {
    const { client, session } = env.seeded;
    await openMusic(page, client, session);
    const cdp = await page.context().newCDPSession(page);

    // Two fingers on two pads in the same instant: two hits.
    await tapTogether(cdp, [await padCentre(page, 0), await padCentre(page, 1)]);
    await page.locator('[data-testid="hit-count"][data-hits="2"]').waitFor();
    assert.equal(await hits(page), 2);
    await shot(page, "music-drumstel-1024x768");

    // A loop of one bar at 120 BPM: count-in, then hits land in layer 1.
    await page.locator('.tab[data-mode="loop"]').click();
    await page.locator('[data-bars="1"]').click();
    await page.locator(".tempo-slider").evaluate((el) => {
      el.value = "120";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.locator('[data-testid="tempo"][data-bpm="120"]').waitFor();
    // Every beat the pulse shows while the loop records, noted in the page as it changes (the
    // bar lasts 2 s: the taps below must not wait for anything).
    await page.evaluate(() => {
      window.__beats = [];
      const pulse = document.querySelector('[data-testid="pulse"]');
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="looper"]')?.dataset.phase === "recording") window.__beats.push(pulse.dataset.beat);
      }).observe(pulse, { attributes: true, attributeFilter: ["data-beat"] });
    });
    const pads = [await padCentre(page, 0), await padCentre(page, 1), await padCentre(page, 2)];
    await page.getByTestId("loop-record").click();
    await page.locator('[data-testid="looper"][data-phase="count-in"]').waitFor();
    await page.locator('[data-testid="looper"][data-phase="recording"]').waitFor({ timeout: 5000 });
    // Four taps one after another, each as soon as the one before has been heard (the hit
    // count goes up on pointerdown): all within the bar, however busy the machine (taps 250 ms
    // apart by the clock fell after the bar's end on a loaded 2-core machine).
    const before = await hits(page);
    for (let i = 0; i < 4; i++) {
      await tapTogether(cdp, [pads[i % 3]]);
      await page.locator(`[data-testid="hit-count"][data-hits="${before + i + 1}"]`).waitFor({ timeout: 2000 });
    }
    await shot(page, "music-loop-recording-1024x768");
    await page.locator('[data-testid="looper"][data-layers="1"]').waitFor({ timeout: 5000 });
    await attributeIs(page.locator('.loop-layer[data-layer="0"]'), "data-events", "4", "the layer does not hold the four hits");
    // The tempo belongs to the loop now.
    await eventually(() => page.locator(".tempo-slider").isDisabled(), (d) => d, "the tempo can still be changed under the loop");
    // While it recorded, the pulse showed the beats of the loop (0 and up; the count-in's are
    // negative), one after another.
    const beats = await page.evaluate(() => window.__beats);
    const loopBeat = (b) => /^\d+$/.test(b ?? "");
    assert.ok(beats.length >= 2 && beats.every(loopBeat) && beats.every((b, i) => i === 0 || Number(b) >= Number(beats[i - 1])) && beats.at(-1) !== beats[0],
      `the pulse showed ${JSON.stringify(beats)} while the loop recorded`);
    // Under the recorded loop the pulse goes on, beat after beat.
    const pulse = page.getByTestId("pulse");
    const beat = () => pulse.getAttribute("data-beat");
    const now = await eventually(beat, loopBeat, "the pulse shows no beat under the loop");
    await eventually(beat, (b) => loopBeat(b) && b !== now, `the pulse stays on beat ${now} under the loop`);
    await shot(page, "music-loop-1024x768");
    await page.getByTestId("loop-stop").click();

    // The echo game, level 1: listen, then tap the pattern back at its own onsets.
    await page.locator('.tab[data-mode="nadoen"]').click();
    const echo = page.getByTestId("echo");
    await page.getByTestId("echo-start").click();
    await page.locator('[data-testid="echo"][data-phase="listen"]').waitFor();
    await page.locator('[data-testid="echo"][data-phase="answer"]').waitFor({ timeout: 10000 });
    const onsets = (await echo.getAttribute("data-onsets")).split(",").map(Number);
    assert.ok(onsets.length >= 2, `pattern onsets ${onsets}`);
    const where = await padCentre(page, 2);
    const t0 = performance.now() + 300;
    for (const ms of onsets) {
      await sleep(Math.max(0, t0 + ms - performance.now()));
      await tapTogether(cdp, [where]);
    }
    await page.locator('[data-testid="echo"][data-phase="done"]').waitFor({ timeout: 10000 });
    const stars = Number(await echo.getAttribute("data-stars"));
    assert.ok(stars >= 2, `tapping the onsets back gave ${stars} stars`);
    await countIs(page.locator(".star.lit"), stars, `not ${stars} stars lit`);
    // Every note of the pattern has its timing judged, and none was missed.
    await countIs(page.locator('.echo-note:not([data-timing=""])'), onsets.length, "not every note of the pattern is judged");
    assert.equal(await page.locator('.echo-note[data-timing="missed"]').count(), 0);
    await shot(page, "music-echo-result-1024x768");

    // Save, linked to the goal.
    await page.locator(".goal-chips .chip").first().click();
    await page.getByTestId("save").click();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20000 });

    // Review: the artefact, its timeline, and its WAV.
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    const thumb = page.locator(".thumb", { has: page.locator(".music-thumb") }).first();
    await thumb.waitFor();
    const id = await thumb.getAttribute("data-artefact");
    await thumb.click();
    const review = page.getByTestId("music-review");
    await review.waitFor();
    await attributeIs(review, "data-events", "4", "the loop's four hits are not in the review");
    await countIs(review.locator(".music-timeline circle.hit"), 4, "the timeline does not show the four hits");
    await page.getByTestId("review-play").click();
    // Playing, the playhead moves along the timeline.
    const head = review.locator(".music-timeline line.playhead");
    const x0 = Number(await head.getAttribute("x1"));
    await page.waitForFunction((x0) => Number(document.querySelector(".music-timeline line.playhead").getAttribute("x1")) > x0, x0, { timeout: 5000 });
    await shot(page, "music-review-1024x768");
    const wav = await page.request.get(`${env.server.url}/api/artefacts/${id}/blobs/mix.wav`);
    assert.equal(wav.status(), 200);
    const b = Buffer.from(await wav.body());
    assert.equal(b.subarray(0, 4).toString("latin1"), "RIFF");
    assert.equal(b.subarray(8, 12).toString("latin1"), "WAVE");
    assert.equal(b.readUInt32LE(24), 48000, "sample rate");
    const dataAt = b.indexOf("data", 12, "latin1");
    const dataLen = b.readUInt32LE(dataAt + 4);
    assert.ok(dataLen > 48000 * 2 * 4, `the mix holds ${dataLen} bytes of sound (a 2 s loop, repeated)`);
    let peak = 0;
    for (let i = dataAt + 8; i < b.length - 1; i += 2) peak = Math.max(peak, Math.abs(b.readInt16LE(i)));
    assert.ok(peak > 1000, `the mix is not silent (peak ${peak})`);
    // A standard tool reads it as what it claims: sox (installed by `cargo xtask test`).
    const file = path.join(mkdtempSync(path.join(tmpdir(), "speelruimte-wav-")), "mix.wav");
    writeFileSync(file, b);
    const info = execFileSync("sox", ["--i", file], { encoding: "utf8" });
    assert.match(info, /Channels\s*:\s*1\b/);
    assert.match(info, /Sample Rate\s*:\s*48000\b/);
    assert.match(info, /Precision\s*:\s*16-bit/);
    const samples = Number(info.match(/= (\d+) samples/)[1]);
    assert.equal(samples, dataLen / 2, "sox counts every sample the header promises");
    const stat = spawnSync("sox", [file, "-n", "stat"], { encoding: "utf8" });
    assert.equal(stat.status, 0, stat.stderr);
    const err = stat.stderr; // sox writes its statistics to stderr
    const max = Number(err.match(/Maximum amplitude:\s*([\d.]+)/)[1]);
    const mean = Number(err.match(/Mean\s+amplitude:\s*(-?[\d.]+)/)[1]);
    assert.ok(max > 0.03 && max < 1.0, `sox: peak ${max} (sound, never clipped)`);
    assert.ok(Math.abs(mean) < 0.01, `sox: mean ${mean} (no DC offset)`);
    const events = await page.request.get(`${env.server.url}/api/artefacts/${id}/blobs/events.json`);
    assert.equal(events.status(), 200);
    const free = await events.json();
    assert.ok(free.layers[0].events.length >= 2 + 4 + onsets.length, "free play keeps every hit");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    console.error(env.server.log().slice(-3000), page.errors);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("every layout fits tablet and phone screens without sideways scrolling", async () => {
  const sizes = [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
    { width: 390, height: 844 },
  ];
  const { client, session } = env.seeded;
  for (const viewport of sizes) {
    const page = await loggedIn(viewport);
    try {
      await openMusic(page, client, session);
      for (const id of ["drumstel", "djembe", "klankstaven", "groepskring"]) {
        await page.locator(`[data-layout-choice="${id}"]`).click();
        await page.locator(`[data-testid="pads"][data-layout="${id}"]`).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${id} at ${viewport.width}×${viewport.height} scrolls sideways by ${overflow}px`);
        const small = await page.locator(".pad").evaluateAll((pads) =>
          pads.map((p) => p.getBoundingClientRect()).filter((r) => r.width < 48 || r.height < 48).length);
        assert.equal(small, 0, `${id} at ${viewport.width}: pads smaller than 48 px`);
        await shot(page, `music-${id}-${viewport.width}x${viewport.height}`);
      }
      if (viewport.width === 1024) {
        // The therapist's own scale: C pentatonic plus F sharp; the bars follow, low to high.
        await page.locator('[data-layout-choice="klankstaven"]').click();
        await page.getByTestId("scale").selectOption("eigen");
        await page.locator('[data-semitone="6"]').click();
        const scale = ["C", "D", "E", "Fis", "G", "A"];
        await eventually(async () => (await page.locator(".pad .pad-label").allInnerTexts()).slice(0, 6),
          (labels) => JSON.stringify(labels) === JSON.stringify(scale), `the bars do not follow the own scale ${scale.join(" ")}`);
        // Taking every tone away is refused in words; the bars stay as they were.
        for (const k of [0, 2, 4, 6, 7, 9]) await page.locator(`[data-semitone="${k}"]`).click();
        await page.getByTestId("own-scale").locator(".error").waitFor();
        assert.equal(await page.locator('[data-semitone="9"]').getAttribute("aria-pressed"), "true");
        await shot(page, "music-own-scale-1024x768");
      }
      if (viewport.width === 390) {
        await page.locator('.tab[data-mode="beurten"]').click();
        await page.locator('[data-players="3"]').click();
        await page.getByTestId("turn-band").waitFor();
        await page.getByTestId("pass-turn").click();
        await page.locator('[data-testid="turn-band"][data-player="1"]').waitFor();
        await shot(page, "music-turns-390x844");
      }
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
    }
  }
});

/**
 * The seeded session's pads in a page whose audio output is tapped by the probe
 * (`audio-probe.mjs`): `probe()` reads whether it is quiet, how many onsets and the loudest
 * sample it heard; `silent(what)` waits until the output has been silent ~93 ms.
 */
async function probedPads() {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, bypassCSP: true });
  await context.addCookies(env.cookies);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  const { client, session } = env.seeded;
  await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}/muziek`);
  await page.getByTestId("pads").waitFor();
  const cdp = await page.context().newCDPSession(page);
  const probe = () => page.evaluate(() => ({ quiet: window.__b3.quiet, heard: window.__b3.reports.length, peak: window.__b3.peak }));
  const silent = (what) => eventually(probe, (p) => p.quiet, `${what}: the output never fell silent`, 10_000);
  return { page, cdp, probe, silent };
}

test("every tap on a pad is heard at once: the output carries sound right after each pointerdown", async () => {
  // How soon, against cpal and the floor, is the B3 benchmark (`cargo xtask bench audio`);
  // here only that each tap sounds, within a few render quanta.
  const { page, cdp, probe, silent } = await probedPads();
  try {
    const where = await padCentre(page, 2); // hi-hat: short, so silence returns quickly
    // Each tap waits for the output to be silent (the probe heard ~93 ms of zeros), so its
    // sound is an onset of its own; and for the tap's own sound to be heard and die away
    // before the next. A tap that makes no sound fails here, naming the tap.
    await tapTogether(cdp, [where]); // unlocks the audio
    await silent("after the first tap");
    await page.evaluate(() => { window.__b3.downs = []; window.__b3.reports = []; });
    const n = 12;
    for (let i = 0; i < n; i++) {
      await tapTogether(cdp, [where]);
      await eventually(probe, (p) => p.heard > i && p.quiet, `tap ${i + 1}: no sound heard, or it did not end`, 10_000);
    }
    const delays = await page.evaluate(() => {
      const { downs, reports } = window.__b3;
      return downs.map((at) => {
        const t = reports.find((x) => x >= at - 1e-6);
        return t === undefined ? null : t - at;
      });
    });
    assert.equal(delays.length, n, "every tap reached the page");
    for (const [i, d] of delays.entries()) {
      assert.ok(d !== null && d < 0.05, `tap ${i + 1}: ${d === null ? "no sound" : `${(d * 1000).toFixed(1)} ms`} after the tap`);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});

test("every pad struck at once is loud but never past the ceiling; one pad alone comes out as rendered", async () => {
  // The ceiling (crates/sound/src/ceiling.rs) is a wave shaper after the master gain: the
  // probe hears what goes to the speaker. All pads of the layout together sum well past 1.0
  // (each peaks near 0.65 through the gains); without the ceiling the output peaks there.
  const { page, cdp, probe, silent } = await probedPads();
  try {
    const n = await page.locator("[data-pad]").count();
    assert.ok(n >= 6, `the layout has ${n} pads`);
    const all = [];
    for (let i = 0; i < n; i++) all.push(await padCentre(page, i));
    await tapTogether(cdp, [await padCentre(page, 2)]); // unlocks the audio
    await silent("after the first tap");
    await page.evaluate(() => { window.__b3.reports = []; window.__b3.quiet = false; });
    await tapTogether(cdp, [await padCentre(page, 2)]);
    await eventually(probe, (p) => p.heard > 0 && p.quiet, "one hi-hat: no sound heard, or it did not end", 10_000);
    const single = (await probe()).peak;
    assert.ok(single > 0.05 && single < 0.6, `one hi-hat peaked at ${single}: under the knee, not bent`);
    await tapTogether(cdp, all);
    await eventually(probe, (p) => p.peak > single, "the pads struck together were not heard", 10_000);
    await silent(`after ${n} pads at once`);
    const { peak } = await probe();
    assert.ok(peak <= 0.95 + 1e-6, `${n} pads at once peaked at ${peak.toFixed(3)}, past the ceiling of 0.95`);
    assert.ok(peak > 0.8, `${n} pads at once peaked at only ${peak.toFixed(3)}: not the loud sum this test needs`);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
  }
});

test("the pad at rest asks the browser for no frames (a tablet's battery); a running metronome does", async () => {
  const page = await loggedIn();
  try {
    await page.context().addInitScript(countAnimationFrames);
    await openMusic(page, env.seeded.client, env.seeded.session);
    const frames = () => framesAsked(page);
    // The softer steps of the layout's voices are rendered one per frame after it opens; then
    // it rests (a second and more without a frame asked for).
    const opened = await framesAtRest(page);
    await page.locator('.tab[data-mode="loop"]').click();
    await page.getByTestId("metronome-toggle").click();
    // The running metronome's pulse asks for frame after frame.
    await eventually(async () => (await frames()) - opened, (n) => n >= 30, (n) => `the running metronome asked for only ${n} frames`);
    await page.getByTestId("metronome-toggle").click();
    // Stopped, it rests again.
    await framesAtRest(page);
  } catch (e) {
    await shot(page, "failure-music-at-rest");
    throw e;
  } finally {
    await page.close();
  }
});
