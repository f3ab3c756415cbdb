/* /kirim-lowongan/: build the vacancy form from formulir.json (generated from the schema),
   show the file in the canonical layout of `antarkerja fmt` as it is typed, keep a draft in
   localStorage, and open GitHub's "new file" page with the file filled in. No framework. */
(function () {
  'use strict';

  /* ---- YAML in the canonical layout of antarkerja.records.fmt ------------------------------------ */

  const NOT_TEXT = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;
  // What PyYAML (allow_unicode) writes as it is; anything else forces double quotes.
  const PRINTABLE = /^[\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10fffe}]*$/u;
  const DATE_KEYS = ['date_posted', 'valid_through', 'date'];

  function plain(s) {
    // PyYAML's rules for a plain scalar in a block mapping, plus our own: anything that starts
    // like a number (codes, phones, times) is always quoted (antarkerja.records.fmt).
    if (!s || NOT_TEXT.test(s) || !PRINTABLE.test(s) || /^\s|\s$/.test(s)) return false;
    if (/^[0-9+\-.]/.test(s)) return false;
    if (/^[#,[\]{}&*!|>'"%@`]/.test(s) || /^[?:](\s|$)/.test(s)) return false;
    return !/:(\s|$)/.test(s) && !/\s#/.test(s);
  }

  const ESCAPES = {
    '\0': '\\0',
    '\x07': '\\a',
    '\b': '\\b',
    '\t': '\\t',
    '\n': '\\n',
    '\x0b': '\\v',
    '\f': '\\f',
    '\r': '\\r',
    '\x1b': '\\e',
    '"': '\\"',
    '\\': '\\\\',
    '\x85': '\\N',
    '\u2028': '\\L',
    '\u2029': '\\P'
  };

  function hex(code, width) { return ('0000000' + code.toString(16).toUpperCase()).slice(-width); }

  const ESCAPED = /[\0-\x1f"\\\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]|[\u{10000}-\u{10ffff}]/u;
  const WIDTH = 4096; // antarkerja.records.fmt dumps with width=4096: longer quoted lines fold

  function quoted(s, column, indent) {
    // PyYAML's double-quoted style (Emitter.write_double_quoted): escapes for quotes,
    // backslashes, controls, separators, the BOM and characters beyond the Basic Multilingual
    // Plane; a line past WIDTH folds at a space with a backslash, as PyYAML does.
    const chars = Array.from(s);
    let out = '"';
    let col = column + 1;
    let start = 0;
    let end = 0;
    let piece;
    while (end <= chars.length) {
      const ch = end < chars.length ? chars[end] : null;
      if (ch === null || ESCAPED.test(ch)) {
        if (start < end) {
          piece = chars.slice(start, end).join('');
          out += piece;
          col += end - start;
          start = end;
        }
        if (ch !== null) {
          const code = ch.codePointAt(0);
          piece = ESCAPES[ch] || (code <= 0xff ? '\\x' + hex(code, 2) : code <= 0xffff ? '\\u' + hex(code, 4) : '\\U' + hex(code, 8));
          out += piece;
          col += piece.length;
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && col + (end - start) > WIDTH) {
        piece = chars.slice(start, end).join('') + '\\';
        if (start < end) start = end;
        out += piece + '\n' + indent;
        col = indent.length;
        if (chars[start] === ' ') {
          out += '\\';
          col += 1;
        }
      }
      end += 1;
    }
    return out + '"';
  }

  function scalar(v, key, column, indent) {
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return String(v);
    if (DATE_KEYS.indexOf(key) >= 0 && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v; // dates stay dates
    return plain(v) ? v : quoted(v, column || 0, indent || '  ');
  }

  function ordered(obj, order) {
    const keys = Object.keys(order || {}).filter((k) => k in obj);
    Object.keys(obj).forEach((k) => { if (keys.indexOf(k) < 0) keys.push(k); });
    return keys;
  }

  function emit(obj, order, indent, out) {
    ordered(obj, order).forEach((key) => {
      const v = obj[key];
      const pad = indent;
      if (Array.isArray(v)) {
        out.push(pad + key + ':');
        v.forEach((item) => { out.push(pad + '  - ' + scalar(item, null, pad.length + 4, pad + '    ')); });
      } else if (v && typeof v === 'object') {
        out.push(pad + key + ':');
        emit(v, (order || {})[key], indent + '  ', out);
      } else if (typeof v === 'string' && v.indexOf('\n') >= 0 && PRINTABLE.test(v.replace(/\n/g, ''))) {
        out.push(pad + key + ': |');
        v.replace(/\n+$/, '').split('\n').forEach((line) => { out.push(line ? pad + '  ' + line : ''); });
      } else {
        out.push(pad + key + ': ' + scalar(v, key, pad.length + key.length + 2, pad + '  '));
      }
    });
    return out;
  }

  function yaml(rec, order) {
    return emit(rec, order, '', []).join('\n') + '\n';
  }

  // Every character YAML or JavaScript reads as a line break becomes "\n" (U+2029 separates
  // paragraphs: a blank line). Written raw inside a `|` block, U+2028 would end the block and
  // let the rest of the line become a key of its own.
  function lineBreaks(text) {
    return text.replace(/\r\n?|\u2028|\x85/g, '\n').replace(/\u2029/g, '\n\n');
  }

  // One answer as the record holds it: lists without bullets, text areas without trailing
  // spaces, one-line answers with their whitespace collapsed (tabs included).
  function answer(raw, widget, key) {
    let text = lineBreaks(raw);
    if (widget === 'list') {
      let items = text.split('\n').map((s) => s.replace(/^\s*(?:[-*•]|\d{1,9}[.)])\s/, '').trim());
      items = items.filter(Boolean);
      return items.length ? items : null;
    }
    if (widget === 'textarea') {
      text = text.split('\n').map((s) => s.trimEnd()).join('\n').trim(); // trimEnd: /\s+$/ is quadratic
      return text ? text + (key === 'description' ? '\n' : '') : null;
    }
    text = text.replace(/\s+/g, ' ').trim();
    if (!text) return null;
    if (widget === 'number') return /^\d+$/.test(text) ? parseInt(text, 10) : text;
    return text;
  }

  /* ---- the validator's verdict on one record ------------------------------------------ */
  // The single-record checks of `antarkerja validate` that the form decides, with the same
  // codes and fields: the schema's (required, type, limits, length, format) from
  // formulir.json, and rules R406–R415. tests/test_form_parity.py runs both on 500+ records.
  const FORM_CODES = ['S201', 'S203', 'S205', 'S206', 'S207', 'S208', 'S209', 'R403', 'R404', 'R406', 'R407', 'R408', 'R409', 'R410', 'R412', 'R413', 'R414', 'R415', 'W502', 'W532', 'W533', 'W570'];
  // antarkerja.records.rules.vacancy.PLACEHOLDER: `ISI:` at a line start (case as written), and in any
  // case "tuliskan … di sini", "lorem ipsum", "[isi …]".
  const PLACEHOLDER_ISI = /(?:^|\n)[ \t]*ISI:/;
  const PLACEHOLDER_WORDS = /\btuliskan\b[^.\n]{0,120}\bdi\s+sini\b|\blorem\s+ipsum\b|\[(?:isi|diisi)\b[^\]\n]*\]/i;

  function at(rec, path) {
    let node = rec;
    for (let i = 0; i < path.length; i++) {
      if (!node || typeof node !== 'object' || !(path[i] in node)) return undefined;
      node = node[path[i]];
    }
    return node;
  }

  function strings(value, path, out) {
    if (typeof value === 'string') out.push([path, value]);
    else if (Array.isArray(value)) value.forEach((item, i) => { strings(item, path + '[' + i + ']', out); });
    else if (value && typeof value === 'object') Object.keys(value).forEach((k) => { strings(value[k], path ? path + '.' + k : k, out); });
    return out;
  }

  function addDays(iso, days) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function isDate(v) { return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v); }

  /* ---- the text rules (rules.scams), as `antarkerja validate` runs them on a record ------- */
  // `textRules` is {engine: checkengine.js, data: cek-lowongan/aturan.json}. The engine checks
  // one text; the validator checks a record's texts together: a rule's weak signals count
  // across all of them (rules.scams.TextRule.findings). So the weak patterns are first tried
  // one by one on every text, then each text is checked with the weak ones on or off.
  let compiled = null;

  function recordTexts(rec) { // rules.scams.record_texts
    const out = [
        ['title', rec.title],
        ['description', rec.description]
      ],
      employer = rec.employer || {},
      location = rec.location || {};
    out.push(['employer.name', employer.name], ['location.address', location.address], ['location.city', location.city]);

    function list(path, items) {
      (Array.isArray(items) ? items : []).forEach((t, i) => { out.push([path + '[' + i + ']', t]); });
    }
    list('education.majors', (rec.education || {}).majors);
    ['responsibilities', 'qualifications', 'benefits'].forEach((name) => { list(name, rec[name]); });
    list('disability.accommodations', (rec.disability || {}).accommodations);
    out.push(['apply.instructions', (rec.apply || {}).instructions], ['overseas.p3mi_name', (rec.overseas || {}).p3mi_name]);
    return out.filter((t) => typeof t[1] === 'string' && t[1]);
  }

  function proseTexts(rec) { // rules.vacancy.texts (R412)
    const out = [
      ['title', rec.title],
      ['description', rec.description]
    ];
    ['responsibilities', 'qualifications', 'benefits'].forEach((name) => {
      (Array.isArray(rec[name]) ? rec[name] : []).forEach((t, i) => { out.push([name + '[' + i + ']', t]); });
    });
    if ((rec.apply || {}).instructions) out.push(['apply.instructions', rec.apply.instructions]);
    return out.filter((t) => typeof t[1] === 'string');
  }

  // The record conditions aturan.json marks validator-only (rules.scams: applies=…).
  function applies(rule, rec, rules) {
    const c = rules.textConditions[rule.code];
    if (!c) return true;
    const group = rec[c.group] || {};
    if (c.empty) return !group[c.empty];
    return c.notIn.indexOf(group[c.field]) < 0;
  }

  function textFindings(rec, text, rules) {
    const engine = text.engine;
    const data = text.data;
    if (!compiled || compiled.data !== data) compiled = { data: data, env: engine.compile(data) };
    const env = compiled.env;
    const fields = recordTexts(rec).map((t) => ({ field: t[0], text: t[1], n: env.normalise(t[1]) }));
    const out = [];
    data.rules.forEach((rule) => {
      if (!applies(rule, rec, rules)) return;
      const kinds = {};
      rule.weak.forEach((source, i) => {
        const one = Object.assign({}, rule, { strong: [], weak: [source], weakNeeded: 1 });
        if (fields.some((f) => engine.check(env, [one], f.text, f.n).length)) kinds[i] = true;
      });
      const weakOk = Object.keys(kinds).length >= rule.weakNeeded;
      const used = Object.assign({}, rule, weakOk ? { weakNeeded: 0 } : { weak: [] });
      fields.forEach((f) => {
        engine.check(env, [used], f.text, f.n).forEach((d) => { out.push([rule.code, f.field, d.message]); });
      });
    });
    // W532: a domestic vacancy whose text is about working abroad (rules.scams.domestic_text_about_abroad).
    if ((rec.location || {}).country === 'ID') {
      const leaving = new RegExp(rules.leaving, 'm');
      fields.some((f) => {
        const m = leaving.exec(f.n.norm);
        if (!m) return false;
        const begin = f.n.origin[m.index];
        const stop = f.n.origin[m.index + m[0].length - 1] + 1;
        out.push(['W532', f.field, 'lowongan dalam negeri, tetapi teksnya tentang bekerja ke luar negeri ("' + f.text.slice(begin, stop).split(/\s+/).filter(Boolean).join(' ') + '")']);
        return true;
      });
    }
    return out;
  }

  function checkRecord(rec, spec, text) {
    const out = [];
    const rules = spec.rules;
    const said = {};

    function add(code, field, message, hint) {
      if (said[code + ' ' + field]) return;
      said[code + ' ' + field] = true;
      out.push({ code: code, field: field, message: message, hint: hint || '', warning: code.charAt(0) === 'W' });
    }
    spec.fields.forEach((f) => {
      const field = f.path.join('.');
      const group = f.path.length > 1 ? f.path[0] : null;
      if (group && (rec[group] === undefined || rec[group] === null)) {
        if (rules.groups[group] && rules.groups[group].required) add('S201', group, 'wajib diisi (' + rules.groups[group].label + ')', 'isi bagian ini');
        return;
      }
      const v = at(rec, f.path);
      const required = f.schemaRequired !== undefined ? f.schemaRequired : f.required;
      if (v === undefined || v === null) {
        if (required) add('S201', field, 'wajib diisi (' + f.label + ')', 'isi kolom ini');
        return;
      }
      if (f.widget === 'number') {
        if (typeof v !== 'number') return add('S203', field, 'harus berupa bilangan bulat tanpa titik atau koma', 'tulis angka saja');
        if (f.min !== undefined && v < f.min) add('S206', field, 'nilai ' + v + ' di luar batas (minimal ' + f.min + ')', 'isi angka minimal ' + f.min);
        if (f.max !== undefined && v > f.max) add('S206', field, 'nilai ' + v + ' di luar batas (maksimal ' + f.max + ')', 'isi angka maksimal ' + f.max);
        return;
      }
      if (typeof v !== 'string' || f.widget === 'date') return;
      const length = Array.from(v).length; // characters, as Python counts them
      if (f.maxlength !== undefined && length > f.maxlength) add('S208', field, 'terlalu panjang (' + length + ' karakter, maksimal ' + f.maxlength + ')', 'persingkat isinya');
      if (f.minlength !== undefined && length < f.minlength) add('S207', field, 'terlalu pendek (' + length + ' karakter, minimal ' + f.minlength + ')', 'lengkapi isinya');
      if (f.pattern && !new RegExp(f.pattern).test(v)) add('S205', field, '`' + v.slice(0, 60) + '` tidak sesuai format', 'tulis sebagai ' + (f.format || 'format yang benar'));
    });
    if (rec.location && rec.location.province === '') add('S209', 'location.province', 'tidak boleh kosong', 'pilih kabupaten/kota');
    const posted = rec.date_posted;
    const until = rec.valid_through;
    const verified = (rec.verification || {}).date;
    if (isDate(until) && isDate(posted)) {
      if (until < posted) add('R406', 'valid_through', 'berlaku sampai ' + until + ' sebelum tanggal tayang ' + posted, 'perbaiki salah satu tanggal');
      const limit = addDays(posted, rules.maxValidityDays);
      if (until > limit) add('R407', 'valid_through', 'masa tayang lebih dari ' + rules.maxValidityDays + ' hari setelah ' + posted, 'isi paling lambat ' + limit + '; bila masih dibuka, perpanjang setelah diverifikasi ulang');
    }
    if (rec.employment_type === 'pkwt' && typeof rec.contract_months === 'number' && rec.contract_months > rules.maxPkwtMonths) {
      add('R408', 'contract_months', 'kontrak PKWT ' + rec.contract_months + ' bulan melebihi ' + rules.maxPkwtMonths + ' bulan', 'PKWT paling lama 5 tahun termasuk perpanjangan; perpendek kontrak atau jadikan PKWTT');
    }
    const s = rec.salary;
    if (s && 'disclosed' in s) {
      if (s.disclosed) {
        if (s.min === undefined || s.min === null || !s.unit) add('R409', 'salary', 'upah dicantumkan tetapi `min` atau `unit` kosong', 'isi upah terendah');
        else if (s.max !== undefined && s.max !== null && typeof s.max === typeof s.min && s.max < s.min) add('R409', 'salary.max', 'upah tertinggi ' + s.max + ' lebih kecil dari upah terendah ' + s.min, 'tukar kedua nilai');
      } else if ((s.min !== undefined && s.min !== null) || (s.max !== undefined && s.max !== null)) {
        add('R409', 'salary.disclosed', '`disclosed: false` tetapi ada angka upah', 'hapus angkanya');
      }
    }
    const a = rec.apply;
    if (a && typeof a === 'object' && !(a.url || a.email || a.phone || a.whatsapp || a.walk_in)) {
      add('R410', 'apply', 'tidak ada cara melamar', 'isi minimal satu: tautan, email, telepon, WhatsApp atau datang langsung');
    }
    const employer = rec.employer;
    if (employer && 'legal_form' in employer && rules.companyForms.indexOf(employer.legal_form) >= 0 && a && typeof a === 'object' && !(a.url || a.walk_in || a.phone)) {
      const domain = (a.email || '').split('@').pop().toLowerCase();
      if ((a.email && rules.freeMail.indexOf(domain) >= 0) || (!a.email && a.whatsapp)) {
        add('W502', 'apply', 'perusahaan hanya bisa dihubungi lewat WhatsApp pribadi atau email gratis', 'minta alamat email berdomain perusahaan, situs resmi, atau pilih datang langsung ke kantor pemverifikasi');
      }
    }
    // W570 (rules.vacancy.perpres_article_5_items): Perpres 57/2023 Art. 5 asks for the skills or
    // competence and, for work paid by time, the wage; the form writes domestic work only.
    const article5 = rules.article5;
    const skills = rec.qualifications;
    const pay = rec.salary;
    if (!(Array.isArray(skills) && skills.some((q) => typeof q === 'string' && q.trim()))) add('W570', 'qualifications', article5.skills[0], article5.skills[1]);
    if (pay && typeof pay === 'object' && !Array.isArray(pay) && pay.disclosed === false && article5.waged.indexOf(rec.employment_type) >= 0) add('W570', 'salary.disclosed', article5.wage[0], article5.wage[1]);
    if (isDate(verified) && isDate(posted) && verified > posted) {
      add('R413', 'verification.date', 'diverifikasi ' + verified + ', sesudah tanggal tayang ' + posted, 'lowongan baru boleh tayang setelah diverifikasi; perbaiki tanggalnya');
    }
    const age = rec.age || {};
    const gender = rec.gender;
    if (rec.age && ((age.min !== undefined && age.min !== null) || (age.max !== undefined && age.max !== null)) && !age.justification) {
      add('R403', 'age', 'batas usia tanpa alasan', 'isi `age.justification` dengan alasan pekerjaan membutuhkan batas usia itu, atau hapus `age`');
    }
    if (typeof age.min === 'number' && typeof age.max === 'number' && age.min > age.max) add('R403', 'age.min', 'usia minimal ' + age.min + ' lebih besar dari usia maksimal ' + age.max, 'tukar kedua nilai');
    if (gender && typeof gender === 'object' && Object.keys(gender).length && !gender.justification) add('R404', 'gender', 'syarat jenis kelamin tanpa alasan', 'isi `gender.justification` dengan alasan pekerjaan membutuhkannya, atau hapus `gender`');
    proseTexts(rec).some((t) => { // R412: rules.vacancy.unsafe_link
      const targets = [];
      let m;
      const links = new RegExp(rules.markdownLink, 'gi');
      while ((m = links.exec(t[1]))) targets.push(m[1]);
      const bad = targets.filter((x) => x.split('/')[0].indexOf(':') >= 0 && !/^(?:https?:\/\/|mailto:|tel:)/i.test(x));
      const bare = new RegExp(rules.bareScheme, 'i').exec(t[1]);
      if (bad.length || bare) add('R412', t[0], 'tautan tidak aman ("' + Array.from(bad.length ? bad[0] : bare[0]).slice(0, 60).join('') + '")', 'pakai hanya tautan https://, mailto: atau tel:');
      return false;
    });
    if (text) {
      textFindings(rec, text, rules).forEach((d) => { add(d[0], d[1], d[2], rules.textHints[d[0]]); });
    }
    const texts = strings(rec, '', []);
    texts.forEach((t) => {
      for (let i = 0; i < t[1].length; i++) {
        if (rules.bidi.indexOf(t[1][i]) >= 0) {
          add('R414', t[0], 'ada karakter tak terlihat U+' + hex(t[1].charCodeAt(i), 4) + ' yang membalik arah teks', 'hapus karakter itu (salin ulang teksnya dari sumber biasa)');
          break;
        }
      }
      if (PLACEHOLDER_ISI.test(t[1]) || PLACEHOLDER_WORDS.test(t[1])) {
        add('R415', t[0], 'masih berisi teks contoh', 'ganti dengan isi sebenarnya dari pemberi kerja, lalu periksa lagi');
      }
    });
    return out;
  }

  // urls.slugify: ASCII letters and digits of the text (accents dropped) joined by hyphens.
  function slugify(text) {
    return text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  // urls.vacancy_id: a new vacancy's id, cut at `length` (the spec's idLength, urls.ID_BASE_LENGTH).
  function vacancyId(title, employer, place, length) {
    return slugify(title + ' ' + employer + ' ' + place).slice(0, length).replace(/-+$/, '');
  }

  const api = { yaml: yaml, answer: answer, lineBreaks: lineBreaks, checkRecord: checkRecord, slugify: slugify, vacancyId: vacancyId, FORM_CODES: FORM_CODES };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  const form = document.getElementById('kirim');
  if (!form) return;
  if (!window.AntarKerjaUtil) { // util.js did not load: say so, as when the spec does not
    document.getElementById('kirim-gagal').hidden = false;
    return;
  }
  const { el, isoDate } = window.AntarKerjaUtil;
  const DRAFT = 'antarkerja:kirim-lowongan';
  const MAX_URL = 7000; // longer prefilled URLs are refused by some browsers and by GitHub
  let textRules = null;
  let spec;
  const fieldsBox = document.getElementById('kirim-kolom');
  const yamlBox = document.getElementById('kirim-yaml');
  const nameBox = document.getElementById('kirim-nama');
  const statusBox = document.getElementById('kirim-status');
  const errorBox = document.getElementById('kirim-galat');

  /* ---- building the form ------------------------------------------------------------- */

  function labelFor(f, id) {
    const label = el('label', { for: id }, f.label + ' ');
    label.appendChild(el('span', { class: 'kirim-w' }, f.required ? '(wajib)' : '(boleh kosong)'));
    return label;
  }

  function helpText(f) {
    const parts = [f.help, f.format ? 'Format: ' + f.format + '.' : '', f.widget === 'list' ? 'Satu butir per baris.' : ''];
    return parts.filter(Boolean).join(' ');
  }

  function addOptions(select, options, first) {
    select.appendChild(el('option', { value: '' }, first));
    options.forEach((o) => { select.appendChild(el('option', { value: o.value }, o.label)); });
  }

  function buildField(f) {
    const box = el('div', { class: 'kirim-f' });
    const id = 'k-' + f.key;
    const helpId = id + '-bantuan';
    const help = helpText(f);
    const described = help ? helpId : null;
    let control;
    if (f.widget === 'region') {
      const group = el('fieldset', { 'aria-describedby': described });
      group.appendChild(el('legend', {}, f.label + ' (wajib)'));
      if (help) group.appendChild(el('span', { class: 'kirim-h', id: helpId }, help));
      group.appendChild(labelFor({ label: 'Provinsi', required: true }, 'k-provinsi'));
      const province = el('select', { id: 'k-provinsi', name: 'provinsi', required: true });
      addOptions(province, spec.provinces.map((p) => ({ value: p.code, label: p.name })), '— pilih provinsi —');
      group.appendChild(province);
      group.appendChild(labelFor({ label: 'Kabupaten/kota', required: true }, id));
      control = el('select', { id: id, name: f.key, required: true });
      group.appendChild(control);
      province.addEventListener('change', () => {
        fillRegencies(control, province.value, '');
        fillOffices(province.value);
      });
      fillRegencies(control, '', '');
      box.appendChild(group);
      return box;
    }
    if (f.widget === 'checkbox') {
      const line = el('div', { class: 'kirim-c' });
      control = el('input', { type: 'checkbox', id: id, name: f.key, 'aria-describedby': described });
      line.appendChild(control);
      line.appendChild(el('label', { for: id }, f.label));
      box.appendChild(line);
      if (help) box.appendChild(el('span', { class: 'kirim-h', id: helpId }, help));
      return box;
    }
    box.appendChild(labelFor(f, id));
    if (help) {
      const helpBox = el('span', { class: 'kirim-h', id: helpId }, help);
      if (f.link) {
        helpBox.appendChild(document.createTextNode(' '));
        helpBox.appendChild(el('a', { href: f.link.href }, f.link.text));
      }
      box.appendChild(helpBox);
    }
    const common = { id: id, name: f.key, required: f.required, 'aria-describedby': described, placeholder: f.placeholder };
    if (f.widget === 'select') {
      control = el('select', common);
      addOptions(control, f.options, '— pilih —');
    } else if (f.widget === 'office') {
      control = el('select', common);
      addOptions(control, [], '— pilih provinsi dulu —');
    } else if (f.widget === 'textarea' || f.widget === 'list') {
      common.rows = f.widget === 'list' ? 3 : 6;
      common.maxlength = f.maxlength;
      control = el('textarea', common);
    } else {
      const type = { number: 'number', date: 'date', email: 'email' } [f.widget] || 'text';
      common.type = type;
      if (type === 'number') {
        common.min = f.min;
        common.max = f.max;
        common.step = 1;
        common.inputmode = 'numeric';
      }
      if (type === 'text') common.maxlength = f.maxlength;
      if (f.key.indexOf('phone') >= 0 || f.key.indexOf('whatsapp') >= 0) {
        common.type = 'tel';
        common.inputmode = 'tel';
      }
      if (f.key === 'apply_url') {
        common.type = 'url';
        common.inputmode = 'url';
      }
      control = el('input', common);
    }
    box.appendChild(control);
    return box;
  }

  // Offices of the chosen province (and national ones), with their ids: the id is what the
  // file holds and what an office page shows.
  function fillOffices(provinceCode, chosen) {
    const select = document.getElementById('k-office');
    if (!select) return;
    const keep = chosen !== undefined ? chosen : select.value;
    select.textContent = '';
    const list = spec.offices.filter((o) => provinceCode && (o.province === provinceCode || o.national));
    addOptions(select, list.map((o) => ({ value: o.id, label: o.name + ' (' + o.id + ')' })),
      provinceCode ? '— pilih kantor —' : '— pilih provinsi dulu —');
    select.value = list.some((o) => o.id === keep) ? keep : '';
  }

  function fillRegencies(select, provinceCode, chosen) {
    select.textContent = '';
    const list = spec.regencies.filter((r) => r.province === provinceCode);
    addOptions(select, list.map((r) => ({ value: r.code, label: r.name })),
      provinceCode ? '— pilih kabupaten/kota —' : '— pilih provinsi dulu —');
    select.value = chosen;
  }

  /* ---- reading the answers into a record ---------------------------------------------- */

  function value(f) {
    const node = document.getElementById('k-' + f.key);
    if (f.widget === 'checkbox') return node.checked || null;
    return answer(node.value, f.widget, f.key);
  }

  function record() {
    const made = spec.record; // antarkerja.records.build_record: the rules `antarkerja new` and the issue path use
    const rec = { status: made.status };
    spec.fields.forEach((f) => {
      const v = value(f);
      if (v === null) return;
      let parent = rec;
      f.path.slice(0, -1).forEach((k) => { parent = parent[k] = parent[k] || {}; });
      parent[f.path[f.path.length - 1]] = v;
    });
    const salary = rec.salary || {};
    rec.salary = salary.min !== undefined ? Object.assign({}, made.salaryStated, { min: salary.min, max: salary.max !== undefined ? salary.max : salary.min }) : Object.assign({}, made.salaryUnstated);
    const regency = spec.regencies.find((r) => r.code === (rec.location || {}).regency);
    const location = rec.location || {};
    rec.location = { country: made.country, province: regency ? regency.province : '' };
    Object.keys(location).forEach((k) => { rec.location[k] = location[k]; });
    rec.date_posted = isoDate(new Date());
    rec.id = vacancyId(rec.title || '', (rec.employer || {}).name || '', regency ? regency.short : '', spec.idLength) || 'lowongan-baru';
    return { rec: rec, regency: regency };
  }

  /* ---- checking, preview, draft, submit ------------------------------------------------ */

  // The validator's verdict on the record as it stands (checkRecord), each finding placed at
  // the field it concerns: a group (`apply`, `salary`) at its first field, the province at
  // the regency, a list item at its list.
  function verdict() { return checkRecord(record().rec, spec, textRules); }

  function fieldOf(d) {
    const name = d.field.replace(/\[\d+\]$/, '');
    return spec.fields.find((f) => f.path.join('.') === name) ||
      spec.fields.find((f) => f.path.join('.').indexOf(name + '.') === 0) ||
      (name === 'location.province' ? spec.fields.find((f) => f.key === 'regency') : null) ||
      spec.fields.find((f) => f.path[0] === name.split('.')[0]);
  }

  function said(d) { return d.code + ': ' + d.message + (d.hint ? ' (' + d.hint + ')' : ''); }

  function show(f, found) {
    const node = document.getElementById('k-' + f.key);
    let problem = found.map(said).join(' ');
    if (f.widget === 'region' && !document.getElementById('k-provinsi').value) problem = 'Pilih provinsi dulu. ' + problem;
    const errId = 'k-' + f.key + '-galat';
    const old = document.getElementById(errId);
    if (old) old.remove();
    node.removeAttribute('aria-invalid');
    const described = (node.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== errId);
    if (problem) {
      node.setAttribute('aria-invalid', 'true');
      node.insertAdjacentElement('beforebegin', el('span', { class: 'kirim-e', id: errId }, problem));
      described.push(errId);
    }
    if (described.length) node.setAttribute('aria-describedby', described.join(' '));
    else node.removeAttribute('aria-describedby');
    const blocking = found.some((d) => !d.warning) || (f.widget === 'region' && !document.getElementById('k-provinsi').value);
    const codes = found.filter((d) => !d.warning).map((d) => d.code);
    return problem && blocking ? { field: f, problem: f.label + ': ' + problem, codes: codes.filter((c, i) => codes.indexOf(c) === i) } : null;
  }

  function check(f) {
    const all = verdict();
    return show(f, all.filter((d) => fieldOf(d) === f));
  }

  function fileInfo() {
    const r = record();
    const province = r.regency && spec.provinces.find((p) => p.code === r.regency.province);
    return { text: yaml(r.rec, spec.order), name: r.rec.id + '.yml', folder: spec.folder + '/' + (province ? province.slug : '') };
  }

  function refresh() {
    const info = fileInfo();
    yamlBox.textContent = info.text;
    nameBox.textContent = info.folder + '/' + info.name;
    saveDraft();
  }

  function saveDraft() {
    const draft = {};
    Array.prototype.forEach.call(form.elements, (node) => {
      if (node.name) draft[node.name] = node.type === 'checkbox' ? node.checked : node.value;
    });
    try { localStorage.setItem(DRAFT, JSON.stringify(draft)); } catch { /* private mode: no draft */ }
  }

  function loadDraft() {
    let draft;
    try { draft = JSON.parse(localStorage.getItem(DRAFT) || 'null'); } catch { draft = null; }
    if (!draft) return false;
    const province = document.getElementById('k-provinsi');
    if (draft.provinsi) {
      province.value = draft.provinsi;
      fillRegencies(document.getElementById('k-regency'), province.value, draft.regency || '');
      fillOffices(province.value, draft.office || '');
    }
    Array.prototype.forEach.call(form.elements, (node) => {
      if (!node.name || !(node.name in draft) || ['provinsi', 'regency', 'office'].indexOf(node.name) >= 0) return;
      if (node.type === 'checkbox') node.checked = !!draft[node.name];
      else node.value = draft[node.name];
    });
    return true;
  }

  function problems() {
    const all = verdict();
    return spec.fields.map((f) => show(f, all.filter((d) => fieldOf(d) === f))).filter(Boolean);
  }

  function showProblems(list, quiet) {
    errorBox.textContent = '';
    if (!list.length) { errorBox.hidden = true; return; }
    errorBox.appendChild(el('p', {}, 'Periksa ' + list.length + ' isian berikut:'));
    const ul = el('ul');
    list.forEach((p) => {
      const li = el('li');
      const a = el('a', { href: '#k-' + p.field.key }, p.problem);
      li.appendChild(a);
      ul.appendChild(li);
    });
    errorBox.appendChild(ul);
    errorBox.hidden = false;
    if (!quiet) errorBox.focus();
  }

  function newFileUrl(info, withText) {
    const query = 'filename=' + encodeURIComponent(info.name) + (withText ? '&value=' + encodeURIComponent(info.text) : '');
    return spec.repository + '/new/' + spec.branch + '/' + info.folder + '?' + query;
  }

  function init(data) {
    spec = data;
    spec.fields.forEach((f) => { fieldsBox.appendChild(buildField(f)); });
    if (spec.repository) document.getElementById('kirim-github').hidden = false;
    const restored = loadDraft();
    form.hidden = false;
    refresh();
    if (restored) statusBox.textContent = 'Draf sebelumnya dipulihkan.';
    form.addEventListener('input', refresh);
    form.addEventListener('change', (e) => {
      refresh();
      const f = spec.fields.find((x) => 'k-' + x.key === e.target.id);
      if (f) check(f);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const list = problems();
      showProblems(list);
      if (list.length || !spec.repository) return;
      const info = fileInfo();
      let url = newFileUrl(info, true);
      if (url.length > MAX_URL) {
        statusBox.textContent = 'Berkas terlalu panjang untuk diisikan otomatis. Teks berkas sudah disalin: tempelkan di halaman GitHub yang terbuka.';
        copy(info.text);
        url = newFileUrl(info, false);
      }
      window.location.assign(url);
    });
    document.getElementById('kirim-salin').addEventListener('click', () => {
      const list = problems();
      showProblems(list, true);
      copy(fileInfo().text, carried(list));
    });
    document.getElementById('kirim-unduh').addEventListener('click', () => {
      const list = problems();
      showProblems(list, true);
      const info = fileInfo();
      const a = el('a', { href: URL.createObjectURL(new Blob([info.text], { type: 'text/yaml' })), download: info.name });
      document.body.appendChild(a);
      a.click();
      a.remove();
      statusBox.textContent = 'Berkas ' + info.name + ' diunduh. ' + (carried(list) ||
        'Unggah ke folder ' + info.folder + ' di GitHub.');
    });
    document.getElementById('kirim-hapus').addEventListener('click', () => {
      form.reset();
      fillRegencies(document.getElementById('k-regency'), '', '');
      fillOffices('', '');
      showProblems([]);
      refresh();
      try { localStorage.removeItem(DRAFT); } catch { /* nothing stored */ }
      statusBox.textContent = 'Draf dihapus.';
    });
  }

  // Copy and download never hand over a file silently: a file with errors says which it carries,
  // with the validator's codes.
  function carried(list) {
    if (!list.length) return '';
    return 'Berkas ini masih memuat kesalahan dan akan ditolak pemeriksa (' + list.length + ' isian: ' +
      list.map((p) => p.field.label + (p.codes.length ? ' ' + p.codes.join(', ') : '')).join('; ') + '). Perbaiki isian bertanda merah dulu.';
  }

  function copy(text, warning) {
    const done = function () { statusBox.textContent = 'Teks berkas disalin.' + (warning ? ' ' + warning : ''); };
    const fallback = function () {
      const range = document.createRange();
      range.selectNodeContents(yamlBox);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      statusBox.textContent = 'Teks berkas sudah dipilih: salin dengan menu peramban.' + (warning ? ' ' + warning : '');
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  // The text rules (fees, age, gender…) are Cek lowongan's: its engine (checkengine.js, loaded
  // before this script) and its rules file. Without them the form still works, and says that
  // those rules are checked only after sending.
  const rulesLoaded = fetch(form.dataset.rules).then((r) => {
    if (!r.ok || !window.AntarKerjaEngine) throw new Error(r.status);
    return r.json();
  }).then((data) => { textRules = { engine: window.AntarKerjaEngine, data: data }; }, () => {
    const note = el('p', { class: 'small', id: 'kirim-tanpa-aturan' }, 'Aturan teks (biaya, usia, jenis kelamin, tanda penipuan) belum termuat: semuanya diperiksa setelah berkas dikirim.');
    form.insertBefore(note, form.firstChild);
  });
  fetch(form.dataset.spec).then((r) => {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then((data) => rulesLoaded.then(() => { init(data); })).catch(() => { document.getElementById('kirim-gagal').hidden = false; });
})();
