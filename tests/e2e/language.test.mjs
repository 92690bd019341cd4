// The English switch: Dutch by default, "EN" in the top bar turns every therapist screen into
// English (clients, client, session, a work form, review), the choice survives a reload and
// sets <html lang>, and "NL" turns it back. Also on the login screen, before anyone logs in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, newPage, shot, seed } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const heading = (page, name) => page.getByRole("heading", { name }).first().waitFor();
const text = (page) => page.locator("body").innerText();

/** Fails with the Dutch words still on screen, so a missed string is named. */
function assertNoDutch(body, words, where) {
  const left = words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, "u").test(body));
  assert.deepEqual(left, [], `Dutch left on the ${where} screen:\n${body}`);
}

test("a therapist switches to English, every screen follows and stays English, and switches back", async (t) => {
  const page = await newPage(browser);
  try {
    const { client, session } = await seed(page, server);

    // Dutch by default.
    await page.goto(`${server.url}/`);
    await heading(page, "Cliënten");
    assert.equal(await htmlLang(page), "nl");
    const sw = page.getByTestId("lang-switch");
    assert.equal((await sw.innerText()).trim(), "EN");
    const box = await sw.boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48, `the switch is ${box.width}×${box.height} px`);

    // Switch on the clients screen.
    await sw.click();
    await heading(page, "Clients");
    assert.equal(await htmlLang(page), "en");
    assert.equal((await page.getByTestId("lang-switch").innerText()).trim(), "NL");
    assert.equal(await page.evaluate(() => localStorage.getItem("speelruimte.taal")), "en");
    await page.getByRole("link", { name: /Uil-7/ }).getByText(/Art therapy · \d+ years old/).waitFor();
    await page.getByRole("button", { name: "Add client" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    assertNoDutch(await text(page), ["Cliënten", "Uitloggen", "Geboortejaar", "jaar", "Beeldende"], "clients");

    // The client: goals with their English domain, sessions with an English date.
    await page.goto(`${server.url}/clients/${client.id}`);
    await heading(page, "Treatment goals");
    await heading(page, "Sessions");
    await page.getByText("Art therapy · born in 2015").waitFor();
    await page.locator(".domain", { hasText: "Body awareness" }).first().waitFor();
    await page.getByText("24 November 2026").waitFor();
    await page.getByRole("button", { name: "Start session" }).waitFor();
    await page.getByRole("link", { name: "View work" }).waitFor();
    await shot(page, "language-en-client-1024x768");
    assertNoDutch(await text(page), ["Behandeldoelen", "Sessies", "november", "Lichaamsbeleving", "Terug"], "client");

    // The session: the three work forms.
    await page.goto(`${server.url}/clients/${client.id}/sessies/${session.id}`);
    await heading(page, /Session · Uil-7/);
    await heading(page, "Choose a work form");
    for (const name of [/Drawing/, /Rhythm and sound/, /Regulating tension/]) {
      await page.getByRole("link", { name }).waitFor();
    }
    await shot(page, "language-en-session-1024x768");
    assertNoDutch(await text(page), ["Sessie", "Tekenen", "Ritme", "Spanning", "werkvorm"], "session");

    // A work form: regulating tension, breathing exercises with English titles.
    await page.getByRole("link", { name: /Regulating tension/ }).click();
    await heading(page, "Breathing");
    await heading(page, "Muscle relaxation");
    await page.getByText("For whom").first().waitFor();
    await shot(page, "language-en-exercise-1024x768");
    assertNoDutch(await text(page), ["Ademhaling", "Spierontspanning", "Voor wie", "Kind", "vasthouden"], "exercise");

    // Review.
    await page.goto(`${server.url}/clients/${client.id}/evaluatie`);
    await heading(page, /Review: work by goal/);
    await page.getByText("No work saved yet.").waitFor();
    assertNoDutch(await text(page), ["Evaluatie", "werkstukken", "Nog"], "review");

    // A reload keeps English.
    await page.reload();
    await heading(page, /Review: work by goal/);
    assert.equal(await htmlLang(page), "en");

    // And back to Dutch.
    await page.getByTestId("lang-switch").click();
    await heading(page, /Evaluatie: werkstukken per doel/);
    assert.equal(await htmlLang(page), "nl");
    assert.equal((await page.getByTestId("lang-switch").innerText()).trim(), "EN");
    assert.equal(await page.evaluate(() => localStorage.getItem("speelruimte.taal")), "nl");
    assert.deepEqual(page.errors, []);
  } catch (e) {
    t.diagnostic(`server log:\n${server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});

test("the login screen has the switch too, before anyone is logged in", async (t) => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/login`);
    await heading(page, "Inloggen");
    await page.getByTestId("lang-switch").click();
    await heading(page, "Log in");
    await page.getByLabel("Username").waitFor();
    await page.getByLabel("Password").waitFor();
    assert.equal(await htmlLang(page), "en");
    await shot(page, "language-en-login-1024x768");
    // Only the expected "not logged in" answers to /api/me.
    assert.deepEqual(page.errors.filter((e) => !e.includes("401")), []);
  } catch (e) {
    t.diagnostic(`server log:\n${server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});
