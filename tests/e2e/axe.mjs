// axe-core in the real browser, for the accessibility test and the screens of other tests
// that only they can reach (the "new version ready" note of the offline-shell test).
import axe from "axe-core";

/** axe-core's violations on the page as it stands, one line each, naming the elements. */
export async function violations(page, name) {
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy allows it.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return found.map((v) => `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).join(", ")}${v.nodes.length > 4 ? ", …" : ""}`);
}
