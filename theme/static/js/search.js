// Antar Kerja search page (/cari/): Pagefind's JS API with our own markup, no framework.
// The query, filters and sort live in the URL (?q=…&provinsi=…&urut=…): restored on load,
// rewritten with history.replaceState as they change. Data from the index is only ever
// written with textContent.
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
const MAX = Number(form.dataset.max) || 200;
const PAGE = 10;
const controls = [...form.querySelectorAll('[data-filter]')];
const prov = form.elements.provinsi;
const kab = form.elements.kabkota;
const kabAll = kab ? kab.options[0] : null;
const kabGroups = kab ? [...kab.querySelectorAll('optgroup')] : [];
const num = new Intl.NumberFormat('id-ID');
const longDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
let pagefind = null;
let seq = 0;
let results = [];
let shown = 0;
let skipped = 0;
let timer = 0;

const hasOption = (sel, v) => [...sel.options].some((o) => o.value === v);
const clip = (t) => Array.from(t.replace(/\s+/g, ' ').trim()).slice(0, MAX).join('').trim(); // whole emoji

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function loadPagefind() {
  if (!pagefind) {
    const base = new URL(form.dataset.pagefind || '/pagefind/', location.href);
    pagefind = import(base.href + 'pagefind.js').then(async (pf) => {
      // noWorker: one JS file less to download on slow connections; searches are small.
      await pf.options({ noWorker: true, baseUrl: new URL('..', base).pathname });
      await pf.init();
      return pf;
    });
    pagefind.catch(() => { pagefind = null; });
  }
  return pagefind;
}

// Regencies of the chosen province only (all of them when no province is chosen).
function syncRegencies() {
  if (!kab) return;
  const v = kab.value;
  const p = prov ? prov.value : '';
  kab.replaceChildren(kabAll, ...kabGroups.filter((g) => !p || g.label === p));
  kab.value = hasOption(kab, v) ? v : '';
}

function restore() {
  const p = new URLSearchParams(location.search);
  input.value = clip(p.get('q') || '');
  for (const c of controls) { // document order: provinsi comes before kabkota
    const v = p.get(c.name);
    if (c.type === 'checkbox') c.checked = v === c.value;
    else {
      if (c === kab) syncRegencies();
      c.value = v !== null && hasOption(c, v) ? v : '';
    }
  }
  const u = p.get('urut');
  sortSel.value = u && hasOption(sortSel, u) ? u : '';
}

const filterValue = (c) => (c.type === 'checkbox' ? (c.checked ? c.value : '') : c.value);
const activeValues = () => controls.map(filterValue).filter(Boolean);

