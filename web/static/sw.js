// The service worker: keeps the app shell (every file of the build, listed with the build's
// version by `cargo xtask build` in the line marked @shell below) so the app starts and the work
// forms run without a network. It never touches /api: client data is not kept here.
//
// The shell is served cache first, and navigations to the app's routes answer the cached
// index.html: the page, its script, its wasm and its styles then always come from one build,
// online or not, and a new build takes over only when the therapist says so (the app posts
// "skip-waiting" from the "Nieuwe versie klaar" banner) or when no page of the app is open.
// Network first would mix builds (a new index.html with an old app.js) and switch versions
// at any reload, in the middle of a session.

// cargo xtask build replaces this line with the version and the files of the build.
self.SHELL = { version: "", files: [] }; // @shell

const PREFIX = "speelruimte-shell-";
const CACHE = PREFIX + self.SHELL.version;
const FILES = new Set(self.SHELL.files);

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new version waits until the therapist switches (see the banner).
  // `reload` asks the server, not the HTTP cache, so the files are those of this build.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(self.SHELL.files.map((f) => new Request(f, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  // Old versions' caches go; the first version takes the page that installed it at once.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

/** Whether a path is the server's: the API is never answered from here nor kept. */
function isApi(path) {
  return path === "/api" || path.startsWith("/api/");
}

/** Whether a path's last segment names a file (the app's own routes have no dot). */
function namesFile(path) {
  return path.slice(path.lastIndexOf("/") + 1).includes(".");
}

/** The cached copy of `path` in this version's cache, or the network's answer. */
function fromShell(path, request) {
  return caches.open(CACHE)
    .then((cache) => cache.match(path, { ignoreVary: true }))
    .then((hit) => hit || fetch(request));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url.pathname)) return;
  if (FILES.has(url.pathname)) {
    event.respondWith(fromShell(url.pathname, request));
  } else if (request.mode === "navigate" && !namesFile(url.pathname)) {
    // An app route (/, /login, /clients/…): the app itself, which reads the address.
    event.respondWith(fromShell("/index.html", request));
  }
});
