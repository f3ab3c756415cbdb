// Search page (/cari/). State lives in the URL. No words: static JSON shards (outputs.browse);
// words: Pagefind, one national bundle or one per province (search.bundles). Data only goes in as textContent.
const $ = (id) => document.getElementById(id);
const form = $('cari-form');
const input = $('cari-q');
const sortSel = $('cari-urut');
const statusEl = $('cari-status');
const list = $('cari-hasil');
const more = $('cari-lagi');
const noneEl = $('cari-kosong');
const failEl = $('cari-gagal');
const badge = $('cari-aktif');
const asing = $('cari-asing');
const nasional = $('cari-nasional');
const tampil = $('cari-tampilkan');
const isi = $('cari-isi'); // "search whole vacancies": Pagefind instead of the word index in a scope
const D = JSON.parse($('cari-data').textContent);
const SITE = form.dataset.site || '';
const MAX = Number(form.dataset.max) || 200;
const PAGE = 10;
const SCAN = 6; // shard files read at most per batch of results when filtering client-side
const KEY = 'antarkerja-provinsi';
const controls = [...form.querySelectorAll('[data-filter]')];
const prov = form.elements.provinsi;
const kab = form.elements.kabkota;
const kabAll = kab ? kab.options[0] : null;
const lists = new Map(); // province → its regency <option>s (a promise)
// as wording.rupiah and tanggal; Intl's first use blocked a slow phone ~0.1 s
const num = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');
const instances = new Map();
let seq = 0;
let source = null;
let timer = 0;

const hasOption = (sel, v) => [...sel.options].some((o) => o.value === v);
const clip = (t) => Array.from(t.replace(/\s+/g, ' ').trim()).slice(0, MAX).join('').trim(); // whole emoji
const fill = (t, o) => t.replace(/\{(\w+)\}/g, (_, k) => o[k]);
const path = (t, o) => new URL(`${SITE}/${fill(t, o)}`, location.href).pathname;
const store = (v) => { try { localStorage.setItem(KEY, v); } catch { /* private mode */ } };
const stored = () => { try { return localStorage.getItem(KEY); } catch { return null; } };
const getJSON = async (u) => {
  const r = await fetch(u);
  if (!r.ok) throw new Error(`${r.status} ${r.url}`);
  return r.json();
};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

// A province's regencies, read when it is first chosen (search.regency_lists): all 514 in
// the page would cost every search ~60 KB.
function regencies(p) {
  const key = D.regencies[p];
  if (!key) return Promise.resolve([]);
  if (!lists.has(p)) {
    const l = getJSON(path(D.regencyList, { key })).then((j) => j.kabkota.map((r) => {
      const o = el('option', '', `${r.v} (${num(r.n)})`);
      o.value = r.v;
      Object.assign(o.dataset, { id: r.i, count: r.n }, r.k && { key: r.k }, r.b && { bundles: r.b.join(' ') });
      return o;
    }));
    l.catch(() => lists.delete(p));
    lists.set(p, l);
  }
  return lists.get(p);
}

// The regency list follows the province; none to choose without one.
async function syncRegencies() {
  if (!kab) return;
  const v = kab.value;
  const p = prov.value;
  kab.replaceChildren(kabAll); // until the list arrives, or if it cannot
  kab.disabled = true;
  const opts = await regencies(p);
  if (prov.value !== p) return; // chosen again meanwhile
  kab.append(...opts);
  kab.disabled = !opts.length;
  kab.value = hasOption(kab, v) ? v : '';
}

// The province of a regency a link names alone, from the file its name gives (search.regency_key).
const regencyHome = (name) => getJSON(path(D.regencyIndex, { key: Q.regencyKey(name) })).then((j) => (Object.hasOwn(j, name) ? j[name] : null), () => null);

async function restore() {
  const p = new URLSearchParams(location.search);
  const unknown = [];
  const set = (c, v) => {
    const ok = v !== null && (c.type === 'checkbox' ? v === c.value : hasOption(c, v));
    if (c.type === 'checkbox') c.checked = ok;
    else c.value = ok ? v : '';
    if (v && !ok && p.has(c.name)) unknown.push([controls.indexOf(c), `${c.labels[0].textContent.trim().replace(/\s*\(.*$/, '')} “${v}”`]);
  };
  input.value = clip(p.get('q') || '');
  for (const c of controls) { // document order: provinsi comes before kabkota
    let v = p.get(c.name);
    // No province in the URL: the regency's (a link may name only that), else the reader's own.
    if (c === prov && v === null) v = (p.has('kabkota') && (await regencyHome(p.get('kabkota')))) || stored();
    if (c !== kab) set(c, v);
  }
  const u = p.get('urut');
  sortSel.value = u && hasOption(sortSel, u) ? u : '';
  isi.checked = p.get('isi') === '1';
  if (u && !sortSel.value) unknown.push([controls.length, `urutan “${u}”`]);
  const regs = syncRegencies(); // the province's regencies, read beside the engine
  warm(p.has('kabkota'));
  await regs;
  if (kab) set(kab, p.get('kabkota'));
  asing.hidden = !unknown.length;
  $('cari-asing-isi').textContent = unknown.sort((a, b) => a[0] - b[0]).map((x) => x[1]).join(', ');
}

// A search Pagefind will answer starts loading the engine and its bundle while restore() reads
// the regency list, not after it. A regency in a province split into parts: the engine only
// (the parts holding the regency are named in that list).
function warm(regency) {
  const s = currentState();
  if (!s.q || wordScope(s) !== null) return; // a regency's province is known by now
  const keys = bundleKeys(s.filters);
  if (regency && keys.length > 1) import(engineUrl('pagefind.js')).catch(() => {});
  else if (keys.length) instance(keys, Object.keys(s.sort)[0]).catch(() => {});
}

