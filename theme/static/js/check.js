/* "Cek lowongan": applies the validator's text rules (cek-lowongan/aturan.json, exported from
   antarkerja.records.rules.scams) to a pasted text, entirely in this browser. Normalisation and
   matching mirror antarkerja/records/textnorm.py and TextRule.matches/findings step by step; a test
   runs the labelled corpus through both and requires the same findings. The pasted text is
   never sent: the only requests are the rules file, one vacancy-index bucket named by a hash
   of a vacancy id found in the text, and a few name buckets named by a hash of word pairs
   that may start an employer's name (see antarkerja.site.outputs.check). No framework. */
(() => {
  'use strict';
  // Pure functions first (no page needed: tests/js/check.test.js runs them in Node), then the
  // page's own code.
  // ---------------------------------------------------------------- vacancy ids and the index
  function fnv1a(s) {
    const bytes = new TextEncoder().encode(s);
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  const BARE_ID = /\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g;

  function candidateIds(text, vacancyUrl) {
    let ids = [];
    const tpl = vacancyUrl.split('{id}');
    const esc = function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); };
    const linkRe = new RegExp(esc(tpl[0]) + '([a-z0-9]+(?:-[a-z0-9]+)*)' + esc(tpl[1] || '').replace(/\/$/, '(?:/|\\b)'), 'gi');
    let m;
    while ((m = linkRe.exec(text))) ids.push(m[1].toLowerCase());
    const bare = text.trim().toLowerCase().match(BARE_ID) || [];
    if (!ids.length) ids = bare;
    const seen = {};
    return ids.filter((id) => {
      if (seen[id]) return false;
      seen[id] = true;
      return true;
    }).slice(0, 5);
  }

  // ---------------------------------------------------------------- matching by wording
  /* Word pairs of the text that may start an employer's name (after PT, CV, Koperasi…, or at
     the start of one of the first three lines), as antarkerja.site.outputs.check.employer_keys
     builds them: normalised words, legal forms left out; after a legal form also the one
     word (a one-word name). Their buckets are fetched, at most nameWords.max of them
     (nameWords: the page's data-name-words). */
  const WORD = /[a-z]+|[0-9]+/g;
  const LETTERS = /[a-z]+/g;

  function textWords(norm) {
    const lines = norm.split('\n');
    const words = [];
    lines.forEach((line, n) => {
      (line.match(WORD) || []).forEach((w, i) => { words.push({ w: w, line: n, first: i === 0 }); });
    });
    return words;
  }

  function nameKeys(words, nameWords) {
    const forms = nameWords.forms || [];
    const anchors = nameWords.anchors || [];
    const kept = [];
    let afterForm = false;
    words.forEach((x) => {
      if (forms.indexOf(x.w) >= 0) { afterForm = true; return; }
      kept.push({ w: x.w, line: x.line, afterForm: afterForm, start: afterForm || x.first && x.line < 3, anchor: anchors.indexOf(x.w) >= 0 });
      afterForm = false;
    });
    const keys = [];

    function pair(i) { if (i + 1 < kept.length && kept[i].line === kept[i + 1].line) keys.push(kept[i].w + ' ' + kept[i + 1].w); }
    kept.forEach((x, i) => {
      if (x.start) pair(i);
      if (x.afterForm) keys.push(x.w); // a one-word name: "PT Sinarmas"
      if (x.anchor) {
        pair(i);
        pair(i + 1);
      }
    });
    const seen = {};
    return keys.filter((k) => {
      if (seen[k]) return false;
      seen[k] = true;
      return true;
    }).slice(0, 2 * (nameWords.max || 8));
  }

  /* The employer's vacancy whose title words (numbers left out) the text contains best: at
     least 60 % of them. */
  function bestTitle(env, employer, words) {
    const have = {};
    words.forEach((x) => { have[x.w] = true; });
    let best = null;
    let bestScore = 0;
    employer.vacancies.forEach((v) => {
      const tw = (env.normalise(v.title).norm.match(LETTERS) || []).filter((w) => w.length > 1);
      if (!tw.length) return;
      const score = tw.filter((w) => have[w]).length / tw.length;
      if (score > bestScore) {
        best = v;
        bestScore = score;
      }
    });
    return bestScore >= 0.6 ? best : null;
  }

  const SALARY = /\b(?:gaji|upah|penghasilan|salary|income|take\s+home\s+pay|thp)\b[^\n.;]{0,25}?(?:rp\.?\s*)?(\d[\d.,]*)\s*(jt|juta|rb|ribu|k)?\b/g;

  /* Monthly rupiah amounts the text states as pay ("gaji 12 juta", "Gaji: Rp 4.500.000"). */
  function salaryClaims(norm) {
    const found = [];
    let m;
    SALARY.lastIndex = 0;
    while ((m = SALARY.exec(norm))) {
      const unit = m[2] || '';
      const digits = m[1].replace(/[.,]\d{1,2}$/, (d) => unit ? d.replace(',', '.') : '');
      let value = unit ? parseFloat(digits.replace(/\.(?=\d{3}\b)/g, '').replace(',', '.')) : parseInt(digits.replace(/[.,]/g, ''), 10);
      if (unit === 'jt' || unit === 'juta') value *= 1000000;
      else if (unit) value *= 1000;
      if (value >= 100000) found.push(Math.round(value));
    }
    return found;
  }

  const pure = { fnv1a: fnv1a, candidateIds: candidateIds, textWords: textWords, nameKeys: nameKeys, bestTitle: bestTitle, salaryClaims: salaryClaims };
  if (typeof module === 'object' && module.exports) module.exports = pure;
  if (typeof document === 'undefined') return;

  const form = document.getElementById('cek-form');
  if (!form || !window.fetch || !window.AntarKerjaEngine || !window.AntarKerjaUtil) return;
  const nameWords = JSON.parse(form.dataset.nameWords || '{}');
  const kata = JSON.parse(form.dataset.kata || '{}'); // words from antarkerja.wording (data-kata)
  const { el, digits, isoDate, dateText, fetchJson } = window.AntarKerjaUtil;
  const BUDGET = 500000; // bytes: the rules file (~45 KB) and each bucket (~40 KB at most) are far smaller
  const box = document.getElementById('cek-teks');
  const out = document.getElementById('cek-hasil');
  let rulesPromise = null;

  // The rule engine (normalisation, clause scope, matching, findings): checkengine.js, which
  // Node's test runner also loads to run the conformance cases without a browser.
  const engine = window.AntarKerjaEngine;
  const compile = engine.compile;
  const check = engine.check;
  const overseasOffer = engine.overseasOffer;

  function loadRules() {
    if (!rulesPromise) {
      rulesPromise = fetchJson(form.dataset.rules, BUDGET)
        .then((data) => ({ env: compile(data), rules: data.rules }));
      rulesPromise.catch(() => { rulesPromise = null; });
    }
    return rulesPromise;
  }

  function lookUp(ids) {
    const buckets = parseInt(form.dataset.buckets, 10) || 1;
    const wanted = {};
    ids.forEach((id) => {
      const b = fnv1a(id) % buckets;
      (wanted[b] = wanted[b] || []).push(id);
    });
    return Promise.all(Object.keys(wanted).map((b) => fetchJson(form.dataset.index.replace('{bucket}', b), BUDGET, { items: {} })
      .then((data) => wanted[b].map((id) => [id, data.items[id] || null])))).then((lists) => [].concat.apply([], lists));
  }

  function lookUpNames(keys) {
    const buckets = parseInt(form.dataset.nameBuckets, 10) || 1;
    const wanted = {};
    const order = [];
    keys.forEach((k) => {
      const b = fnv1a(k) % buckets;
      if (!wanted[b]) {
        if (order.length >= (nameWords.max || 8)) return;
        wanted[b] = [];
        order.push(b);
      }
      wanted[b].push(k);
    });
    return Promise.all(order.map((b) => fetchJson(form.dataset.names.replace('{bucket}', b), BUDGET, { keys: {}, employers: [] })
      .then((data) => {
        const found = [];
        wanted[b].forEach((k) => {
          (data.keys[k] || []).forEach((i) => {
            const e = data.employers[i];
            e.vacancies.forEach((v) => { v.officeInfo = data.offices[v.office] || null; });
            found.push(e);
          });
        });
        return found;
      }))).then((lists) => {
      const seen = {};
      return [].concat.apply([], lists).filter((e) => {
        if (seen[e.url]) return false;
        seen[e.url] = true;
        return true;
      });
    });
  }

  function vacancyHref(id) { return form.dataset.site + '/' + form.dataset.vacancyUrl.replace('{id}', id); }

  const MONEY_CODES = ['R401', 'R450', 'R451', 'R452', 'R454', 'R459'];

  function showNameMatches(section, env, norm, employers, result) {
    const words = textWords(norm);
    const claims = salaryClaims(norm);
    const asksMoney = result.some((f) => MONEY_CODES.indexOf(f.code) >= 0);
    employers.forEach((e) => {
      const v = bestTitle(env, e, words);
      const extra = e.count > e.vacancies.length ? 'di antara ' + e.vacancies.length + ' yang terbaru ' : '';
      if (v) {
        const open = v.status === 'open' && v.validThrough >= isoDate(new Date());
        section.append(el('p', { 'class': 'cek-id', 'data-match': v.id, 'data-open': open ? 'ya' : 'tidak' }, [
          'Mirip lowongan terverifikasi di situs ini: ',
          el('a', { href: vacancyHref(v.id) }, [v.title]),
          ' – ' + e.name + '. ',
          open ? 'Masih dibuka sampai ' + dateText(v.validThrough, kata.months) + '.' : 'Sudah ditutup: jangan melamar lewat pesan yang Anda terima.'
        ]));
        const low = v.low;
        const high = v.high || v.low;
        const differs = claims.filter((x) => !low || x < low * 0.9 || x > high * 1.1);
        if (differs.length) {
          section.append(el('p', { 'class': 'cek-beda', 'data-differs': 'gaji' }, [
            'Gaji di pesan (' + 'Rp ' + digits(differs[0]) + ') berbeda dengan yang tercatat di situs ini (' + v.salary + '). Pesan yang isinya diubah bisa jadi tanda ada yang memakai lowongan ini untuk menipu; pastikan dulu ke kantor pemverifikasi.'
          ]));
        }
        const office = v.officeInfo;
        if (office) {
          const contact = ['Diverifikasi oleh ', el('a', { href: office.url }, [office.name])];
          if (office.phone) contact.push(', telepon ', el('a', { href: 'tel:' + office.phone.replace(/[^0-9+]/g, '') }, [office.phone]));
          contact.push('. Lamar lewat cara yang tertulis di halaman lowongan itu, bukan lewat pesan yang Anda terima.');
          section.append(el('p', {}, contact));
        }
      } else {
        section.append(el('p', { 'class': 'cek-id', 'data-employer': e.name }, [
          'Pesan ini menyebut nama “' + e.name + '”. Pemberi kerja itu punya ' + e.count + ' lowongan terverifikasi di situs ini, tetapi ' + extra + 'tidak ada yang judulnya mirip dengan pesan ini: ',
          el('a', { href: e.url }, ['lihat semua lowongannya']),
          '. Bisa jadi nama perusahaan itu dipakai tanpa izin; tanyakan ke Disnaker sebelum melamar.'
        ]));
      }
      if (asksMoney) {
        section.append(el('p', { 'class': 'cek-beda', 'data-differs': 'biaya' }, [
          'Lowongan ' + e.name + ' yang terverifikasi di situs ini gratis, tetapi pesan ini meminta uang. Mungkin ada yang memakai nama perusahaan ini: jangan membayar, dan laporkan.'
        ]));
      }
    });
  }

  // ---------------------------------------------------------------- showing results
  function showMatches(section, found) {
    found.forEach((pair) => {
      const id = pair[0];
      const item = pair[1];
      if (!item) {
        section.append(el('p', { 'class': 'cek-id' }, ['Nomor lowongan “' + id + '” tidak ada di situs ini. Lowongan yang tidak terdaftar belum diverifikasi Disnaker.']));
        return;
      }
      const open = item.status === 'open' && item.validThrough >= isoDate(new Date());
      const p = el('p', { 'class': 'cek-id', 'data-match': id, 'data-open': open ? 'ya' : 'tidak' }, [
        item.example ? 'Data contoh di situs ini (bukan lowongan sungguhan): ' : 'Terverifikasi di situs ini: ',
        el('a', { href: item.url }, [item.title]),
        ' – ' + item.employer + '. ',
        open ? 'Masih dibuka sampai ' + dateText(item.validThrough, kata.months) + '.' : 'Sudah ditutup: jangan melamar lewat pesan yang Anda terima.'
      ]);
      section.append(p);
      if (item.office) {
        const contact = ['Diverifikasi oleh ', el('a', { href: item.officeUrl }, [item.office])];
        if (item.officePhone) contact.push(', telepon ', el('a', { href: 'tel:' + item.officePhone.replace(/[^0-9+]/g, '') }, [item.officePhone]));
        contact.push('. Bandingkan isinya: bila pesan yang Anda terima meminta uang atau berbeda, laporkan ke kantor itu.');
        section.append(el('p', {}, contact));
      }
    });
  }

  /* The legal way to work abroad (UU 18/2017; KP2MI), shown for every offer abroad that is not
     a vacancy verified on this site. */
  function akanProcedure(overseas) {
    const box = el('section', { 'class': 'banner cek-akan', id: 'cek-akan', 'aria-labelledby': 'cek-akan-judul' }, [
      el('h2', { id: 'cek-akan-judul' }, ['Tawaran kerja ke luar negeri: pastikan lewat jalur resmi']),
      el('ul', { 'class': 'txt' }, [
        el('li', {}, ['Perekrutnya P3MI berizin: cek namanya di SISKOP2MI (siskop2mi.bp2mi.go.id) atau tanyakan ke BP3MI.']),
        el('li', {}, ['Ada job order (permintaan resmi dari pemberi kerja di negara tujuan) yang bisa Anda lihat.']),
        el('li', {}, ['Berangkat dengan visa kerja, tidak pernah dengan visa kunjungan, visa turis atau bebas visa.']),
        el('li', {}, ['Anda didaftarkan lewat Disnaker kabupaten/kota atau BP3MI/LTSA, dan tidak membayar biaya penempatan yang dilarang.'])
      ])
    ]);
    if (overseas.noScheme.length) {
      box.append(el('p', { 'data-no-scheme': overseas.noScheme.join(',') }, [
        'Indonesia tidak punya skema penempatan resmi pekerja migran ke ' + overseas.noScheme.join(', ') +
        '. Kemlu dan KP2MI memperingatkan: tawaran kerja ke sana sering berujung penyekapan di tempat penipuan daring. Jangan berangkat; tanyakan dulu ke BP3MI atau Kemlu.'
      ]));
    }
    return box;
  }

  /* Three outcomes, never a reassurance for a text this site cannot vouch for: red flags found;
     matched to a vacancy verified here (open or closed); or not found here. */
  function render(env, norm, result, matchesFound, names, unreachable) {
    out.textContent = '';
    const section = el('section', { 'class': 'cek-cocok', 'aria-label': 'Pencocokan dengan lowongan di situs ini' });
    if (matchesFound.length) showMatches(section, matchesFound);
    if (!matchesFound.some((pair) => pair[1])) {
      if (names.employers.length) showNameMatches(section, env, norm, names.employers, result);
      else if (names.looked) {
        section.append(el('p', { 'class': 'cek-id', 'data-no-match': 'nama' }, [
          'Tidak ada nama pemberi kerja di pesan ini yang cocok dengan lowongan terverifikasi di situs ini. Lowongan yang tidak terdaftar di sini belum diverifikasi Disnaker: tanyakan dulu sebelum melamar.'
        ]));
      }
    }
    // Offline, a bucket this phone never fetched cannot be read: say so, never "no match".
    if (unreachable && !section.querySelector('[data-match]')) {
      section.append(el('p', { 'class': 'cek-id', 'data-no-match': 'luring' }, [
        'Belum bisa mencocokkan dengan lowongan di situs ini: datanya perlu sambungan internet (yang pernah diperiksa di ponsel ini tersimpan). Tanda bahaya di atas tetap berlaku; periksa lagi saat tersambung.'
      ]));
    }
    const match = section.querySelector('[data-match]');
    const matchOpen = match && match.getAttribute('data-open') === 'ya';
    const errors = result.filter((f) => f.severity === 'error');
    let verdict, cls, key, note;
    if (errors.length) {
      verdict = 'Ada tanda bahaya: jangan membayar, jangan mengirim dokumen';
      cls = 'cek-bahaya';
      key = 'bahaya';
    } else if (result.length) {
      verdict = 'Perlu waspada: periksa dulu sebelum melamar';
      cls = 'cek-waspada';
      key = 'waspada';
    } else if (match) {
      verdict = matchOpen ? 'Cocok dengan lowongan terverifikasi di situs ini' : 'Cocok dengan lowongan di situs ini yang sudah ditutup';
      cls = matchOpen ? 'cek-aman' : 'cek-waspada';
      key = matchOpen ? 'cocok' : 'cocok-tutup';
      note = 'Lamar hanya lewat cara yang tertulis di halaman lowongan itu. Tetap jangan membayar apa pun.';
    } else {
      verdict = 'Tidak ditemukan di situs ini: kami tidak bisa menjamin lowongan ini';
      cls = 'cek-netral';
      key = 'tidak-dikenal';
    }
    const head = el('div', { 'class': 'banner ' + cls, id: 'cek-vonis', 'data-verdict': key }, [el('h2', {}, [verdict])]);
    if (note) head.append(el('p', {}, [note]));
    if (key === 'tidak-dikenal') {
      head.append(
        el('p', {}, ['Tidak ada tanda bahaya yang kami kenali, tetapi lowongan ini tidak cocok dengan lowongan terverifikasi di situs ini, jadi kami tidak bisa memastikannya. Penipu juga menulis pesan yang tampak wajar. Sebelum melamar:']),
        el('ul', { 'class': 'txt' }, [
          el('li', {}, ['Cari perusahaannya sendiri (situs resmi, alamat, nomor kantor), jangan hanya dari nomor di pesan.']),
          el('li', {}, ['Tanyakan ke Disnaker kabupaten/kota Anda apakah lowongan ini terdaftar.']),
          el('li', {}, ['Jangan membayar apa pun dan jangan mengirim KTP, ijazah, kode OTP atau data rekening.'])
        ])
      );
    }
    out.append(head);
    const overseas = overseasOffer(env, norm);
    if (overseas.abroad && !match) out.append(akanProcedure(overseas));
    if (result.length) {
      const list = el('ol', { 'class': 'cek-temuan' });
      const shown = {};
      result.forEach((f) => {
        const li = el('li', { 'data-code': f.code }, [
          el('strong', {}, [f.title]),
          el('span', { 'class': 'cek-kutip' }, ['Ditemukan: “' + f.phrase + '”']),
        ]);
        if (!shown[f.code]) li.append(el('span', { 'class': 'cek-saran' }, ['Yang sebaiknya dilakukan: ' + f.advice]));
        shown[f.code] = true;
        list.append(li);
      });
      out.append(el('h2', {}, ['Tanda yang ditemukan (' + result.length + ')']), list);
    }
    if (section.childNodes.length) out.append(section);
    out.focus();
  }

  document.getElementById('cek-periksa').addEventListener('click', () => {
    const text = box.value;
    if (!text.trim()) { out.textContent = 'Tempel dulu teks, tautan atau nomor lowongan.'; return; }
    out.textContent = 'Memeriksa…';
    const ids = candidateIds(text, form.dataset.vacancyUrl);
    const idLookup = ids.length ? lookUp(ids).catch(() => null) : Promise.resolve([]); // null: unreadable
    Promise.all([loadRules(), idLookup])
      .then((parts) => {
        const env = parts[0].env;
        const n = env.normalise(text); // once: the rules, the name lookup and the salary read it
        const pairs = parts[1] || [];
        const found = pairs.filter((pair) => pair[1]);
        // No verified vacancy named by link or id: look for the employer's name in the wording.
        const keys = found.length ? [] : nameKeys(textWords(n.norm), nameWords);
        const names = keys.length ?
          lookUpNames(keys).then((e) => ({ looked: true, employers: e })).catch(() => ({ looked: false, employers: [], failed: true })) :
          Promise.resolve({ looked: false, employers: [] });
        return names.then((named) => {
          render(env, n.norm, check(env, parts[0].rules, text, n), pairs, named, parts[1] === null || named.failed);
        });
      })
      .catch(() => { out.textContent = 'Aturan pemeriksaan tidak bisa dimuat. Periksa sambungan internet, lalu coba lagi.'; });
  });
  document.getElementById('cek-kosong').addEventListener('click', () => {
    box.value = '';
    out.textContent = '';
    box.focus();
  });

  // For tests and for officers' tools: the same check without the page.
  window.antarKerjaCek = function (text) {
    return loadRules().then((r) => check(r.env, r.rules, text).map((f) => [f.code, f.message]));
  };
  // The page's own patterns, for the worst-case timing test (the rules' come from aturan.json).
  window.antarKerjaCek.patterns = engine.patterns.concat([BARE_ID, WORD, LETTERS, SALARY]).map((r) => [r.source, r.flags]);
  window.antarKerjaCek.overseas = function (text) {
    return loadRules().then((r) => overseasOffer(r.env, r.env.normalise(text).norm));
  };
  // The word pairs a text is looked up by (their buckets are what the page downloads).
  window.antarKerjaCek.nameKeys = function (text) {
    return loadRules().then((r) => nameKeys(textWords(r.env.normalise(text).norm), nameWords));
  };
  form.hidden = false;
  // Offline after a first visit (cek-lowongan/sw.js); a failure only loses that convenience.
  if ('serviceWorker' in navigator && form.dataset.worker) {
    navigator.serviceWorker.register(form.dataset.worker).catch(() => {});
  }
})();
