// "Pasang di situs Anda": builds the iframe and script code for the chosen region, sector
// and look, and shows both widgets live. Region preselected by ?wilayah=<slug>.
(function () {
  'use strict';
  const box = document.getElementById('pilihan');
  if (!box) return;
  const $ = function (id) { return document.getElementById(id); };
  const abs = function (path) { return new URL(path, new URL(box.dataset.situs, location.href)).href; };
  const esc = function (s) {
    return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  };
  const region = $('wilayah');
  const sector = $('sektor');
  const accent = $('aksen');
  const wanted = new URLSearchParams(location.search).get('wilayah');
  if (wanted) {
    for (let i = 0; i < region.options.length; i++)
      if (region.options[i].value === wanted) region.selectedIndex = i;
  }
  $('tanpa-js').hidden = true;

  function update() {
    const opt = region.options[region.selectedIndex];
    const slug = opt.value;
    const code = sector.value;
    const dark = $('tema-gelap').checked;
    const hex = /^#[0-9a-fA-F]{6}$/.test(accent.value) ? accent.value.slice(1).toLowerCase() : '0a4f8f';
    const frameCode = opt.dataset.jenis === 'province' ? code : ''; // regencies: no sector pages
    $('catatan-sektor').hidden = !code || frameCode === code;
    const path = frameCode ?
      box.dataset.sektorEmbed.replace('SLUG', slug).replace('KODE', code.toLowerCase()) :
      box.dataset.embed.replace('SLUG', slug);
    const query = [];
    if (dark) query.push('tema=gelap');
    if (hex !== '0a4f8f') query.push('aksen=' + hex);
    const src = abs(path) + (query.length ? '?' + query.join('&') : '');
    const name = opt.dataset.nama + (frameCode ? ', sektor ' + sector.options[sector.selectedIndex].text.replace(/^[A-U]\. /, '') : '');
    $('kode-iframe').value = '<iframe src="' + esc(src) + '" title="Lowongan terbaru di ' + esc(name) +
      '" width="100%" height="480" style="border:0" loading="lazy"></iframe>';
    const attrs = ' data-api="' + esc(abs(opt.dataset.api)) + '" data-jumlah="5"' +
      (code ? ' data-sektor="' + code + '"' : '') + (dark ? ' data-tema="gelap"' : '') +
      (hex !== '0a4f8f' ? ' data-aksen="' + hex + '"' : '');
    $('kode-js').value = '<div data-antarkerja' + attrs + '><a href="' + esc(abs(opt.dataset.halaman)) +
      '">Lowongan kerja di ' + esc(opt.dataset.nama) + ' – Antar Kerja</a></div>\n' +
      '<script src="' + esc(abs(box.dataset.skrip)) + '" async></' + 'script>';
    // Live preview: the same iframe, and the same snippet rendered by sematan.js.
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Pratinjau widget iframe: lowongan terbaru di ' + name;
    frame.loading = 'lazy';
    $('pratinjau-iframe').replaceChildren(frame);
    const demo = document.createElement('div');
    demo.setAttribute('data-antarkerja', '');
    demo.setAttribute('data-api', abs(opt.dataset.api));
    demo.setAttribute('data-jumlah', '5');
    if (code) demo.setAttribute('data-sektor', code);
    if (dark) demo.setAttribute('data-tema', 'gelap');
    demo.setAttribute('data-aksen', hex);
    const link = document.createElement('a');
    link.href = abs(opt.dataset.halaman);
    link.textContent = 'Lowongan kerja di ' + opt.dataset.nama;
    demo.appendChild(link);
    $('pratinjau-js').replaceChildren(demo);
    if (window.AntarKerjaSematan) window.AntarKerjaSematan.render(demo);
    $('pratinjau-info').textContent = 'Pratinjau dengan pilihan di atas:';
  }

  [region, sector, accent, $('tema-terang'), $('tema-gelap')].forEach((el) => {
    el.addEventListener('change', update);
  });
  accent.addEventListener('input', update);
  document.querySelectorAll('[data-salin]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      const area = $(button.dataset.salin);
      area.select();
      const done = function () { button.textContent = 'Tersalin'; };
      if (navigator.clipboard) navigator.clipboard.writeText(area.value).then(done, () => {
        document.execCommand('copy');
        done();
      });
      else {
        document.execCommand('copy');
        done();
      }
    });
  });
  if (document.readyState === 'complete' || window.AntarKerjaSematan) update();
  else window.addEventListener('load', update);
})();
