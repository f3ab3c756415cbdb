/* Antar Kerja widget for any web page, no dependencies. Paste where the list should appear:

     <div data-antarkerja data-api="https://SITE/api/v1/provinsi/SLUG/1.json">
       <a href="https://SITE/provinsi/SLUG/">Lowongan kerja di …</a>
     </div>
     <script src="https://SITE/theme/js/sematan.js" async></script>

   Optional: data-sektor="C" (KBLI category), data-jumlah="5" (1-20), data-tema="gelap",
   data-aksen="0a4f8f". Every value from the data is inserted with textContent, never as
   markup; only http(s) links are used. Without JavaScript (or if loading fails) the link
   stays as it is. */
/* global SETTINGS */
(() => {
  'use strict';
  // SETTINGS (the build puts it after 'use strict'): the words shown, antarkerja.wording.for_scripts.
  const WORDS = SETTINGS;
  const MAX_PAGES = 5;

  function safeUrl(value, base) {
    try {
      const u = new URL(String(value), base);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch {
      return null;
    }
  }

  function text(tag, value, style) {
    const node = document.createElement(tag);
    node.textContent = value == null ? '' : String(value);
    if (style)
      for (const k in style) node.style[k] = style[k];
    return node;
  }

  function dateText(iso) { // as util.js (not loaded on other sites) and wording.tanggal
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m && WORDS.months[m[2] - 1] ? Number(m[3]) + ' ' + WORDS.months[m[2] - 1] + ' ' + m[1] : '';
  }

  function collect(url, sector, want, found, pages, done) {
    fetch(url, { credentials: 'omit' })
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then((data) => {
        (data.items || []).forEach((item) => {
          if (found.length < want && (!sector || item.industryCode === sector)) found.push(item);
        });
        const next = data.next ? safeUrl(data.next, url) : null;
        if (found.length < want && next && pages < MAX_PAGES) collect(next, sector, want, found, pages + 1, done);
        else done(found, url);
      })
      .catch(() => { done(null); });
  }

  function render(box) {
    if (!box || box.getAttribute('data-dimuat')) return;
    box.setAttribute('data-dimuat', '1');
    const api = safeUrl(box.getAttribute('data-api') || '', document.baseURI);
    if (!api) return;
    const want = Math.min(20, Math.max(1, parseInt(box.getAttribute('data-jumlah'), 10) || 5));
    let sector = (box.getAttribute('data-sektor') || '').toUpperCase();
    if (!/^[A-U]$/.test(sector)) sector = '';
    const dark = box.getAttribute('data-tema') === 'gelap';
    let accent = (box.getAttribute('data-aksen') || '').replace(/^#/, '');
    accent = /^[0-9a-fA-F]{6}$/.test(accent) ? '#' + accent : dark ? '#8cc4ff' : '#0a4f8f';
    const fg = dark ? '#f1f3f5' : '#1a1a1a';
    const muted = dark ? '#b8c0c8' : '#555555';
    const line = dark ? '#3a424b' : '#d0d5da';
    collect(api, sector, want, [], 1, (items, base) => {
      if (!items) return; // keep the plain link
      const source = box.querySelector('a');
      const list = text('ul', '', { listStyle: 'none', margin: '0', padding: '0' });
      items.forEach((item) => {
        const li = text('li', '', { padding: '.5rem 0', borderTop: '1px solid ' + line });
        const link = text('a', item.title, { color: accent, fontWeight: '600' });
        const href = safeUrl(item.url, base);
        if (href) link.href = href;
        link.target = '_blank';
        link.rel = 'noopener';
        li.appendChild(link);
        li.appendChild(text('p', [item.hiringOrganization, item.locationText].concat(item.example ? ['Data contoh'] : []).join(' · '), { margin: '.15rem 0 0', color: muted, fontSize: '.875em' }));
        li.appendChild(text('p', (item.salaryDisclosed ? item.salaryText : WORDS.salaryUndisclosed) + ' · ' + WORDS.deadline + ' ' + dateText(item.validThrough), { margin: '.15rem 0 0', color: muted, fontSize: '.875em' }));
        list.appendChild(li);
      });
      if (!items.length) list.appendChild(text('li', 'Belum ada lowongan dibuka saat ini.', { color: muted }));
      const wrap = text('div', '', {
        background: dark ? '#15191e' : '#ffffff',
        color: fg,
        padding: '.75rem',
        font: '15px/1.4 system-ui, sans-serif',
        overflowWrap: 'anywhere',
        borderRadius: '4px'
      });
      wrap.className = 'antarkerja-daftar';
      wrap.appendChild(list);
      const foot = text('p', 'Sumber: ', { margin: '.5rem 0 0', fontSize: '.875em', borderTop: '1px solid ' + line, paddingTop: '.5rem' });
      if (source) {
        source.style.color = accent;
        source.target = '_blank';
        source.rel = 'noopener';
        foot.appendChild(source);
      } else {
        foot.appendChild(document.createTextNode('Antar Kerja'));
      }
      wrap.appendChild(foot);
      box.textContent = '';
      box.appendChild(wrap);
    });
  }

  function renderAll() {
    const boxes = document.querySelectorAll('[data-antarkerja]');
    for (let i = 0; i < boxes.length; i++) render(boxes[i]);
  }

  window.AntarKerjaSematan = { render: render, renderAll: renderAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', renderAll);
  else renderAll();
})();
