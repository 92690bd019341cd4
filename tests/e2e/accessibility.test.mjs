// Every screen and state (see screens.mjs: login, setup, clients, client, session, each work
// form and its steps, the own-exercise editor, review and each of its panels) is checked with
// axe-core in the real browser: no violations of WCAG 2.x A/AA or of axe's best practices.
// The "new version ready" note is checked where it can be reached, in offline-shell.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage } from "./harness.mjs";
import { violations } from "./axe.mjs";
import { seedWork, walkLoggedIn, walkLoggedOut } from "./screens.mjs";

const env = suite();

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