// "Tayang dalam" (search.posted_within): ISO dates from n days before the reader's today to
// today, newest first, or null. Pagefind and browse items hold each posting date.
function postedDates(s) {
  const days = D.posted.days[s.filters[D.posted.filter]];
  return days === undefined ? null : isoDays(0, days);
}

// A vacancy that expired stays in its Pagefind bundle until the bundle's refresh day
// (antarkerja.site.index_window): the closing dates before the reader's today are left out.
const closedDates = () => isoDays(1, D.closing.days);

// ISO dates from `from` to `to` days before the reader's today, newest first.
function isoDays(from, to) {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - from - k);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

// A browse item passes the chosen filters but `skip`: option ids, posting date (p) for tayang.
function matcher(s, skip) {
  const need = s.opts.filter((o) => o !== skip && o.dataset.id).map((o) => +o.dataset.id);
  const dates = postedDates(s);
  const since = dates ? dates[dates.length - 1] : null;
  const test = (it) => need.every((x) => it.f.includes(x)) && (!dates || (it.p >= since && it.p <= dates[0])) && shardKeeps(s.keep, it);
  return { test, any: need.length > 0 || dates !== null || Boolean(s.keep), since };
}

const chosen = (c) => (c.type === 'checkbox' ? (c.checked ? c : null) : c.value ? c.selectedOptions[0] : null);

function currentState() {
  const typed = clip(input.value);
  const understood = understandQuery(typed);
  const q = understood.words; // what the engines search; the URL keeps what was typed
  const params = new URLSearchParams();
  const filters = {};
  const opts = [];
  if (typed) params.set('q', typed);
  for (const c of controls) {
    const o = chosen(c);
    if (!o) continue;
    const v = c.value;
    params.set(c.name, v);
    if (v !== D.national) {
      filters[c.dataset.filter] = v;
      opts.push(o);
    }
  }
  if (sortSel.value) params.set('urut', sortSel.value);
  if (typed && isi.checked) params.set('isi', '1');
  const opt = sortSel.value ? sortSel.selectedOptions[0] : q ? null : sortSel.querySelector('[data-default]');
  const sort = opt && opt.dataset.key ? {
    [opt.dataset.key]: opt.dataset.dir
  } : {};
  const keep = applyUnderstood(understood, filters, opts);
  return { q, params, filters, opts, sort, order: sortSel.value || 'terbaru', understood, keep, whole: isi.checked };
}

// Query understanding (query.js, antarkerja.site.query): filters the typed words name are
// applied as if chosen, where the reader chose none for that control; a typed salary or
// education becomes `keep`, a test of each result (null: none).
const Q = self.AntarKerjaQuery;
const understandQuery = (typed) => Q.understand(typed, D.query);

function applyUnderstood(u, filters, opts) {
  for (const [name, value] of u.filters) {
    const c = form.elements[name];
    const o = c && c.options && [...c.options].find((x) => x.value === value);
    if (!o || c.value || filters[c.dataset.filter]) continue;
    filters[c.dataset.filter] = value;
    opts.push(o);
  }
  const edu = form.elements.pendidikan;
  const level = u.education && !(edu && edu.value) ? u.education : null;
  if (!level && !u.salary) return null;
  // A result as {education: its own level's label, salary: [unit, low, high] or null}.
  return (r) => (!level || r.education === level) && (!u.salary || Q.salaryMatches(u.salary, r.salary));
}

// What the page understood, as chips the reader can remove (the query is searched again without it).
function showUnderstood(u) {
  const box = $('cari-paham');
  box.replaceChildren();
  const chips = u.parts.filter((p) => p.chip);
  box.hidden = !chips.length;
  if (!chips.length) return;
  box.append(el('span', 'cari-paham-judul', D.query.words.understood));
  for (const p of chips) {
    const b = el('button', 'cari-chip', p.chip);
    b.type = 'button';
    b.setAttribute('aria-label', fill(D.query.words.remove, { chip: p.chip }));
    b.addEventListener('click', () => {
      input.value = Q.without(u, p);
      run();
      input.focus();
    });
    box.append(b);
  }
}

const shardKeeps = (keep, it) => !keep || keep({ education: label(it.d), salary: it.g || null });
const metaSalary = (g) => (g ? g.split(' ').map((x, i) => (i ? Number(x) : x)) : null);

// Pagefind

// Bundles a words search reads: on a small site the one national bundle, narrowed by the
// provinsi/lingkup filters (search.bundles); else the province's (parts with the regency),
// overseas, or all.
function bundleKeys(f) {
  const abroad = 'Luar negeri';
  const o = f.kabkota && kab.selectedOptions[0];
  const only = o && o.dataset.bundles ? o.dataset.bundles.split(' ') : null; // a split province
  const pick = (scope) => (D.scopes[scope] || []).filter((k) => !only || only.includes(k));
  if (f.lingkup === abroad && f.provinsi) return [];
  if (D.scopes[D.national]) return D.scopes[D.national];
  if (f.lingkup === abroad) return pick(abroad);
  if (f.provinsi) return pick(f.provinsi);
  return Object.keys(D.scopes).filter((s) => !(f.lingkup && s === abroad)).flatMap(pick);
}

