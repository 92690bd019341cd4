// Every screen and state (see screens.mjs: login, setup, clients, client, session, each work
// form and its steps, the own-exercise editor, review and each of its panels) is checked with
// axe-core in the real browser: no violations of WCAG 2.x A/AA or of axe's best practices.
import { test } from "node:test";
import assert from "node:assert/strict";
import axe from "axe-core";
import { suite, newPage } from "./harness.mjs";
import { seedWork, walkLoggedIn, walkLoggedOut } from "./screens.mjs";

const env = suite();

/** axe-core's violations on the page as it stands, one line each, naming the elements. */
async function violations(page, name) {
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy allows it.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return found.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).join(", ")}${v.nodes.length > 4 ? ", …" : ""}`);
}

test("every screen, logged out and logged in, passes axe-core without violations", async (t) => {
  const page = await newPage(env.browser);
  try {
    const work = await seedWork(page, env.server);
    const found = [];
    const visited = [];
    const check = async (name) => {
      visited.push(name);
      found.push(...(await violations(page, name)));
    };
    await walkLoggedIn(page, env.server, work, check);
    await page.context().clearCookies();
    await walkLoggedOut(page, env.server, check);
    t.diagnostic(`checked ${visited.length} screens: ${visited.join(", ")}`);
    assert.ok(visited.length >= 20, `only ${visited.length} screens were checked`);
    assert.deepEqual(found, [], "axe-core found violations");
  } catch (e) {
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  } finally {
    await page.context().close();
  }
});
