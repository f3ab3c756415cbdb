// cek-lowongan/sw.js (antarkerja.site.outputs.check): keeps the checker page, its script, style
// and rules in a cache so the page works offline after a first visit. Network first, so a
// connected visitor always gets the current rules; only same-site GET requests are touched.
// SETTINGS (version, files) is the line the build puts after 'use strict'
// (antarkerja.site.scripts).
'use strict';
/* global SETTINGS */
const CACHE = 'cek-lowongan-' + SETTINGS.version;
const FILES = SETTINGS.files;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cek-lowongan-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => { cache.put(request, copy); });
    }
    return response;
  }).catch(() => caches.match(request).then((hit) => hit || caches.match(request, { ignoreSearch: true }))));
});
