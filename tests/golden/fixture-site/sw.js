'use strict';
const SETTINGS = {"offline": "/luring/", "precache": ["/", "/tersimpan/", "/luring/", "/theme/css/site.css?v=97277d0f2c", "/theme/js/site.js?v=5e6402121c", "/cek-lowongan/", "/cek-lowongan/aturan.json", "/theme/js/checkengine.js?v=1c9eb31b8a", "/theme/js/util.js?v=1c9eb31b8a", "/theme/js/check.js?v=1c9eb31b8a", "/theme/css/check.css?v=1c9eb31b8a"], "vacancies": "/lowongan/", "version": "5392fe7f8d"};
/* global SETTINGS */
const ASSETS = 'ak-aset-' + SETTINGS.version;
const RECENT = 'ak-halaman';
const KEEP = 20;
const PRECACHE = SETTINGS.precache;
const OFFLINE = new URL(SETTINGS.offline, location.href).href;
// A vacancy page is VACANCIES + id + '/' (a path: SITEURL may be absolute or have a prefix).
const VACANCIES = new URL(SETTINGS.vacancies, location.href).pathname;
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
