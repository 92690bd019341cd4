// axe-core in the real browser, for the accessibility walk and for screens that only their own
// test reaches (a comparison needs two drawings; the offline-shell test's "new version ready").
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
