// Antar Kerja service worker (antarkerja.site.outputs.offline), scope: the whole site.
// Without a connection it serves: the few pages and files precached at install (home, saved
// list, Cek lowongan with its rules, script and style, the offline page, the stylesheet and
// site.js: PRECACHE, listed with their bytes by `antarkerja bench --steps offline`), saved
// vacancies (ak-simpan, filled by site.js) and the 20 most recently visited vacancy pages
// (ak-halaman); any other page gets the Indonesian offline page. Nothing else is fetched ahead.
// Pages are network first (a connected reader always gets the current page); versioned
// assets are cache first. cek-lowongan/sw.js, once the checker registered it, controls its
// own narrower scope the same way and finds these caches too (caches.match spans them all).
// Settings are inserted as JSON (JS-string escaped), never HTML-escaped.
const ASSETS = 'ak-aset-' + "0dc608e9ac";
const RECENT = 'ak-halaman';
const SAVED = 'ak-simpan';
const KEEP = 20;
const PRECACHE = ["/", "/tersimpan/", "/luring/", "/theme/css/site.css?v=c8b1205205", "/theme/js/site.js?v=ec867c1fee", "/cek-lowongan/", "/cek-lowongan/aturan.json", "/theme/js/checkengine.js?v=c5bcd8169f", "/theme/js/check.js?v=c5bcd8169f", "/theme/css/check.css?v=c5bcd8169f"];
const OFFLINE = new URL("/luring/", location.href).href;
// A vacancy page is VACANCIES + id + '/' (a path: SITEURL may be absolute or have a prefix).
const VACANCIES = new URL("/lowongan/", location.href).pathname;
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, location.href).href));

self.addEventListener('install', (event) => {
event.waitUntil(caches.open(ASSETS).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
event.waitUntil(caches.keys()
.then((keys) => Promise.all(keys.filter((k) => k.startsWith('ak-aset-') && k !== ASSETS).map((k) => caches.delete(k))))
.then(() => self.clients.claim()));
});

const isVacancyPage = (path) => path.startsWith(VACANCIES) && /^[^/]+\/$/.test(path.slice(VACANCIES.length));

const trim = (cache) => cache.keys().then((keys) => Promise.all(keys.slice(0, Math.max(0, keys.length - KEEP)).map((k) => cache.delete(k))));

// Network first; a good answer refreshes the copy kept in `store` (if any).
const networkFirst = (request, key, store, fallback) => fetch(request).then((response) => {
if (response.ok && store) {
const copy = response.clone();
caches.open(store).then((cache) => cache.put(key, copy).then(() => (store === RECENT ? trim(cache) : null)));
}
return response;
}).catch(() => caches.match(key).then((hit) => hit || fallback()));

self.addEventListener('fetch', (event) => {
const request = event.request;
const url = new URL(request.url);
if (request.method !== 'GET' || url.origin !== location.origin) return;
const bare = url.origin + url.pathname;
if (request.mode === 'navigate') {
const store = isVacancyPage(url.pathname) ? RECENT : (PRECACHED.has(bare) ? ASSETS : null);
const offline = () => caches.match(OFFLINE).then((hit) => hit || Response.error());
event.respondWith(networkFirst(request, store === ASSETS ? bare : url.pathname, store, offline));
} else if (url.search && PRECACHED.has(url.href)) {
event.respondWith(caches.match(request).then((hit) => hit || fetch(request))); // versioned (?v=): never stale
} else if (PRECACHED.has(bare)) {
event.respondWith(networkFirst(request, bare, ASSETS, () => Response.error())); // e.g. the checker's rules
}
});