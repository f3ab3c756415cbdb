// Antar Kerja service worker: keeps saved and recently visited vacancy pages and the
// stylesheet for reading without a connection. Nothing else is cached or intercepted.
const ASSETS = 'ak-aset-3ca338b7c3';
const RECENT = 'ak-halaman';
const SAVED = 'ak-simpan';
const KEEP = 20;
const CSS = '/theme/css/site.css?v=3ca338b7c3';
// A vacancy page is VACANCIES + id + '/' (a path: SITEURL may be absolute or have a prefix).
const VACANCIES = new URL('/lowongan/', location.href).pathname;

self.addEventListener('install', (event) => {
event.waitUntil(caches.open(ASSETS).then((cache) => cache.add(CSS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
event.waitUntil(caches.keys()
.then((keys) => Promise.all(keys.filter((k) => k.startsWith('ak-aset-') && k !== ASSETS).map((k) => caches.delete(k))))
.then(() => self.clients.claim()));
});

const isVacancyPage = (path) => path.startsWith(VACANCIES) && /^[^/]+\/$/.test(path.slice(VACANCIES.length));

const trim = (cache) => cache.keys().then((keys) => Promise.all(keys.slice(0, Math.max(0, keys.length - KEEP)).map((k) => cache.delete(k))));

self.addEventListener('fetch', (event) => {
const request = event.request;
const url = new URL(request.url);
if (request.method !== 'GET' || url.origin !== location.origin) return;
if (url.href === new URL(CSS, location.href).href) {
event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
} else if (request.mode === 'navigate' && isVacancyPage(url.pathname)) {
event.respondWith(fetch(request).then((response) => {
if (response.ok) {
const copy = response.clone();
caches.open(RECENT).then((cache) => cache.put(url.pathname, copy).then(() => trim(cache)));
}
return response;
}).catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())));
}
});