function currentState() {
  const q = clip(input.value);
  const params = new URLSearchParams();
  const filters = {};
  if (q) params.set('q', q);
  for (const c of controls) {
    const v = filterValue(c);
    if (v) {
      filters[c.dataset.filter] = v;
      params.set(c.name, v);
    }
  }
  let opt = sortSel.selectedOptions[0];
  if (sortSel.value) params.set('urut', sortSel.value);
  else if (!q) opt = sortSel.querySelector('[data-default]'); // no words to rank by: newest first
  const sort = opt && opt.dataset.key ? {
    [opt.dataset.key]: opt.dataset.dir
  } : {};
  return { q, params, filters, sort };
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

function daysLeft(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  if (!m) return null;
  const now = new Date();
  const end = Date.UTC(+m[1], m[2] - 1, +m[3]);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return { days: Math.round((end - today) / 864e5), date: longDate.format(new Date(+m[1], m[2] - 1, +m[3])) };
}

function closingText(left) {
  if (left.days === 0) return `Batas lamaran hari ini, ${left.date}`;
  if (left.days === 1) return `Batas lamaran besok, ${left.date}`;
  return `Batas lamaran ${left.date} (${num.format(left.days)} hari lagi)`;
}

function resultItem(d) {
  const meta = d.meta || {};
  const left = daysLeft(meta.valid_through);
  if (left && left.days < 0) return null; // closed since the last build
  const li = el('li', 'hasil');
  const h = el('h2', 'hasil-judul');
  const a = el('a', '', meta.title || d.url);
  a.href = d.url;
  h.append(a);
  li.append(h);
  if (meta.employer) li.append(el('p', 'hasil-pemberi', meta.employer));
  if (meta.location) li.append(el('p', 'hasil-lokasi', meta.location));
  if (meta.salary) li.append(el('p', 'hasil-upah', meta.salary));
  if (left) li.append(el('p', 'hasil-tutup', closingText(left)));
  return li;
}

async function showMore(id) {
  const batch = results.slice(shown, shown + PAGE);
  shown += batch.length;
  const data = await Promise.all(batch.map((r) => r.data()));
  if (id !== seq) return null;
  let first = null;
  for (const d of data) {
    const li = resultItem(d);
    if (!li) skipped += 1;
    else {
      list.append(li);
      first = first || li;
    }
  }
  more.hidden = shown >= results.length;
  return first;
}

function setStatus(text, busy) {
  statusEl.textContent = text;
  list.setAttribute('aria-busy', busy ? 'true' : 'false');
  form.classList.toggle('memuat', busy);
}

async function run() {
  clearTimeout(timer);
  const id = ++seq;
  const s = currentState();
  const qs = s.params.toString();
  history.replaceState(history.state, '', qs ? `?${qs}` : location.pathname);
  const active = activeValues();
  badge.textContent = active.length ? `(${active.length} aktif: ${active.join(', ')})` : '';
  setStatus('Memuat…', true);
  try {
    const pf = await loadPagefind();
    const opts = { filters: s.filters, sort: s.sort };
    const r = await pf.search(s.q || null, opts);
    let found = r ? r.results : [];
    // A half-typed word such as "penja" is too short for Pagefind's Indonesian stemmer, so it
    // is not reduced to the root the index holds ("jahit"): search the roots it may have.
    if (!found.length && s.q) {
      const seen = new Set();
      for (const root of roots(s.q)) {
        const rr = await pf.search(root, opts);
        if (id !== seq) return;
        for (const x of rr ? rr.results : [])
          if (!seen.has(x.id)) seen.add(x.id) && found.push(x);
      }
      if (!sortSel.value) found.sort((a, b) => b.score - a.score);
    }
    if (id !== seq) return;
    results = found;
    shown = 0;
    skipped = 0;
    list.replaceChildren();
    await showMore(id);
    if (id !== seq) return;
    const total = results.length - skipped;
    failEl.hidden = true;
    noneEl.hidden = total > 0;
    $('cari-kosong-judul').textContent = s.q ? `Tidak ada lowongan yang cocok dengan “${s.q}”.` : 'Tidak ada lowongan yang cocok dengan saringan ini.';
    setStatus(total ? `${num.format(total)} lowongan ditemukan` : 'Tidak ada lowongan yang cocok', false);
    list.dataset.selesai = String(id);
  } catch (err) {
    if (id !== seq) return;
    console.warn('Pencarian gagal:', err);
    results = [];
    list.replaceChildren();
    more.hidden = true;
    noneEl.hidden = true;
    failEl.hidden = false;
    setStatus('Pencarian belum bisa dimuat', false);
    list.dataset.selesai = String(id);
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
form.addEventListener('change', (e) => {
  if (e.target === input) return;
  if (e.target === prov) syncRegencies();
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
more.addEventListener('click', async () => {
  const id = seq;
  const first = await showMore(id);
  if (first) first.querySelector('a').focus();
  if (id === seq && skipped) {
    setStatus(`${num.format(results.length - skipped)} lowongan ditemukan`, false);
  }
});

restore();
form.hidden = false; // shown only once it works (without JavaScript a <noscript> note explains)
run();
