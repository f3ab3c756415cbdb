// Antar Kerja on the home page, every vacancy page, the saved list (/tersimpan/) and the
// offline page (/luring/): progressive
// enhancement only. Without JavaScript every link and the copy field still work; the
// "Simpan" button and the saved list appear only when this script runs.
(() => {
  'use strict';
  const SAVED_KEY = 'antarkerja-tersimpan';
  const SAVED_CACHE = 'ak-simpan';

  // Copy buttons: a link in a readonly field (without JS it stays there to copy by hand), or
  // a text shown on the page such as an office id (data-copied says what was copied).
  for (const button of document.querySelectorAll('[data-copy]')) {
    const field = document.getElementById(button.getAttribute('data-copy'));
    const status = button.parentNode.parentNode.querySelector('[data-copy-status]');
    if (!field) continue;
    const isField = 'value' in field;
    if (isField) try { field.value = new URL(field.value, location.href).href; } catch { /* keep as is */ }
    const done = button.getAttribute('data-copied') || 'Tautan disalin.';
    const manual = button.getAttribute('data-copy-fallback') || 'Salin tautan dari kotak di atas.';
    const say = (text) => { if (status) status.textContent = text; };
    const fallback = () => {
      if (isField) {
        field.focus();
        field.select();
      } else {
        const range = document.createRange();
        range.selectNodeContents(field);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      }
      try { say(document.execCommand('copy') ? done : manual); } catch { say(manual); }
    };
    button.hidden = false;
    button.addEventListener('click', () => {
      const text = isField ? field.value : field.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(() => say(done), fallback);
      } else {
        fallback();
      }
    });
  }

  // Saved vacancies: kept on this device only (localStorage), no account.
  const readSaved = () => {
    try { return JSON.parse(localStorage.getItem(SAVED_KEY)) || []; } catch { return []; }
  };
  const writeSaved = (items) => {
    try { localStorage.setItem(SAVED_KEY, JSON.stringify(items)); return true; } catch { return false; }
  };
  const keepOffline = (path, keep) => {
    if (!('caches' in window)) return;
    caches.open(SAVED_CACHE).then((cache) => (keep ? cache.add(path) : cache.delete(path))).catch(() => {});
  };

  const saveButton = document.querySelector('[data-save]');
  if (saveButton) {
    // What is saved comes from the page itself: its link (the share box), title and employer.
    const item = {
      url: document.getElementById('tautan').value,
      title: document.querySelector('main h1').textContent.trim(),
      employer: document.querySelector('main .emp').textContent.trim(),
    };
    const status = document.querySelector('[data-save-status]');
    const isSaved = () => readSaved().some((s) => s.url === item.url);
    const show = () => {
      const saved = isSaved();
      saveButton.textContent = saved ? 'Hapus dari simpanan' : 'Simpan lowongan';
      saveButton.setAttribute('aria-pressed', saved ? 'true' : 'false');
    };
    saveButton.hidden = false;
    show();
    saveButton.addEventListener('click', () => {
      const saved = isSaved();
      const items = readSaved().filter((s) => s.url !== item.url);
      if (!saved) items.unshift(item);
      if (writeSaved(items)) {
        keepOffline(item.url, !saved);
        if (status) status.textContent = saved ? 'Dihapus dari simpanan.' : 'Tersimpan di perangkat ini, bisa dibuka tanpa internet.';
      } else if (status) {
        status.textContent = 'Tidak bisa menyimpan: penyimpanan peramban penuh atau dimatikan.';
      }
      show();
    });
  }

  // The saved list page.
  const list = document.getElementById('tersimpan');
  if (list) {
    const empty = document.getElementById('tersimpan-kosong');
    const render = () => {
      const items = readSaved();
      list.textContent = '';
      empty.hidden = items.length > 0;
      for (const item of items) {
        const li = document.createElement('li');
        li.className = 'card';
        const h = document.createElement('h2');
        h.className = 'card-t';
        const a = document.createElement('a');
        a.href = item.url;
        a.textContent = item.title;
        h.appendChild(a);
        const p = document.createElement('p');
        p.className = 'card-e';
        p.textContent = item.employer;
        const state = document.createElement('p');
        state.className = 'muted';
        state.textContent = navigator.onLine ? 'Memeriksa status…' : 'Luring: status dicek lagi saat tersambung.';
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn-2';
        remove.textContent = 'Hapus';
        remove.addEventListener('click', () => {
          writeSaved(readSaved().filter((s) => s.url !== item.url));
          keepOffline(item.url, false);
          render();
        });
        li.append(h, p, state, remove);
        list.appendChild(li);
        if (navigator.onLine) {
          fetch(item.url, { cache: 'no-store' })
            .then((res) => (res.ok ? res.text() : Promise.reject(res.status)))
            .then((html) => {
              const closed = html.includes('class="banner closed"');
              state.textContent = closed ? 'Sudah ditutup' : 'Masih dibuka';
              if (!closed) keepOffline(item.url, true);
            })
            .catch(() => { state.textContent = 'Status belum bisa diperiksa.'; });
        }
      }
    };
    render();
    window.addEventListener('online', render);
  }

  // The offline page (luring/): the vacancy pages this phone keeps, newest first, named by
  // their own heading (read from the kept copy: only what really opens offline is listed).
  const recent = document.getElementById('terakhir-daftar');
  if (recent && 'caches' in window) {
    const titleOf = (html) => {
      const h1 = new DOMParser().parseFromString(html, 'text/html').querySelector('main h1');
      return h1 ? h1.textContent.trim() : '';
    };
    caches.open('ak-halaman')
      .then((cache) => cache.keys().then((keys) => Promise.all(keys.reverse().map((key) => cache.match(key)
        .then((res) => res.text())
        .then((html) => ({ url: key.url, title: titleOf(html) }))))))
      .then((pages) => {
        for (const page of pages.filter((p) => p.title)) {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = page.url;
          a.textContent = page.title;
          li.appendChild(a);
          recent.appendChild(li);
        }
        document.getElementById('terakhir').hidden = recent.children.length === 0;
      })
      .catch(() => {});
  }

  // Offline copies of saved and recently visited vacancy pages, and the few files that
  // open without a connection (see /sw.js).
  const worker = document.querySelector('[data-sw]');
  if (worker && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register(worker.getAttribute('data-sw')).catch(() => {});
  }
})();
