// Every therapist screen at both tablet orientations and at phone size: nothing scrolls
// sideways, every button and link is at least 48 px tall (a finger, not a mouse), and the
// drawing canvas takes most of the screen, with every drawing tool in view on a tablet.
// Screenshots land in artifacts/ to be looked at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite, newPage, shot } from "./harness.mjs";

const SIZES = [
  { name: "1024x768", width: 1024, height: 768 },
  { name: "768x1024", width: 768, height: 1024 },
  { name: "phone-390x844", width: 390, height: 844 },
];
const env = suite();
let screens;

/** Makes an account, a client with a goal and a session through the API, as the app would. */
async function seed(page) {
  const link = env.server.setupLink.replace(/^http:\/\/[^/]+/, env.server.url);
  const token = new URL(link).searchParams.get("token");
  const me = await (await page.request.post(`${env.server.url}/api/setup`, {
    data: { token, username: "c.bakker", display_name: "Carla Bakker", password: "een lange zin als wachtwoord" },
  })).json();
  const headers = { "X-CSRF-Token": me.csrf_token };
  const post = async (p, data) => {
    const r = await page.request.post(env.server.url + p, { data, headers });
    assert.ok(r.ok(), `${p}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const client = await post("/api/clients", { label: "Uil-7", birth_year: 2015, discipline: "beeldend" });
  await post("/api/clients", { label: "Groep Zonnebloem", birth_year: 2014, discipline: "pmt" });
  await post(`/api/clients/${client.id}/goals`, {
    domain: "lichaamsbeleving", title: "Voelen waar de spanning zit", subgoals: ["Lijf tekenen"],
  });
  await post(`/api/clients/${client.id}/goals`, { domain: "zelfbeeld", title: "Trots zijn op wat ik maak" });
  const session = await post(`/api/clients/${client.id}/sessions`, { date: "2026-11-24", notes: "Eerste kennismaking" });
  return [
    ["clients", "/"],
    ["client", `/clients/${client.id}`],
    ["session", `/clients/${client.id}/sessies/${session.id}`],
    ["draw", `/clients/${client.id}/sessies/${session.id}/tekenen`],
    ["exercise", `/clients/${client.id}/sessies/${session.id}/spanning`],
    ["music", `/clients/${client.id}/sessies/${session.id}/muziek`],
    ["review", `/clients/${client.id}/evaluatie`],
  ];
}

test("every screen fits tablets in both orientations and phones, with finger-sized targets", async (t) => {
  const page = await newPage(env.browser);
  try {
    screens = await seed(page);
    // Every screen in Dutch; the drawing screen, whose tool names are longest in English,
    // also in English.
    const draw = screens.filter(([name]) => name === "draw");
    const rounds = [...SIZES.map((size) => [size, screens, "nl"]), ...SIZES.map((size) => [size, draw, "en"])];
    for (const [size, list, lang] of rounds) {
      await page.setViewportSize(size);
      await page.evaluate((l) => localStorage.setItem("speelruimte.taal", l), lang).catch(() => {});
      for (const [name, path] of list) {
        await page.goto(env.server.url + path);
        await page.locator("h1, canvas").first().waitFor();
        await page.waitForLoadState("networkidle");
        await shot(page, `layout-${name}-${size.name}${lang === "nl" ? "" : "-" + lang}`);
        const report = await page.evaluate(() => {
          const small = [...document.querySelectorAll("button, a.button, a.tile, a.row-link, select, input, summary")]
            .filter((el) => el.offsetParent !== null)
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.height < 47.5)
            .map(({ el, r }) => `${el.tagName} "${(el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${r.height.toFixed(0)}px`);
          return {
            overflow: document.scrollingElement.scrollWidth - window.innerWidth,
            small,
            // On the drawing screen: tools out of view (a tablet shows them all without
            // scrolling; a phone's toolbar scrolls sideways) and names cut off on their button.
            tools: (() => {
              const tools = document.querySelector(".tools");
              if (!tools) return null;
              const name = (el) => (el.getAttribute("aria-label") || el.innerText || el.dataset.testid || "").trim().replace(/\s+/g, " ");
              return {
                hidden: [...tools.querySelectorAll("button, select, input")].filter((el) => {
                  const r = (el.type === "color" ? el.parentElement : el).getBoundingClientRect();
                  return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
                }).map(name),
                cut: [...tools.querySelectorAll("button")].filter((el) => el.scrollWidth > el.clientWidth + 1).map(name),
                scrolls: [tools.scrollWidth - tools.clientWidth, tools.scrollHeight - tools.clientHeight],
              };
            })(),
            canvas: (() => {
              const c = document.querySelector("canvas");
              if (!c) return null;
              const r = c.getBoundingClientRect();
              return (r.width * r.height) / (window.innerWidth * window.innerHeight);
            })(),
          };
        });
        assert.ok(report.overflow <= 0, `${name} at ${size.name} scrolls sideways by ${report.overflow}px`);
        assert.deepEqual(report.small, [], `${name} at ${size.name} has targets under 48px`);
        if (name === "draw") {
          const at = `${size.name} (${lang})`;
          assert.deepEqual(report.tools.cut, [], `tool names cut off at ${at}`);
          if (!size.name.startsWith("phone")) {
            assert.deepEqual(report.tools.hidden, [], `tools out of view at ${at}`);
            assert.deepEqual(report.tools.scrolls, [0, 0], `the tools scroll (sideways, down) at ${at}`);
          }
          assert.ok(report.canvas > 0.45, `canvas covers only ${(report.canvas * 100).toFixed(0)}% at ${size.name}`);
        }
      }
    }
  } catch (e) {
    await shot(page, "failure-layout");
    t.diagnostic(`server log:\n${env.server.log()}\nconsole:\n${page.errors.join("\n")}`);
    throw e;
  }
});
