// The English switch: Dutch by default, "EN" in the top bar turns every therapist screen into
// English, the choice survives a reload and sets <html lang>, and "NL" turns it back. Also on
// the login screen, before anyone logs in. And nothing is left untranslated: every screen and
// state is walked in Dutch and in English, and a text (or an aria-label, title, placeholder or
// alt) that reads the same in both is a finding, unless it is a name the test made or on the
// short list of words that are the same in both languages by nature.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startServer, suite, newPage, shot, seed, langIs, textIs, evaluatesTo } from "./harness.mjs";
import { MADE_BY_TEST, seedWork, walkLoggedIn, walkLoggedOut } from "./screens.mjs";

const env = suite();

/** Waits until the language stored in the browser is `lang`. */
const storedLang = (page, lang) => evaluatesTo(page, () => localStorage.getItem("speelruimte.taal"), undefined, lang, `the language stored is not "${lang}"`);
const heading = (page, name) => page.getByRole("heading", { name }).first().waitFor();

/** Texts that read the same in Dutch and English by nature, each with its reason. */
const SAME_IN_BOTH = new Map([
  ["Speelruimte", "the app's name"],
  ["Label", "the same word in both (a client's pseudonymous label)"],
  ["Discipline", "the same word in both"],
  ["mandala", "the same word in both (a drawing template)"],
  ["Grounding", "the word Dutch therapists use for it"],
  ["Grounding 5-4-3-2-1", "the name of the exercise, as Dutch therapists use it"],
  ["Loop", "the same word in both (Dutch musicians say loop)"],
  ["Tempo", "the same word in both"],
  ["Instrument", "the same word in both"],
  ["Shaker", "an instrument's name, the same in both"],
  ["Hi-hat open", "an instrument's name, the same in both"],
  ...MADE_BY_TEST.map((t) => [t, "made by the test (a name, a goal, an exercise)"]),
]);

/**
 * Whether `text` may read the same in both: what is left once the allowed texts (whole, or cut
 * short with "…"), numbers and units of time are taken out holds no letter.
 */
function sameByNature(text) {
  let rest = text;
  for (const allowed of [...SAME_IN_BOTH.keys()].sort((a, b) => b.length - a.length)) {
    for (let n = allowed.length - 1; n >= 3; n--) rest = rest.split(`${allowed.slice(0, n)}…`).join(" ");
    rest = rest.split(allowed).join(" ");
  }
  rest = rest.replace(/\d+(?:[.,:]\d+)*\s*(?:ms|min|s)?(?![\p{L}])/gu, " ");
  return !/\p{L}/u.test(rest);
}

/**
 * Every text on the page that holds a letter: text nodes, and the words of aria-label, title,
 * placeholder and alt attributes (prefixed with the attribute's name), and the document title.
 */
function texts(page) {
  return page.evaluate(() => {
    const found = new Set();
    const add = (s, attribute) => {
      const t = s.replace(/\s+/g, " ").trim();
      if (/\p{L}/u.test(t)) found.add(attribute ? `${attribute}="${t}"` : t);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // (<noscript> is never seen by anyone whose browser runs the app.)
    for (let n; (n = walker.nextNode());) if (!n.parentElement?.closest("script, style, noscript")) add(n.textContent);
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const a of ["aria-label", "title", "placeholder", "alt"]) if (el.hasAttribute(a)) add(el.getAttribute(a), a);
    }
    add(document.title, "document.title");
    return [...found];
  });
}

/** A page in a fresh context that shows the app in `lang` from its first load. */
async function pageIn(lang, cookies = []) {
  const page = await newPage(env.browser);
  await page.context().addCookies(cookies);
  await page.context().addInitScript((l) => localStorage.setItem("speelruimte.taal", l), lang);
  return page;
}

/** The texts of every stop of a walk, by the stop's name; checks `<html lang>` at each. */
async function walkIn(lang, cookies, walk) {
  const page = await pageIn(lang, cookies);
  const seen = new Map();
  try {
    await walk(page, async (name) => {
      await langIs(page, lang, `<html lang> on ${name} is not "${lang}"`);
      seen.set(name, await texts(page));
      if (lang === "en") await shot(page, `language-en-${name.replace(/[^a-z]+/g, "-")}-1024x768`);
    });
    assert.deepEqual(page.errors.filter((e) => !e.includes("401")), [], `the page logged errors in ${lang}`);
  } finally {
    await page.context().close();
  }
  return seen;
}

/** Texts that read the same in both walks, per stop, less the allowed ones. */
function untranslated(nl, en) {
  assert.deepEqual([...en.keys()], [...nl.keys()], "the two walks did not stop at the same screens");
  const findings = [];
  for (const [name, dutch] of nl) {
    const english = new Set(en.get(name));
    for (const t of dutch) {
      const bare = t.replace(/^[a-z.-]+="(.*)"$/, "$1");
      if (english.has(t) && !sameByNature(bare)) findings.push([t, name]);
    }
  }
  return findings;
}

