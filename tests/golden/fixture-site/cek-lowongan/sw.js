"use strict";
var CACHE = "cek-lowongan-c5bcd8169f";
var FILES = ["/cek-lowongan/", "/cek-lowongan/aturan.json", "/theme/js/checkengine.js?v=c5bcd8169f", "/theme/js/check.js?v=c5bcd8169f", "/theme/css/check.css?v=c5bcd8169f", "/theme/css/site.css"];
self.addEventListener("install", function (event) {
event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
event.waitUntil(caches.keys().then(function (keys) {
return Promise.all(keys.filter(function (k) { return k.indexOf("cek-lowongan-") === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
}).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (event) {
var request = event.request;
if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
event.respondWith(fetch(request).then(function (response) {
if (response.ok) {
var copy = response.clone();
caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
}
return response;
}).catch(function () {
return caches.match(request).then(function (hit) { return hit || caches.match(request, { ignoreSearch: true }); });
}));
});