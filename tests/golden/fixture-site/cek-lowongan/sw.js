'use strict';
const SETTINGS = {"files": ["/cek-lowongan/", "/cek-lowongan/aturan.json", "/theme/js/checkengine.js?v=1c9eb31b8a", "/theme/js/util.js?v=1c9eb31b8a", "/theme/js/check.js?v=1c9eb31b8a", "/theme/css/check.css?v=1c9eb31b8a", "/theme/css/site.css"], "version": "1c9eb31b8a"};
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