test("a therapist switches to English, every screen follows and stays English, and switches back", async (t) => {
  const page = await newPage(env.browser);
  try {
    const { client, session } = await seed(page, env.server);

    // Dutch by default.
    await page.goto(`${env.server.url}/`);
    await heading(page, "Cliënten");
    await langIs(page, "nl");
    const sw = page.getByTestId("lang-switch");
    await textIs(sw, "EN", "the switch does not offer English");
    const box = await sw.boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48, `the switch is ${box.width}×${box.height} px`);

    // Switch on the clients screen.
    await sw.click();
    await heading(page, "Clients");
    await langIs(page, "en");
    await textIs(page.getByTestId("lang-switch"), "NL", "the switch does not offer Dutch back");
    await storedLang(page, "en");
    await page.getByRole("link", { name: /Uil-7/ }).getByText(/Art therapy · \d+ years old/).waitFor();
    await page.getByRole("button", { name: "Add client" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).waitFor();

    // The client: goals with their English domain, sessions with an English date.
    await page.goto(`${env.server.url}/clients/${client.id}`);
    await heading(page, "Treatment goals");
    await heading(page, "Sessions");
    await page.getByText("Art therapy · born in 2015").waitFor();
    await page.locator(".domain", { hasText: "Body awareness" }).first().waitFor();
    await page.getByText("24 November 2026").waitFor();
    await page.getByRole("button", { name: "Start session" }).waitFor();
    await page.getByRole("link", { name: "View work" }).waitFor();
    await shot(page, "language-en-client-1024x768");

    // The session: the three work forms.
    await page.goto(`${env.server.url}/clients/${client.id}/sessies/${session.id}`);
    await heading(page, /Session · Uil-7/);
    await heading(page, "Choose a work form");
    for (const name of [/Drawing/, /Rhythm and sound/, /Regulating tension/]) {
      await page.getByRole("link", { name }).waitFor();
    }
    await shot(page, "language-en-session-1024x768");

    // A work form: regulating tension, breathing exercises with English titles.
    await page.getByRole("link", { name: /Regulating tension/ }).click();
    await heading(page, "Breathing");
    await heading(page, "Muscle relaxation");
    await page.getByText("For whom").first().waitFor();
    await shot(page, "language-en-exercise-1024x768");

    // Review.
    await page.goto(`${env.server.url}/clients/${client.id}/evaluatie`);
    await heading(page, /Review: work by goal/);
    await page.getByText("No work saved yet.").waitFor();

    // A reload keeps English.
    await page.reload();
    await heading(page, /Review: work by goal/);
    await langIs(page, "en");

    // And back to Dutch.
    await page.getByTestId("lang-switch").click();
    await heading(page, /Evaluatie: werkstukken per doel/);
    await langIs(page, "nl");
    await textIs(page.getByTestId("lang-switch"), "EN", "the switch does not offer English again");
    await storedLang(page, "nl");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("the login screen has the switch too, before anyone is logged in", async (t) => {
  const page = await newPage(env.browser);
  try {
    await page.goto(`${env.server.url}/login`);
    await heading(page, "Inloggen");
    await page.getByTestId("lang-switch").click();
    await heading(page, "Log in");
    await page.getByLabel("Username").waitFor();
    await page.getByLabel("Password").waitFor();
    await langIs(page, "en");
    await shot(page, "language-en-login-1024x768");
    // Only the expected "not logged in" answers to /api/me.
    assert.deepEqual(page.errors.filter((e) => !e.includes("401")), []);
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("no screen shows a Dutch text in English: every screen and state, walked in both languages", async (t) => {
  // A server of its own: the setup link of the first one is used up.
  const server = await startServer();
  t.after(() => server.stop());
  const seeding = await newPage(env.browser);
  let work;
  try {
    work = await seedWork(seeding, server);
  } finally {
    await seeding.context().close();
  }
  try {
    const findings = [];
    for (const [walk, cookies] of [
      [(page, visit) => walkLoggedOut(page, server, visit), []],
      [(page, visit) => walkLoggedIn(page, server, work, visit), work.cookies],
    ]) {
      const nl = await walkIn("nl", cookies, walk);
      const en = await walkIn("en", cookies, walk);
      t.diagnostic(`compared ${nl.size} screens: ${[...nl.keys()].join(", ")}`);
      findings.push(...untranslated(nl, en));
    }
    // One line per text, with the screens it is on.
    const where = new Map();
    for (const [text, name] of findings) where.set(text, [...(where.get(text) ?? []), name]);
    const lines = [...where].map(([text, names]) => `${text}    (on: ${names.join(" | ")})`);
    assert.ok(lines.length === 0, `texts that read the same in Dutch and English (not translated?):\n${lines.join("\n")}`);
  } catch (e) {
    t.diagnostic(`server log:\n${server.log()}`);
    throw e;
  }
});
