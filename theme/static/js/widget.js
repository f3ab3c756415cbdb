// Iframe widget look from its URL: ?tema=gelap (dark) and ?aksen=RRGGBB (accent colour).
// Only a strict hex colour is accepted; anything else keeps the default look.
(() => {
  'use strict';
  const q = new URLSearchParams(location.search);
  const root = document.documentElement;
  if (q.get('tema') === 'gelap') root.classList.add('gelap');
  const accent = (q.get('aksen') || '').replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(accent)) root.style.setProperty('--ak-accent', '#' + accent);
})();
