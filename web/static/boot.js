// Loads the wasm app. Kept out of index.html so the Content-Security-Policy needs no inline script.
import init from "/app.js";
init();