// One engine for every bundle (search.share_engine): pagefind.js and its WASM live once under
// D.engine, so a phone downloads them once, whichever bundles it searches. Pagefind asks each
// bundle's folder for the WASM; those requests are answered from one download of the engine's.
const engineUrl = (name) => `${path(D.engine, {})}${name}?v=${encodeURIComponent(D.engineVersion)}`;
const bundleRoot = path(D.engine, {}).replace(/[^/]+\/$/, ''); // the engine sits beside the bundles
const wasms = new Map();
let engineReady = Promise.resolve();
const vocab = new Map(); // bundle path → Map(index word → pages holding it), from chunks already fetched
const chunkReads = [];
const pageFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const u = new URL(typeof input === 'string' ? input : input.url, location.href);
  const m = /^wasm\.([\w-]+)\.pagefind$/.exec(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
  if (u.pathname.startsWith(bundleRoot) && u.pathname.endsWith('.pf_index')) { // words of the chunk, for absentWords
    return pageFetch(input, init).then((r) => {
      if (r.ok) chunkReads.push(r.clone().arrayBuffer().then((b) => readChunk(u.pathname, b)).catch(() => {}));
      return r;
    });
  }
  if (!m || !u.pathname.startsWith(bundleRoot)) return pageFetch(input, init);
  if (!wasms.has(m[1])) {
    const got = pageFetch(engineUrl(m[0])).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} ${r.url}`))));
    got.catch(() => wasms.delete(m[1]));
    wasms.set(m[1], got);
  }
  return wasms.get(m[1]).then((bytes) => new Response(bytes.slice(0)));
};

// A Pagefind index chunk (antarkerja.site.pagefind_canon): gzip of "pagefind_dcd" and CBOR
// [[[word, [posting…], [[variant, [posting…]]…]]…]]. Only the words are kept.
function cbor(b) {
  let i = 0;
  const item = () => {
    const head = b[i++];
    const major = head >> 5;
    let n = head & 31;
    if (n >= 24) {
      const size = 1 << (n - 24);
      n = 0;
      for (let k = 0; k < size; k++) n = n * 256 + b[i++];
    }
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 2 || major === 3) {
      const s = major === 3 ? new TextDecoder().decode(b.subarray(i, i + n)) : null;
      i += n;
      return s;
    }
    if (major === 4) return Array.from({ length: n }, item);
    throw new Error('CBOR');
  };
  return item();
}

async function readChunk(pathname, buf) {
  const plain = new Uint8Array(await new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  const bundle = pathname.replace(/index\/[^/]+$/, '');
  const words = vocab.get(bundle) || new Map();
  vocab.set(bundle, words);
  for (const [word, postings, variants] of cbor(plain.subarray(12))[0]) {
    words.set(word, postings.length);
    for (const [v, p] of variants || []) words.set(v, p.length);
  }
}

const foldWord = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// Damerau–Levenshtein distance (adjacent swaps count one), for a closest known word.
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// Is `w` in the index? Pagefind keeps stems (perawat → rawat) and matches prefixes, so a word
// is there when an index word starts with it or one of its forms without Indonesian prefixes
// (two at most: keperawatan → perawatan → rawatan), or is such a form less a suffix (lulusan → lulus).
const SUFFIXES = ['an', 'kan', 'i', 'nya', 'lah', 'kah', 'pun', 'wan', 'wati'];

function forms(w, depth = 2) {
  const out = [w];
  if (depth) {
    for (const root of roots(w)) out.push(...forms(root, depth - 1));
  }
  return out;
}

function present(w, words) {
  for (const f of forms(w)) {
    for (const x of words.keys()) {
      if (x.startsWith(f) || (x.length >= 4 && f.startsWith(x) && SUFFIXES.includes(f.slice(x.length)))) return true;
    }
  }
  return false;
}

// The closest index word to a misspelt one: words of 6 letters or more, one edit (two from
// 8 letters); shorter words have too many neighbours (juta, duta, kuta) to guess.
function closest(w, words) {
  if (w.length < 6) return null;
  const limit = w.length >= 8 ? 2 : 1;
  let best = null;
  for (const [x, n] of words) {
    if (Math.abs(x.length - w.length) > limit || !/^[a-z]+$/.test(x)) continue;
    const dd = distance(w, x);
    if (dd <= limit && (!best || dd < best.d || (dd === best.d && n > best.n))) best = { x, d: dd, n };
  }
  return best && best.x;
}

// Words of the query that no vacancy holds (read from the chunks Pagefind fetched for them):
// each is replaced by its closest known word or left out, and the page says so, instead
// of Pagefind's silent shortening of an absent word to a prefix that matches something.
async function absentWords(q, keys, where) {
  await Promise.all(chunkReads);
  const words = new Map();
  for (const k of keys)
    for (const [w, n] of vocab.get(path(D.bundle, { key: k })) || []) words.set(w, (words.get(w) || 0) + n);
  if (!words.size) return null;
  const fixed = [];
  const dropped = [];
  const kept = [];
  for (const w of q.split(' ').filter(Boolean)) {
    const f = foldWord(w);
    if (present(f, words)) kept.push(w);
    else {
      const fix = closest(f, words);
      if (fix) {
        fixed.push([w, fix]);
        kept.push(fix);
      } else dropped.push(w);
    }
  }
  return wordNotes(kept, fixed, dropped, where);
}

// What the page says about typed words it did not search as typed ("" where: anywhere).
function wordNotes(kept, fixed, dropped, where) {
  if (!fixed.length && !dropped.length) return null;
  const quote = (ws) => ws.map((w) => `“${w}”`).join(', ');
  const notes = [];
  if (dropped.length) notes.push(`Kata ${quote(dropped)} tidak ada di lowongan ${where ? `di ${where}` : 'mana pun'}${kept.length ? ', jadi tidak dipakai' : ''}.`);
  for (const [w, fix] of fixed) notes.push(`Tidak ada kata “${w}”; mencari kata terdekat, “${fix}”.`);
  return { query: kept.join(' '), note: notes.join(' ') };
}

// Pagefind over these bundles; a sort reads the metadata holding its list (language
// `id-x-<sort>`, antarkerja.site.pagefind_canon). createInstance reads <html lang>, so it is set.
function instance(keys, sortKey) {
  const id = `${keys.join(' ')}|${sortKey || ''}`;
  if (!instances.has(id)) {
    const baseUrl = path('', {});
    const root = document.documentElement;
    const lang = root.lang;
    const language = sortKey ? fill(D.sortLanguage, { key: sortKey }) : lang;
    // One at a time: instances share the engine's WASM module, which must finish starting once.
    const p = engineReady.then(async () => {
      const base = path(D.bundle, { key: keys[0] });
      const mod = await import(engineUrl('pagefind.js'));
      root.lang = language;
      let pf;
      try {
        // noWorker: the worker is 41 KB more a search (over budget at 100,000; README).
        pf = mod.createInstance({ basePath: base, baseUrl, noWorker: true, language });
      } finally {
        root.lang = lang;
      }
      for (const k of keys.slice(1)) await pf.mergeIndex(path(D.bundle, { key: k }), { baseUrl, language });
      await pf.init();
      return pf;
    });
    engineReady = p.catch(() => {});
    p.catch(() => instances.delete(id));
    instances.set(id, p);
  }
  return instances.get(id);
}

const PREFIXES = ['meng', 'meny', 'men', 'mem', 'me', 'peng', 'peny', 'pen', 'pem', 'per', 'pe', 'ber', 'be', 'ter', 'di', 'ke'];

// The query with its last word's Indonesian prefix taken off, the way the stemmer would.
function roots(q) {
  const words = q.toLowerCase().split(' ');
  const w = words.pop();
  const out = [];
  for (const p of PREFIXES) {
    if (!w.startsWith(p)) continue;
    const rest = w.slice(p.length);
    if (p.endsWith('ny')) out.push(`s${rest}`); // menyapu → sapu
    else if (/^[aiueo]/.test(rest) && (p === 'mem' || p === 'pem')) out.push(`p${rest}`); // memakai → pakai
    out.push(rest);
  }
  return [...new Set(out)].filter((r) => r.length > 1).map((r) => [...words, r].join(' '));
}

async function pagefindSource(s, id) {
  const keys = bundleKeys(s.filters);
  let found = [];
  let note = '';
  if (keys.length) {
    const pf = await instance(keys, Object.keys(s.sort)[0]);
    const filters = { ...s.filters };
    if (keys !== D.scopes[D.national]) { // bundleKeys chose the bundles of this scope already
      delete filters.provinsi;
      delete filters.lingkup;
    }
    const edu = form.elements.pendidikan;
    if (filters.pendidikan && edu) { // "my education": every level up to the reader's
      const rank = +edu.selectedOptions[0].dataset.rank;
      filters.pendidikan = { any: [...edu.options].filter((o) => o.value && +o.dataset.rank <= rank).map((o) => o.value) };
    }
    if (filters[D.posted.filter]) filters[D.posted.filter] = { any: postedDates(s) };
    filters[D.closing.filter] = { none: closedDates() };
    const opts = { filters, sort: s.sort };
    let r = await pf.search(s.q, opts);
    const absent = await absentWords(s.q, keys, filters.kabkota || s.filters.provinsi || '');
    if (id !== seq) return null;
    if (absent) {
      note = absent.note;
      r = absent.query ? await pf.search(absent.query, opts) : null;
    }
    found = r ? r.results : [];
    // A half-typed word ("penja") escapes the stemmer: search the roots it may have ("jahit").
    if (!found.length && !(absent && !absent.query)) {
      const seen = new Set();
      for (const root of roots(s.q)) {
        const rr = await pf.search(root, opts);
        if (id !== seq) return null;
        for (const x of rr ? rr.results : [])
          if (!seen.has(x.id)) seen.add(x.id) && found.push(x);
      }
      if (!sortSel.value) found.sort((a, b) => b.score - a.score);
    }
  }
  const [strong, weaker] = preferStrong(found, s.q);
  const src = pagefindResults(strong, note, s.keep);
  src.weaker = weaker;
  src.whole = true; // whole vacancies were searched (not the word index)
  return src;
}

// Ranking: Pagefind scores a word in the title (h1, weight 7), employer or place far above the
// same word only in the description. Measured on the sample site's national bundle: matches only
// in the description scored 0.11–0.28 of the best result, matches through a synonym of the title
// (weight 5) 0.37–0.43, other title matches 0.4–1. In relevance order, results under 0.3 of the
// best are held back and offered in one tap (showWeaker); a chosen sort ("Terbaru"…) shows all.
const STRONG = 0.3;
let widened = null; // the words for which the reader asked for every match

function preferStrong(found, q) {
  if (!found.length || widened === q || sortSel.value) return [found, 0];
  const top = Math.max(...found.map((r) => r.score));
  const strong = found.filter((r) => r.score >= top * STRONG);
  return [strong, found.length - strong.length];
}

function showWeaker(n, q) {
  const box = $('cari-luas');
  box.hidden = !n;
  if (!n) return;
  $('cari-luas-teks').textContent = fill(D.query.words.weaker, { n: num(n) });
  $('cari-luas-tombol').onclick = () => {
    widened = q;
    run();
  };
}

// Pagefind's results, read n at a time; with a typed salary or education (`keep`) the results
// are tested on their metadata as they are read, so the count is known once all were read.
function pagefindResults(found, note, keep) {
  let at = 0;
  let matched = 0;
  const src = {
    note,
    total: keep ? null : found.length,
    seen: 0,
    done: () => at >= found.length,
    async next(n) {
      const out = [];
      let batches = 0; // at most SCAN batches of fragments a time: "Cari lebih jauh" reads on
      do {
        const data = await Promise.all(found.slice(at, at + n).map((r) => r.data()));
        at += n;
        batches += 1;
        for (const d of data) {
          if (!keep || keep({ education: d.meta.education, salary: metaSalary(d.meta.gaji) })) out.push({ url: d.url, ...d.meta });
        }
      } while (keep && out.length < n && at < found.length && batches < SCAN);
      matched += out.length;
      src.seen = Math.min(at, found.length);
      if (keep && at >= found.length) src.total = matched;
      return out;
    },
  };
  return src;
}

// National word index (antarkerja.site.outputs.words): one file per word's first two letters
// (three or four for a split file), {word: [[scope, ordinal, gap…]…]}; ordinal o counts from the oldest
// open vacancy (0), and locate(o, total, D.perCard) gives its display block kartu/n and place there.
const wordFiles = new Map();

// One request per file, kept in `map` as `shape` makes it; a failed one is forgotten, so a
// later search retries it.
function once(map, key, u, shape = (x) => x) {
  if (!map.has(key)) {
    const p = getJSON(u).then(shape);
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return map.get(key);
}

const wordFile = (key) => once(wordFiles, key, path(D.words, { key }));

// kunci.json: the files there are (no request for a file that is not), and the common words
// the index leaves out (words.COMMON_WORDS: "pt", "kabupaten"), which a search skips.
let wordKeys = null;

function indexKeys() {
  if (!wordKeys) {
    wordKeys = getJSON(path(D.wordKeys, {})).then((k) => ({ files: new Set(k.files), common: new Set(k.common), scopes: k.scopes }));
    wordKeys.catch(() => (wordKeys = null));
  }
  return wordKeys;
}

function wordEntries(w) {
  return indexKeys().then(({ files: keys }) => {
    // The entries of the file holding words that start with `w` ({} when there is none); a
    // large file is split by three letters, a larger one by four (words.files_of), its shorter
    // words staying in the shorter file.
    const key = [4, 3, 2].map((n) => w.slice(0, n)).find((k) => keys.has(k));
    return key ? wordFile(key) : {};
  });
}

// Scope → its ordinals (ascending) of every index word that starts with one of the forms
// of `w` (the word, then without an Indonesian prefix, search.py), or is one of them less a suffix.
async function wordPostings(w) {
  for (const f of forms(w)) {
    const entries = await wordEntries(f);
    const hit = Object.keys(entries).filter((x) => (x.startsWith(f) || (x.length >= 4 && f.startsWith(x) && SUFFIXES.includes(f.slice(x.length)))));
    if (!hit.length) continue;
    const by = new Map();
    for (const x of hit) {
      for (const [scope, first, ...gaps] of entries[x]) {
        const set = by.get(scope) || new Set();
        by.set(scope, set);
        let o = first;
        set.add(o);
        for (const g of gaps) set.add((o += g));
      }
    }
    return new Map([...by].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
  }
  return null;
}

// The query's matches in every scope: all words must match (an absent word is corrected to the
// closest word of its file, or left out, as absentWords does for Pagefind).
async function wordMatches(q) {
  const fixed = [];
  const dropped = [];
  const kept = [];
  const common = [];
  let by = null;
  for (const typed of q.split(' ').filter(Boolean)) {
    const w = foldWord(typed).replace(/[^a-z0-9]/g, '');
    if (w.length < 2 || /^\d+$/.test(w)) continue; // not indexed: a letter, a number
    if ((await indexKeys()).common.has(w)) {
      common.push(typed);
      continue;
    }
    let p = await wordPostings(w);
    if (!p) {
      const entries = await wordEntries(w);
      const fix = closest(w, new Map(Object.entries(entries).map(([x, e]) => [x, e.reduce((n, l) => n + l.length - 1, 0)])));
      p = fix ? await wordPostings(fix) : null;
      if (p) {
        fixed.push([typed, fix]);
        kept.push(fix);
      } else {
        dropped.push(typed);
        continue;
      }
    } else kept.push(typed);
    if (!by) by = p;
    else {
      for (const [scope, ords] of by) {
        const other = new Set(p.get(scope) || []);
        const both = ords.filter((o) => other.has(o));
        if (both.length) by.set(scope, both);
        else by.delete(scope);
      }
    }
  }
  const notes = wordNotes(kept, fixed, dropped, '');
  const said = common.length ? `Kata ${common.map((w) => `“${w}”`).join(', ')} terlalu umum, jadi tidak dipakai.` : '';
  // only common words (and absent ones): they narrow nothing, so every vacancy answers
  const every = !kept.length && common.length > 0;
  return { by: kept.length ? by || new Map() : new Map(), every, note: [notes ? notes.note : '', said].filter(Boolean).join(' ') };
}

// paginate.locate: file 1 holds the newest; file n >= 2 ordinals (n - 2) * per on.
function locate(o, total, per) {
  const older = Math.max(0, Math.floor(total / per) - 1);
  if (o < older * per) {
    const n = Math.floor(o / per) + 2;
    return [n, (n - 1) * per - 1 - o];
  }
  return [1, total - 1 - o];
}

// The word index's display blocks (words.display_blocks): D.perCard result cards a file, block 1
// the newest and the total, so a page of results reads a few small files wherever its matches are.
const cards = new Map();
const card = (n) => once(cards, n, path(D.cards, { n }));

const toResult = (it) => ({ url: path(D.vacancy, { id: it.i }), title: it.t, employer: it.e, location: it.l, salary: it.s, valid_through: it.v, posted: it.p, example: it.x, education: label(it.d), type: label(it.f.find((x) => byId(x).name === 'jenis')) });

// Words the word index answers (docs/search.md, "Words in a province by the word index" and
// "Filters and orders in a province"): on a site without a national bundle, in all Indonesia,
// and in one province or overseas whatever the filters and the order, unless the reader
// asked for whole vacancies. The scope, or null: Pagefind.
function wordScope(s) {
  const scope = indexScope(s);
  return s.whole && scope !== D.national ? null : scope;
}

// The scope the word index would answer in, whether or not whole vacancies were asked for.
function indexScope(s) {
  const f = s.filters;
  const abroad = 'Luar negeri';
  if (!s.q || D.scopes[D.national]) return null;
  if (!f.provinsi && !f.kabkota && f.lingkup !== abroad) return D.national;
  return f.provinsi ? (f.lingkup ? null : f.provinsi) : f.lingkup === abroad ? abroad : null;
}

const SCOPE_PARAMS = ['provinsi', 'lingkup']; // words.SCOPE_PARAMS: the scope itself
const controlOf = (o) => o.closest('select') || o;

// A scope's list (words.scope_lists): a filter option's ordinals ascending, or the scope's in
// another order, as differences; read and decoded once.
const scopeLists = new Map();
const undifference = (d) => {
  let o = 0;
  return d.map((x) => (o += x));
};
const scopeList = (u) => once(scopeLists, u, u, undifference);

// `newest` (a scope's matching ordinals, newest first) kept to the chosen options and "Tayang
// dalam", in the order.
async function inScope(s, scope, newest) {
  const chosen = s.opts.filter((o) => o.dataset.id && !SCOPE_PARAMS.includes(controlOf(o).name));
  const order = s.order === 'terbaru' ? null : scopeList(path(D.scopeOrder, { scope, order: s.order }));
  let out = newest;
  for (const l of await Promise.all(chosen.map((o) => scopeList(path(D.scopeFilter, { scope, id: o.dataset.id }))))) {
    const has = new Set(l);
    out = out.filter((o) => has.has(o));
  }
  out = await postedWindow(s, out);
  if (!order) return out;
  const has = new Set(out);
  return (await order).filter((o) => has.has(o));
}

// "Tayang dalam" has no list (its dates are the reader's), but ordinals follow posting dates
// (model: newest first, then id), so the first ordinal of each posting date
// (words.date_starts, a small file read once) bounds the window exactly.
const dateStarts = new Map();

async function postedWindow(s, newest) {
  const dates = postedDates(s);
  if (!dates || !newest.length) return newest;
  const starts = Object.entries(await once(dateStarts, 0, path(D.scopeDates, {}))); // dates ascending
  const at = (test) => (starts.find(([d]) => test(d)) || [null, Infinity])[1];
  const from = at((d) => d >= dates[dates.length - 1]);
  const to = at((d) => d > dates[0]); // posted after the reader's today
  return newest.filter((o) => o >= from && o < to);
}

// Words by the word index in `scope`: its matching ordinals, newest first (in a province or
// overseas: kept to the chosen options and in the chosen order, inScope); the display blocks
// holding the first ones give their cards. In all Indonesia other filters are applied to the
// items (their option ids), as shardSource does. A scope without a match is searched by Pagefind,
// which reads whole vacancies (a word only in descriptions) and names the provinces that have some.
async function wordSource(s, id, scope) {
  card(1).catch(() => {}); // the total, read beside the word files
  const m = await wordMatches(s.q);
  if (id !== seq) return null;
  if (m.every) return Object.assign(shardSource(s), { note: m.note }); // as with no words
  const at0 = scope === D.national ? -1 : (await indexKeys()).scopes.indexOf(scope);
  let all = (at0 < 0 ? [...m.by.values()].flat() : [...(m.by.get(at0) || [])]).sort((a, b) => b - a); // newest first
  if (!all.length && scope !== D.national) return pagefindSource(s, id);
  if (at0 >= 0) all = await inScope(s, at0, all);
  if (id !== seq) return null;
  // In a scope the options and posting dates are kept by inScope; typed words by the cards.
  const keep = matcher(at0 < 0 ? s : { ...s, opts: [], filters: { ...s.filters, [D.posted.filter]: undefined } }, null);
  const newest = at0 < 0 || s.order === 'terbaru';
  let at = 0;
  let matched = 0;
  const sorted = at0 < 0 && s.order !== 'terbaru' && sortSel.value;
  const src = {
    note: [m.note, sorted ? 'Hasil seluruh Indonesia diurutkan terbaru; urutan lain tersedia di satu provinsi.' : ''].filter(Boolean).join(' '),
    total: keep.any ? null : all.length,
    seen: 0,
    done: () => at >= all.length,
    async next(n) {
      const out = [];
      const before = cards.size;
      // as many bytes a batch as SCAN browse shards: five blocks to a shard
      while (out.length < n && at < all.length && cards.size - before < SCAN * 5) {
        const batch = all.slice(at, at + n - out.length);
        const { total } = await card(1);
        const items = await Promise.all(
          batch.map(async (o) => {
            const [b, k] = locate(o, total, D.perCard);
            return (await card(b)).items[k];
          }),
        );
        at += batch.length;
        for (const it of items) {
          if (it && keep.test(it)) out.push(toResult(it));
          else if (it && newest && keep.since && it.p < keep.since) at = all.length; // newest first: none later
        }
      }
      matched += out.length;
      src.seen = at;
      if (keep.any && at >= all.length) src.total = matched;
      return out;
    },
  };
  return src;
}

// No dead end: words in a province (and no other filter) without results name the nearest
// provinces that have some, and all Indonesia, with their counts from the word index; each is
// a link to that search.
async function elsewhere(s, id) {
  const box = $('cari-lain');
  box.hidden = true;
  box.replaceChildren();
  const p = s.filters.provinsi;
  if (!s.q || !p || s.keep || list.children.length || Object.keys(s.filters).some((k) => k !== 'provinsi')) return;
  const [places, m] = await Promise.all([getJSON(path(D.places, {})), wordMatches(s.q)]);
  if (id !== seq) return;
  const here = places.scopes.indexOf(p);
  const count = (i) => (m.by.get(i) || []).length;
  const total = [...m.by.values()].reduce((n, l) => n + l.length, 0);
  if (here < 0 || !total) return;
  const link = (text, provinsi) => {
    const a = el('a', '', text);
    const q = new URLSearchParams({ q: s.q, provinsi });
    a.href = `${location.pathname}?${q}`;
    return a;
  };
  box.append(`Tidak ada di ${p}. Ada `);
  for (const i of (places.near[here] || []).filter((k) => count(k)).slice(0, 2)) {
    box.append(link(`${num(count(i))} di ${places.scopes[i]}`, places.scopes[i]), ' · ');
  }
  box.append(link(`${num(total)} di seluruh Indonesia`, D.national));
  box.hidden = false;
}

// Browse shards

// Option id → control name and value (an item's ids: search.search_options); built on first use
let ids = null;
const byId = (id) => (ids = ids || new Map([...form.querySelectorAll('[data-id]')].map((o) => [+o.dataset.id, { name: controlOf(o).name, value: o.value }]))).get(id) || {};
const label = (id) => byId(id).value;

function shardSource(s) {
  const sorted = s.order !== 'terbaru';
  const empty = s.opts.some((o) => o.dataset.count === '0');
  let base = null;
  for (const o of s.opts) {
    if (!o.dataset.key) continue;
    if (sorted ? o.dataset.key.startsWith('provinsi/') : !base || +o.dataset.count < +base.dataset.count) base = o;
  }
  const key = base ? base.dataset.key : 'semua';
  const m = matcher(s, base);
  // Shard 1 (total, pages), then each `next` (outputs.browse)
  const src = { total: null, file: empty ? null : 1, pages: 1, buffer: [], matched: 0, seen: 0 };
  const known = s.opts.length === 1 && !s.keep && s.opts[0].dataset.count ? +s.opts[0].dataset.count : null; // one filter: its count is known
  src.done = () => !src.buffer.length && src.file === null;
  src.next = async (n) => {
    let read = 0;
    // Small sets are read whole so the count is exact; large ones only until a page is full.
    // One item more than asked, so "more" is offered only when there is more.
    while ((src.buffer.length <= n || (m.any && src.pages <= 3)) && src.file !== null && read < SCAN) {
      const j = await getJSON(path(D.shard, { key, order: s.order, n: src.file }));
      if (j.page === 1) src.pages = j.pages;
      src.file = j.next;
      read += 1;
      src.seen += j.items.length;
      for (const it of j.items) {
        if (m.test(it)) {
          src.matched += 1;
          src.buffer.push(toResult(it));
        } else if (!sorted && m.since && it.p < m.since) src.file = null; // newest first: none later
      }
      if (!m.any && j.page === 1) src.total = j.total;
    }
    if (m.any) src.total = src.file === null ? src.matched : known;
    if (empty) src.total = 0;
    return src.buffer.splice(0, n);
  };
  return src;
}

// Results

function daysLeft(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  if (!m) return null;
  const now = new Date();
  const end = Date.UTC(+m[1], m[2] - 1, +m[3]);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return { days: Math.round((end - today) / 864e5), date: `${+m[3]} ${D.months[m[2] - 1]} ${m[1]}` };
}

// wording.days_left_text and posted_ago_text, from the reader's today, in wording.DAY_WORDS
function closingText(left) {
  const key = left.days === 0 ? 'closesToday' : left.days === 1 ? 'closesTomorrow' : 'closesIn';
  return fill(D.days[key], { label: D.deadline, date: left.date, n: num(left.days) });
}

const postedText = (d) => (!d ? null : fill(D.days[d.days >= 0 ? 'postedToday' : d.days === -1 ? 'postedYesterday' : 'postedAgo'], { n: num(-d.days) }));

function resultItem(d) {
  const left = daysLeft(d.valid_through);
  if (left && left.days < 0) return null; // closed since the last build
  const li = el('li', 'hasil');
  const h = el('h2', 'hasil-judul');
  const a = el('a', '', d.title || d.url);
  a.href = d.url;
  h.append(a);
  li.append(h);
  if (d.example) {
    const p = el('p', 'hasil-contoh');
    p.append(el('span', 'tag', 'Data contoh'));
    li.append(p);
  }
  if (d.employer) li.append(el('p', 'hasil-pemberi', d.employer));
  if (d.location) li.append(el('p', 'hasil-lokasi', d.location));
  if (d.salary) li.append(el('p', 'hasil-upah', d.salary));
  if (d.type) li.append(el('p', 'hasil-jenis', d.type));
  if (d.education) li.append(el('p', 'hasil-pendidikan', `Pendidikan minimal ${d.education}`));
  const posted = postedText(daysLeft(d.posted));
  if (posted) li.append(el('p', 'hasil-tayang', posted));
  if (left) li.append(el('p', 'hasil-tutup', closingText(left)));
  return li;
}

async function showMore(id) {
  const batch = await source.next(PAGE);
  if (id !== seq) return null;
  let first = null;
  for (const d of batch) {
    const li = resultItem(d);
    if (!li) source.skipped += 1;
    else {
      list.append(li);
      first = first || li;
    }
  }
  more.hidden = source.done();
  more.textContent = list.children.length ? 'Tampilkan lebih banyak' : 'Cari lebih jauh';
  return first;
}

function setStatus(text, busy) {
  statusEl.textContent = text;
  list.setAttribute('aria-busy', busy ? 'true' : 'false');
  form.classList.toggle('memuat', busy);
}

function countText() {
  const shown = list.children.length;
  // A rare combination: reading on is the reader's choice (each batch is up to 6 files).
  if (source.total === null) return shown ? `Sedikitnya ${num(shown)} lowongan ditemukan` : `Belum ada yang cocok di ${num(source.seen)} lowongan terbaru`;
  const n = source.total - source.skipped;
  return n ? `${num(n)} lowongan ditemukan` : 'Tidak ada lowongan yang cocok';
}

function finish(id, text) {
  setStatus(text, false);
  const n = source && list.children.length ? (source.total === null ? null : source.total - source.skipped) : 0;
  tampil.textContent = n === null ? 'Tampilkan hasil' : n ? `Tampilkan ${num(n)} lowongan` : 'Tutup saringan';
  list.dataset.selesai = String(id);
}

async function run() {
  clearTimeout(timer);
  const id = ++seq;
  const s = currentState();
  const qs = s.params.toString();
  history.replaceState(history.state, '', qs ? `?${qs}` : location.pathname);
  showUnderstood(s.understood);
  const active = s.opts.map((o) => o.value);
  badge.textContent = active.length ? `(${active.length} aktif: ${active.join(', ')})` : '';
  // Words in all Indonesia without a national Pagefind bundle (a large site): the word index.
  const scope = wordScope(s);
  const byWords = scope !== null;
  const could = indexScope(s); // the note and its "whole vacancies" choice, where the index could answer
  nasional.hidden = could === null;
  $('cari-nasional-judul').hidden = could !== D.national && s.whole;
  $('cari-nasional-semua').hidden = could !== D.national;
  $('cari-nasional-terbaru').hidden = could !== D.national && s.order !== 'terbaru'; // "Paling sesuai" is newest first here
  $('cari-isi-pilih').hidden = could === D.national;
  $('cari-lain').hidden = true;
  setStatus('Memuat…', true);
  try {
    const src = byWords ? await wordSource(s, id, scope) : s.q ? await pagefindSource(s, id) : shardSource(s);
    if (!src || id !== seq) return;
    source = src;
    source.skipped = 0;
    nasional.hidden = could === null || (src.whole && !s.whole); // the index found nothing: Pagefind read whole vacancies
    $('cari-koreksi').textContent = src.note || '';
    $('cari-koreksi').hidden = !src.note;
    list.replaceChildren();
    await showMore(id);
    if (id !== seq) return;
    failEl.hidden = true;
    showWeaker(src.weaker || 0, s.q);
    noneEl.hidden = list.children.length > 0;
    $('cari-kosong-judul').textContent = s.q ? `Tidak ada lowongan yang cocok dengan “${s.q}”.` : 'Tidak ada lowongan yang cocok dengan saringan ini.';
    if (!list.children.length && scope !== D.national) await elsewhere(s, id).catch((err) => console.warn('Hitungan provinsi lain gagal:', err));
    if (id !== seq) return;
    finish(id, countText());
  } catch (err) {
    if (id !== seq) return;
    console.warn('Pencarian gagal:', err);
    source = null;
    list.replaceChildren();
    more.hidden = true;
    $('cari-luas').hidden = true;
    noneEl.hidden = true;
    failEl.hidden = false;
    finish(id, 'Pencarian belum bisa dimuat');
  }
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

input.addEventListener('input', later);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});
isi.addEventListener('change', () => run());
form.addEventListener('change', async (e) => {
  if (e.target === input) return;
  asing.hidden = true;
  if (e.target === prov) {
    store(prov.value);
    await syncRegencies().catch(() => {}); // offline: the search says so
  }
  run();
});
$('cari-hapus').addEventListener('click', () => {
  for (const c of controls) {
    if (c.type === 'checkbox') c.checked = false;
    else c.value = '';
  }
  syncRegencies();
  run();
});
// The action sticks to the screen's bottom only once a filter changed: before that it would
// cover a filter a reader has yet to reach (and nothing new is there to show).
$('cari-saringan').addEventListener('change', () => $('cari-saringan').classList.add('diubah'));
tampil.addEventListener('click', () => {
  $('cari-saringan').open = false;
  statusEl.scrollIntoView({ block: 'start' });
  const a = list.querySelector('a');
  if (a) a.focus({ preventScroll: true });
});
more.addEventListener('click', async () => {
  const id = seq;
  const first = await showMore(id);
  if (first) first.querySelector('a').focus();
  if (id === seq) setStatus(countText(), false);
});

restore().then(() => setTimeout(run), () => { // its own task: a phone's main thread is blocked in shorter spans
  failEl.hidden = false;
  finish(0, 'Pencarian belum bisa dimuat');
});
