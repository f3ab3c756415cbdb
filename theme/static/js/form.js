/* /kirim-lowongan/: build the vacancy form from formulir.json (generated from the schema),
   show the file in the canonical layout of `antarkerja fmt` as it is typed, keep a draft in
   localStorage, and open GitHub's "new file" page with the file filled in. No framework. */
(function () {
  "use strict";

  /* ---- YAML in the canonical layout of antarkerja.records.fmt ------------------------------------ */

  var NOT_TEXT = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;
  // What PyYAML (allow_unicode) writes as it is; anything else forces double quotes.
  var PRINTABLE = /^[\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10fffe}]*$/u;
  var DATE_KEYS = ["date_posted", "valid_through", "date"];

  function plain(s) {
    // PyYAML's rules for a plain scalar in a block mapping, plus our own: anything that starts
    // like a number (codes, phones, times) is always quoted (antarkerja.records.fmt).
    if (!s || NOT_TEXT.test(s) || !PRINTABLE.test(s) || /^\s|\s$/.test(s)) return false;
    if (/^[0-9+\-.]/.test(s)) return false;
    if (/^[#,[\]{}&*!|>'"%@`]/.test(s) || /^[?:](\s|$)/.test(s)) return false;
    return !/:(\s|$)/.test(s) && !/\s#/.test(s);
  }

  var ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P"
  };

  function hex(code, width) { return ("0000000" + code.toString(16).toUpperCase()).slice(-width); }

  var ESCAPED = /[\0-\x1f"\\\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]|[\u{10000}-\u{10ffff}]/u;
  var WIDTH = 4096; // antarkerja.records.fmt dumps with width=4096: longer quoted lines fold

  function quoted(s, column, indent) {
    // PyYAML's double-quoted style (Emitter.write_double_quoted): escapes for quotes,
    // backslashes, controls, separators, the BOM and characters beyond the Basic Multilingual
    // Plane; a line past WIDTH folds at a space with a backslash, as PyYAML does.
    var chars = Array.from(s),
      out = '"',
      col = column + 1,
      start = 0,
      end = 0,
      piece;
    while (end <= chars.length) {
      var ch = end < chars.length ? chars[end] : null;
      if (ch === null || ESCAPED.test(ch)) {
        if (start < end) {
          piece = chars.slice(start, end).join("");
          out += piece;
          col += end - start;
          start = end;
        }
        if (ch !== null) {
          var code = ch.codePointAt(0);
          piece = ESCAPES[ch] || (code <= 0xff ? "\\x" + hex(code, 2) : code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8));
          out += piece;
          col += piece.length;
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === " " || start >= end) && col + (end - start) > WIDTH) {
        piece = chars.slice(start, end).join("") + "\\";
        if (start < end) start = end;
        out += piece + "\n" + indent;
        col = indent.length;
        if (chars[start] === " ") {
          out += "\\";
          col += 1;
        }
      }
      end += 1;
    }
    return out + '"';
  }

  function scalar(v, key, column, indent) {
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number") return String(v);
    if (DATE_KEYS.indexOf(key) >= 0 && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v; // dates stay dates
    return plain(v) ? v : quoted(v, column || 0, indent || "  ");
  }

  function ordered(obj, order) {
    var keys = Object.keys(order || {}).filter(function (k) { return k in obj; });
    Object.keys(obj).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    return keys;
  }

  function emit(obj, order, indent, out) {
    ordered(obj, order).forEach(function (key) {
      var v = obj[key],
        pad = indent;
      if (Array.isArray(v)) {
        out.push(pad + key + ":");
        v.forEach(function (item) { out.push(pad + "  - " + scalar(item, null, pad.length + 4, pad + "    ")); });
      } else if (v && typeof v === "object") {
        out.push(pad + key + ":");
        emit(v, (order || {})[key], indent + "  ", out);
      } else if (typeof v === "string" && v.indexOf("\n") >= 0 && PRINTABLE.test(v.replace(/\n/g, ""))) {
        out.push(pad + key + ": |");
        v.replace(/\n+$/, "").split("\n").forEach(function (line) { out.push(line ? pad + "  " + line : ""); });
      } else {
        out.push(pad + key + ": " + scalar(v, key, pad.length + key.length + 2, pad + "  "));
      }
    });
    return out;
  }

  function yaml(rec, order) {
    return emit(rec, order, "", []).join("\n") + "\n";
  }

  // Every character YAML or JavaScript reads as a line break becomes "\n" (U+2029 separates
  // paragraphs: a blank line). Written raw inside a `|` block, U+2028 would end the block and
  // let the rest of the line become a key of its own.
  function lineBreaks(text) {
    return text.replace(/\r\n?|\u2028|\x85/g, "\n").replace(/\u2029/g, "\n\n");
  }

  // One answer as the record holds it: lists without bullets, text areas without trailing
  // spaces, one-line answers with their whitespace collapsed (tabs included).
  function answer(raw, widget, key) {
    var text = lineBreaks(raw);
    if (widget === "list") {
      var items = text.split("\n").map(function (s) { return s.replace(/^\s*(?:[-*•]|\d{1,9}[.)])\s/, "").trim(); });
      items = items.filter(Boolean);
      return items.length ? items : null;
    }
    if (widget === "textarea") {
      text = text.split("\n").map(function (s) { return s.trimEnd(); }).join("\n").trim(); // trimEnd: /\s+$/ is quadratic
      return text ? text + (key === "description" ? "\n" : "") : null;
    }
    text = text.replace(/\s+/g, " ").trim();
    if (!text) return null;
    if (widget === "number") return /^\d+$/.test(text) ? parseInt(text, 10) : text;
    return text;
  }

  /* ---- the validator's verdict on one record ------------------------------------------ */
  // The single-record checks of `antarkerja validate` that the form decides, with the same
  // codes and fields: the schema's (required, type, limits, length, format) from
  // formulir.json, and rules R406–R415. tests/test_form_parity.py runs both on 500+ records.
  var FORM_CODES = ["S201", "S203", "S205", "S206", "S207", "S208", "S209", "R403", "R404", "R406", "R407", "R408", "R409", "R410", "R412", "R413", "R414", "R415", "W502", "W532", "W533", "W570"];
  // antarkerja.records.rules.vacancy.PLACEHOLDER: `ISI:` at a line start (case as written), and in any
  // case "tuliskan … di sini", "lorem ipsum", "[isi …]".
  var PLACEHOLDER_ISI = /(?:^|\n)[ \t]*ISI:/;
  var PLACEHOLDER_WORDS = /\btuliskan\b[^.\n]{0,120}\bdi\s+sini\b|\blorem\s+ipsum\b|\[(?:isi|diisi)\b[^\]\n]*\]/i;

  function at(rec, path) {
    var node = rec;
    for (var i = 0; i < path.length; i++) {
      if (!node || typeof node !== "object" || !(path[i] in node)) return undefined;
      node = node[path[i]];
    }
    return node;
  }

  function strings(value, path, out) {
    if (typeof value === "string") out.push([path, value]);
    else if (Array.isArray(value)) value.forEach(function (item, i) { strings(item, path + "[" + i + "]", out); });
    else if (value && typeof value === "object") Object.keys(value).forEach(function (k) { strings(value[k], path ? path + "." + k : k, out); });
    return out;
  }

  function addDays(iso, days) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function isDate(v) { return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v); }

  /* ---- the text rules (rules.scams), as `antarkerja validate` runs them on a record ------- */
  // `textRules` is {engine: checkengine.js, data: cek-lowongan/aturan.json}. The engine checks
  // one text; the validator checks a record's texts together: a rule's weak signals count
  // across all of them (rules.scams.TextRule.findings). So the weak patterns are first tried
  // one by one on every text, then each text is checked with the weak ones on or off.
  var compiled = null;

  function recordTexts(rec) { // rules.scams.record_texts
    var out = [
        ["title", rec.title],
        ["description", rec.description]
      ],
      employer = rec.employer || {},
      location = rec.location || {};
    out.push(["employer.name", employer.name], ["location.address", location.address], ["location.city", location.city]);

    function list(path, items) {
      (Array.isArray(items) ? items : []).forEach(function (t, i) { out.push([path + "[" + i + "]", t]); });
    }
    list("education.majors", (rec.education || {}).majors);
    ["responsibilities", "qualifications", "benefits"].forEach(function (name) { list(name, rec[name]); });
    list("disability.accommodations", (rec.disability || {}).accommodations);
    out.push(["apply.instructions", (rec.apply || {}).instructions], ["overseas.p3mi_name", (rec.overseas || {}).p3mi_name]);
    return out.filter(function (t) { return typeof t[1] === "string" && t[1]; });
  }

  function proseTexts(rec) { // rules.vacancy.texts (R412)
    var out = [
      ["title", rec.title],
      ["description", rec.description]
    ];
    ["responsibilities", "qualifications", "benefits"].forEach(function (name) {
      (Array.isArray(rec[name]) ? rec[name] : []).forEach(function (t, i) { out.push([name + "[" + i + "]", t]); });
    });
    if ((rec.apply || {}).instructions) out.push(["apply.instructions", rec.apply.instructions]);
    return out.filter(function (t) { return typeof t[1] === "string"; });
  }

  // The record conditions aturan.json marks validator-only (rules.scams: applies=…).
  function applies(rule, rec, rules) {
    var c = rules.textConditions[rule.code];
    if (!c) return true;
    var group = rec[c.group] || {};
    if (c.empty) return !group[c.empty];
    return c.notIn.indexOf(group[c.field]) < 0;
  }

  function textFindings(rec, text, rules) {
    var engine = text.engine,
      data = text.data;
    if (!compiled || compiled.data !== data) compiled = { data: data, env: engine.compile(data) };
    var env = compiled.env,
      fields = recordTexts(rec).map(function (t) { return { field: t[0], text: t[1], n: env.normalise(t[1]) }; }),
      out = [];
    data.rules.forEach(function (rule) {
      if (!applies(rule, rec, rules)) return;
      var kinds = {};
      rule.weak.forEach(function (source, i) {
        var one = Object.assign({}, rule, { strong: [], weak: [source], weakNeeded: 1 });
        if (fields.some(function (f) { return engine.check(env, [one], f.text, f.n).length; })) kinds[i] = true;
      });
      var weakOk = Object.keys(kinds).length >= rule.weakNeeded,
        used = Object.assign({}, rule, weakOk ? { weakNeeded: 0 } : { weak: [] });
      fields.forEach(function (f) {
        engine.check(env, [used], f.text, f.n).forEach(function (d) { out.push([rule.code, f.field, d.message]); });
      });
    });
    // W532: a domestic vacancy whose text is about working abroad (rules.scams.domestic_text_about_abroad).
    if ((rec.location || {}).country === "ID") {
      var leaving = new RegExp(rules.leaving, "m");
      fields.some(function (f) {
        var m = leaving.exec(f.n.norm);
        if (!m) return false;
        var begin = f.n.origin[m.index],
          stop = f.n.origin[m.index + m[0].length - 1] + 1;
        out.push(["W532", f.field, "lowongan dalam negeri, tetapi teksnya tentang bekerja ke luar negeri (\"" + f.text.slice(begin, stop).split(/\s+/).filter(Boolean).join(" ") + "\")"]);
        return true;
      });
    }
    return out;
  }

  function checkRecord(rec, spec, text) {
    var out = [],
      rules = spec.rules,
      said = {};

    function add(code, field, message, hint) {
      if (said[code + " " + field]) return;
      said[code + " " + field] = true;
      out.push({ code: code, field: field, message: message, hint: hint || "", warning: code.charAt(0) === "W" });
    }
    spec.fields.forEach(function (f) {
      var field = f.path.join("."),
        group = f.path.length > 1 ? f.path[0] : null;
      if (group && (rec[group] === undefined || rec[group] === null)) {
        if (rules.groups[group] && rules.groups[group].required) add("S201", group, "wajib diisi (" + rules.groups[group].label + ")", "isi bagian ini");
        return;
      }
      var v = at(rec, f.path),
        required = f.schemaRequired !== undefined ? f.schemaRequired : f.required;
      if (v === undefined || v === null) {
        if (required) add("S201", field, "wajib diisi (" + f.label + ")", "isi kolom ini");
        return;
      }
      if (f.widget === "number") {
        if (typeof v !== "number") return add("S203", field, "harus berupa bilangan bulat tanpa titik atau koma", "tulis angka saja");
        if (f.min !== undefined && v < f.min) add("S206", field, "nilai " + v + " di luar batas (minimal " + f.min + ")", "isi angka minimal " + f.min);
        if (f.max !== undefined && v > f.max) add("S206", field, "nilai " + v + " di luar batas (maksimal " + f.max + ")", "isi angka maksimal " + f.max);
        return;
      }
      if (typeof v !== "string" || f.widget === "date") return;
      var length = Array.from(v).length; // characters, as Python counts them
      if (f.maxlength !== undefined && length > f.maxlength) add("S208", field, "terlalu panjang (" + length + " karakter, maksimal " + f.maxlength + ")", "persingkat isinya");
      if (f.minlength !== undefined && length < f.minlength) add("S207", field, "terlalu pendek (" + length + " karakter, minimal " + f.minlength + ")", "lengkapi isinya");
      if (f.pattern && !new RegExp(f.pattern).test(v)) add("S205", field, "`" + v.slice(0, 60) + "` tidak sesuai format", "tulis sebagai " + (f.format || "format yang benar"));
    });
    if (rec.location && rec.location.province === "") add("S209", "location.province", "tidak boleh kosong", "pilih kabupaten/kota");
    var posted = rec.date_posted,
      until = rec.valid_through,
      verified = (rec.verification || {}).date;
    if (isDate(until) && isDate(posted)) {
      if (until < posted) add("R406", "valid_through", "berlaku sampai " + until + " sebelum tanggal tayang " + posted, "perbaiki salah satu tanggal");
      var limit = addDays(posted, rules.maxValidityDays);
      if (until > limit) add("R407", "valid_through", "masa tayang lebih dari " + rules.maxValidityDays + " hari setelah " + posted, "isi paling lambat " + limit + "; bila masih dibuka, perpanjang setelah diverifikasi ulang");
    }
    if (rec.employment_type === "pkwt" && typeof rec.contract_months === "number" && rec.contract_months > rules.maxPkwtMonths) {
      add("R408", "contract_months", "kontrak PKWT " + rec.contract_months + " bulan melebihi " + rules.maxPkwtMonths + " bulan", "PKWT paling lama 5 tahun termasuk perpanjangan; perpendek kontrak atau jadikan PKWTT");
    }
    var s = rec.salary;
    if (s && "disclosed" in s) {
      if (s.disclosed) {
        if (s.min === undefined || s.min === null || !s.unit) add("R409", "salary", "upah dicantumkan tetapi `min` atau `unit` kosong", "isi upah terendah");
        else if (s.max !== undefined && s.max !== null && typeof s.max === typeof s.min && s.max < s.min) add("R409", "salary.max", "upah tertinggi " + s.max + " lebih kecil dari upah terendah " + s.min, "tukar kedua nilai");
      } else if ((s.min !== undefined && s.min !== null) || (s.max !== undefined && s.max !== null)) {
        add("R409", "salary.disclosed", "`disclosed: false` tetapi ada angka upah", "hapus angkanya");
      }
    }
    var a = rec.apply;
    if (a && typeof a === "object" && !(a.url || a.email || a.phone || a.whatsapp || a.walk_in)) {
      add("R410", "apply", "tidak ada cara melamar", "isi minimal satu: tautan, email, telepon, WhatsApp atau datang langsung");
    }
    var employer = rec.employer;
    if (employer && "legal_form" in employer && rules.companyForms.indexOf(employer.legal_form) >= 0 && a && typeof a === "object" && !(a.url || a.walk_in || a.phone)) {
      var domain = (a.email || "").split("@").pop().toLowerCase();
      if ((a.email && rules.freeMail.indexOf(domain) >= 0) || (!a.email && a.whatsapp)) {
        add("W502", "apply", "perusahaan hanya bisa dihubungi lewat WhatsApp pribadi atau email gratis", "minta alamat email berdomain perusahaan, situs resmi, atau pilih datang langsung ke kantor pemverifikasi");
      }
    }
    // W570 (rules.vacancy.perpres_article_5_items): Perpres 57/2023 Art. 5 asks for the skills or
    // competence and, for work paid by time, the wage; the form writes domestic work only.
    var article5 = rules.article5,
      skills = rec.qualifications,
      pay = rec.salary;
    if (!(Array.isArray(skills) && skills.some(function (q) { return typeof q === "string" && q.trim(); }))) add("W570", "qualifications", article5.skills[0], article5.skills[1]);
    if (pay && typeof pay === "object" && !Array.isArray(pay) && pay.disclosed === false && article5.waged.indexOf(rec.employment_type) >= 0) add("W570", "salary.disclosed", article5.wage[0], article5.wage[1]);
    if (isDate(verified) && isDate(posted) && verified > posted) {
      add("R413", "verification.date", "diverifikasi " + verified + ", sesudah tanggal tayang " + posted, "lowongan baru boleh tayang setelah diverifikasi; perbaiki tanggalnya");
    }
    var age = rec.age || {},
      gender = rec.gender;
    if (rec.age && ((age.min !== undefined && age.min !== null) || (age.max !== undefined && age.max !== null)) && !age.justification) {
      add("R403", "age", "batas usia tanpa alasan", "isi `age.justification` dengan alasan pekerjaan membutuhkan batas usia itu, atau hapus `age`");
    }
    if (typeof age.min === "number" && typeof age.max === "number" && age.min > age.max) add("R403", "age.min", "usia minimal " + age.min + " lebih besar dari usia maksimal " + age.max, "tukar kedua nilai");
    if (gender && typeof gender === "object" && Object.keys(gender).length && !gender.justification) add("R404", "gender", "syarat jenis kelamin tanpa alasan", "isi `gender.justification` dengan alasan pekerjaan membutuhkannya, atau hapus `gender`");
    proseTexts(rec).some(function (t) { // R412: rules.vacancy.unsafe_link
      var targets = [],
        m,
        links = new RegExp(rules.markdownLink, "gi");
      while ((m = links.exec(t[1]))) targets.push(m[1]);
      var bad = targets.filter(function (x) { return x.split("/")[0].indexOf(":") >= 0 && !/^(?:https?:\/\/|mailto:|tel:)/i.test(x); }),
        bare = new RegExp(rules.bareScheme, "i").exec(t[1]);
      if (bad.length || bare) add("R412", t[0], "tautan tidak aman (\"" + Array.from(bad.length ? bad[0] : bare[0]).slice(0, 60).join("") + "\")", "pakai hanya tautan https://, mailto: atau tel:");
      return false;
    });
    if (text) {
      textFindings(rec, text, rules).forEach(function (d) { add(d[0], d[1], d[2], rules.textHints[d[0]]); });
    }
    var texts = strings(rec, "", []);
    texts.forEach(function (t) {
      for (var i = 0; i < t[1].length; i++) {
        if (rules.bidi.indexOf(t[1][i]) >= 0) {
          add("R414", t[0], "ada karakter tak terlihat U+" + hex(t[1].charCodeAt(i), 4) + " yang membalik arah teks", "hapus karakter itu (salin ulang teksnya dari sumber biasa)");
          break;
        }
      }
      if (PLACEHOLDER_ISI.test(t[1]) || PLACEHOLDER_WORDS.test(t[1])) {
        add("R415", t[0], "masih berisi teks contoh", "ganti dengan isi sebenarnya dari pemberi kerja, lalu periksa lagi");
      }
    });
    return out;
  }

  var api = { yaml: yaml, answer: answer, lineBreaks: lineBreaks, checkRecord: checkRecord, FORM_CODES: FORM_CODES };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  var form = document.getElementById("kirim");
  if (!form) return;
  var DRAFT = "antarkerja:kirim-lowongan";
  var MAX_URL = 7000; // longer prefilled URLs are refused by some browsers and by GitHub
  var textRules = null,
    spec,
    fieldsBox = document.getElementById("kirim-kolom");
  var yamlBox = document.getElementById("kirim-yaml");
  var nameBox = document.getElementById("kirim-nama");
  var statusBox = document.getElementById("kirim-status");
  var errorBox = document.getElementById("kirim-galat");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  /* ---- building the form ------------------------------------------------------------- */

  function labelFor(f, id) {
    var label = el("label", { for: id }, f.label + " ");
    label.appendChild(el("span", { class: "kirim-w" }, f.required ? "(wajib)" : "(boleh kosong)"));
    return label;
  }

  function helpText(f) {
    var parts = [f.help, f.format ? "Format: " + f.format + "." : "", f.widget === "list" ? "Satu butir per baris." : ""];
    return parts.filter(Boolean).join(" ");
  }

  function addOptions(select, options, first) {
    select.appendChild(el("option", { value: "" }, first));
    options.forEach(function (o) { select.appendChild(el("option", { value: o.value }, o.label)); });
  }

  function buildField(f) {
    var box = el("div", { class: "kirim-f" });
    var id = "k-" + f.key,
      helpId = id + "-bantuan",
      help = helpText(f);
    var described = help ? helpId : null;
    var control;
    if (f.widget === "region") {
      var group = el("fieldset", { "aria-describedby": described });
      group.appendChild(el("legend", {}, f.label + " (wajib)"));
      if (help) group.appendChild(el("span", { class: "kirim-h", id: helpId }, help));
      group.appendChild(labelFor({ label: "Provinsi", required: true }, "k-provinsi"));
      var province = el("select", { id: "k-provinsi", name: "provinsi", required: true });
      addOptions(province, spec.provinces.map(function (p) { return { value: p.code, label: p.name }; }), "— pilih provinsi —");
      group.appendChild(province);
      group.appendChild(labelFor({ label: "Kabupaten/kota", required: true }, id));
      control = el("select", { id: id, name: f.key, required: true });
      group.appendChild(control);
      province.addEventListener("change", function () {
        fillRegencies(control, province.value, "");
        fillOffices(province.value);
      });
      fillRegencies(control, "", "");
      box.appendChild(group);
      return box;
    }
    if (f.widget === "checkbox") {
      var line = el("div", { class: "kirim-c" });
      control = el("input", { type: "checkbox", id: id, name: f.key, "aria-describedby": described });
      line.appendChild(control);
      line.appendChild(el("label", { for: id }, f.label));
      box.appendChild(line);
      if (help) box.appendChild(el("span", { class: "kirim-h", id: helpId }, help));
      return box;
    }
    box.appendChild(labelFor(f, id));
    if (help) {
      var helpBox = el("span", { class: "kirim-h", id: helpId }, help);
      if (f.link) {
        helpBox.appendChild(document.createTextNode(" "));
        helpBox.appendChild(el("a", { href: f.link.href }, f.link.text));
      }
      box.appendChild(helpBox);
    }
    var common = { id: id, name: f.key, required: f.required, "aria-describedby": described, placeholder: f.placeholder };
    if (f.widget === "select") {
      control = el("select", common);
      addOptions(control, f.options, "— pilih —");
    } else if (f.widget === "office") {
      control = el("select", common);
      addOptions(control, [], "— pilih provinsi dulu —");
    } else if (f.widget === "textarea" || f.widget === "list") {
      common.rows = f.widget === "list" ? 3 : 6;
      common.maxlength = f.maxlength;
      control = el("textarea", common);
    } else {
      var type = { number: "number", date: "date", email: "email" } [f.widget] || "text";
      common.type = type;
      if (type === "number") {
        common.min = f.min;
        common.max = f.max;
        common.step = 1;
        common.inputmode = "numeric";
      }
      if (type === "text") common.maxlength = f.maxlength;
      if (f.key.indexOf("phone") >= 0 || f.key.indexOf("whatsapp") >= 0) {
        common.type = "tel";
        common.inputmode = "tel";
      }
      if (f.key === "apply_url") {
        common.type = "url";
        common.inputmode = "url";
      }
      control = el("input", common);
    }
    box.appendChild(control);
    return box;
  }

  // Offices of the chosen province (and national ones), with their ids: the id is what the
  // file holds and what an office page shows.
  function fillOffices(provinceCode, chosen) {
    var select = document.getElementById("k-office");
    if (!select) return;
    var keep = chosen !== undefined ? chosen : select.value;
    select.textContent = "";
    var list = spec.offices.filter(function (o) { return provinceCode && (o.province === provinceCode || o.national); });
    addOptions(select, list.map(function (o) { return { value: o.id, label: o.name + " (" + o.id + ")" }; }),
      provinceCode ? "— pilih kantor —" : "— pilih provinsi dulu —");
    select.value = list.some(function (o) { return o.id === keep; }) ? keep : "";
  }

  function fillRegencies(select, provinceCode, chosen) {
    select.textContent = "";
    var list = spec.regencies.filter(function (r) { return r.province === provinceCode; });
    addOptions(select, list.map(function (r) { return { value: r.code, label: r.name }; }),
      provinceCode ? "— pilih kabupaten/kota —" : "— pilih provinsi dulu —");
    select.value = chosen;
  }

  /* ---- reading the answers into a record ---------------------------------------------- */

  function value(f) {
    var node = document.getElementById("k-" + f.key);
    if (f.widget === "checkbox") return node.checked || null;
    return answer(node.value, f.widget, f.key);
  }

  function today() {
    var d = new Date(),
      pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function slugify(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function record() {
    var made = spec.record, // antarkerja.records.build_record: the rules `antarkerja new` and the issue path use
      rec = { status: made.status };
    spec.fields.forEach(function (f) {
      var v = value(f);
      if (v === null) return;
      var parent = rec;
      f.path.slice(0, -1).forEach(function (k) { parent = parent[k] = parent[k] || {}; });
      parent[f.path[f.path.length - 1]] = v;
    });
    var salary = rec.salary || {};
    rec.salary = salary.min !== undefined ? Object.assign({}, made.salaryStated, { min: salary.min, max: salary.max !== undefined ? salary.max : salary.min }) : Object.assign({}, made.salaryUnstated);
    var regency = spec.regencies.find(function (r) { return r.code === (rec.location || {}).regency; });
    var location = rec.location || {};
    rec.location = { country: made.country, province: regency ? regency.province : "" };
    Object.keys(location).forEach(function (k) { rec.location[k] = location[k]; });
    rec.date_posted = today();
    var base = slugify([rec.title || "", (rec.employer || {}).name || "", regency ? regency.short : ""].join(" "));
    rec.id = base.slice(0, spec.idLength).replace(/-+$/, "") || "lowongan-baru"; // urls.ID_BASE_LENGTH
    return { rec: rec, regency: regency };
  }

  /* ---- checking, preview, draft, submit ------------------------------------------------ */

  // The validator's verdict on the record as it stands (checkRecord), each finding placed at
  // the field it concerns: a group (`apply`, `salary`) at its first field, the province at
  // the regency, a list item at its list.
  function verdict() { return checkRecord(record().rec, spec, textRules); }

  function fieldOf(d) {
    var name = d.field.replace(/\[\d+\]$/, "");
    return spec.fields.find(function (f) { return f.path.join(".") === name; }) ||
      spec.fields.find(function (f) { return f.path.join(".").indexOf(name + ".") === 0; }) ||
      (name === "location.province" ? spec.fields.find(function (f) { return f.key === "regency"; }) : null) ||
      spec.fields.find(function (f) { return f.path[0] === name.split(".")[0]; });
  }

  function said(d) { return d.code + ": " + d.message + (d.hint ? " (" + d.hint + ")" : ""); }

  function show(f, found) {
    var node = document.getElementById("k-" + f.key),
      problem = found.map(said).join(" ");
    if (f.widget === "region" && !document.getElementById("k-provinsi").value) problem = "Pilih provinsi dulu. " + problem;
    var errId = "k-" + f.key + "-galat",
      old = document.getElementById(errId);
    if (old) old.remove();
    node.removeAttribute("aria-invalid");
    var described = (node.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== errId; });
    if (problem) {
      node.setAttribute("aria-invalid", "true");
      node.insertAdjacentElement("beforebegin", el("span", { class: "kirim-e", id: errId }, problem));
      described.push(errId);
    }
    if (described.length) node.setAttribute("aria-describedby", described.join(" "));
    else node.removeAttribute("aria-describedby");
    var blocking = found.some(function (d) { return !d.warning; }) || (f.widget === "region" && !document.getElementById("k-provinsi").value);
    var codes = found.filter(function (d) { return !d.warning; }).map(function (d) { return d.code; });
    return problem && blocking ? { field: f, problem: f.label + ": " + problem, codes: codes.filter(function (c, i) { return codes.indexOf(c) === i; }) } : null;
  }

  function check(f) {
    var all = verdict();
    return show(f, all.filter(function (d) { return fieldOf(d) === f; }));
  }

  function fileInfo() {
    var r = record(),
      province = r.regency && spec.provinces.find(function (p) { return p.code === r.regency.province; });
    return { text: yaml(r.rec, spec.order), name: r.rec.id + ".yml", folder: spec.folder + "/" + (province ? province.slug : "") };
  }

  function refresh() {
    var info = fileInfo();
    yamlBox.textContent = info.text;
    nameBox.textContent = info.folder + "/" + info.name;
    saveDraft();
  }

  function saveDraft() {
    var draft = {};
    Array.prototype.forEach.call(form.elements, function (node) {
      if (node.name) draft[node.name] = node.type === "checkbox" ? node.checked : node.value;
    });
    try { localStorage.setItem(DRAFT, JSON.stringify(draft)); } catch { /* private mode: no draft */ }
  }

  function loadDraft() {
    var draft;
    try { draft = JSON.parse(localStorage.getItem(DRAFT) || "null"); } catch { draft = null; }
    if (!draft) return false;
    var province = document.getElementById("k-provinsi");
    if (draft.provinsi) {
      province.value = draft.provinsi;
      fillRegencies(document.getElementById("k-regency"), province.value, draft.regency || "");
      fillOffices(province.value, draft.office || "");
    }
    Array.prototype.forEach.call(form.elements, function (node) {
      if (!node.name || !(node.name in draft) || ["provinsi", "regency", "office"].indexOf(node.name) >= 0) return;
      if (node.type === "checkbox") node.checked = !!draft[node.name];
      else node.value = draft[node.name];
    });
    return true;
  }

  function problems() {
    var all = verdict();
    return spec.fields.map(function (f) { return show(f, all.filter(function (d) { return fieldOf(d) === f; })); }).filter(Boolean);
  }

  function showProblems(list, quiet) {
    errorBox.textContent = "";
    if (!list.length) { errorBox.hidden = true; return; }
    errorBox.appendChild(el("p", {}, "Periksa " + list.length + " isian berikut:"));
    var ul = el("ul");
    list.forEach(function (p) {
      var li = el("li"),
        a = el("a", { href: "#k-" + p.field.key }, p.problem);
      li.appendChild(a);
      ul.appendChild(li);
    });
    errorBox.appendChild(ul);
    errorBox.hidden = false;
    if (!quiet) errorBox.focus();
  }

  function newFileUrl(info, withText) {
    var query = "filename=" + encodeURIComponent(info.name) + (withText ? "&value=" + encodeURIComponent(info.text) : "");
    return spec.repository + "/new/" + spec.branch + "/" + info.folder + "?" + query;
  }

  function init(data) {
    spec = data;
    spec.fields.forEach(function (f) { fieldsBox.appendChild(buildField(f)); });
    if (spec.repository) document.getElementById("kirim-github").hidden = false;
    var restored = loadDraft();
    form.hidden = false;
    refresh();
    if (restored) statusBox.textContent = "Draf sebelumnya dipulihkan.";
    form.addEventListener("input", refresh);
    form.addEventListener("change", function (e) {
      refresh();
      var f = spec.fields.find(function (x) { return "k-" + x.key === e.target.id; });
      if (f) check(f);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var list = problems();
      showProblems(list);
      if (list.length || !spec.repository) return;
      var info = fileInfo(),
        url = newFileUrl(info, true);
      if (url.length > MAX_URL) {
        statusBox.textContent = "Berkas terlalu panjang untuk diisikan otomatis. Teks berkas sudah disalin: tempelkan di halaman GitHub yang terbuka.";
        copy(info.text);
        url = newFileUrl(info, false);
      }
      window.location.assign(url);
    });
    document.getElementById("kirim-salin").addEventListener("click", function () {
      var list = problems();
      showProblems(list, true);
      copy(fileInfo().text, carried(list));
    });
    document.getElementById("kirim-unduh").addEventListener("click", function () {
      var list = problems();
      showProblems(list, true);
      var info = fileInfo(),
        a = el("a", { href: URL.createObjectURL(new Blob([info.text], { type: "text/yaml" })), download: info.name });
      document.body.appendChild(a);
      a.click();
      a.remove();
      statusBox.textContent = "Berkas " + info.name + " diunduh. " + (carried(list) ||
        "Unggah ke folder " + info.folder + " di GitHub.");
    });
    document.getElementById("kirim-hapus").addEventListener("click", function () {
      form.reset();
      fillRegencies(document.getElementById("k-regency"), "", "");
      fillOffices("", "");
      showProblems([]);
      refresh();
      try { localStorage.removeItem(DRAFT); } catch { /* nothing stored */ }
      statusBox.textContent = "Draf dihapus.";
    });
  }

  // Copy and download never hand over a file silently: a file with errors says which it carries,
  // with the validator's codes.
  function carried(list) {
    if (!list.length) return "";
    return "Berkas ini masih memuat kesalahan dan akan ditolak pemeriksa (" + list.length + " isian: " +
      list.map(function (p) { return p.field.label + (p.codes.length ? " " + p.codes.join(", ") : ""); }).join("; ") + "). Perbaiki isian bertanda merah dulu.";
  }

  function copy(text, warning) {
    var done = function () { statusBox.textContent = "Teks berkas disalin." + (warning ? " " + warning : ""); };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(yamlBox);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      statusBox.textContent = "Teks berkas sudah dipilih: salin dengan menu peramban." + (warning ? " " + warning : "");
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  // The text rules (fees, age, gender…) are Cek lowongan's: its engine (checkengine.js, loaded
  // before this script) and its rules file. Without them the form still works, and says that
  // those rules are checked only after sending.
  var rulesLoaded = fetch(form.dataset.rules).then(function (r) {
    if (!r.ok || !window.AntarKerjaEngine) throw new Error(r.status);
    return r.json();
  }).then(function (data) { textRules = { engine: window.AntarKerjaEngine, data: data }; }, function () {
    var note = el("p", { class: "small", id: "kirim-tanpa-aturan" }, "Aturan teks (biaya, usia, jenis kelamin, tanda penipuan) belum termuat: semuanya diperiksa setelah berkas dikirim.");
    form.insertBefore(note, form.firstChild);
  });
  fetch(form.dataset.spec).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (data) { return rulesLoaded.then(function () { init(data); }); }).catch(function () { document.getElementById("kirim-gagal").hidden = false; });
})();
