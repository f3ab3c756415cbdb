/* The rule engine of "Cek lowongan": the validator's text rules (cek-lowongan/aturan.json,
   exported from antarkerja.records.rules.scams) applied to a text. Normalisation and matching mirror
   antarkerja/records/textnorm.py and TextRule.matches/findings step by step. Pure functions, no DOM:
   the page (check.js) loads this file as a plain script (window.AntarKerjaEngine), and Node's
   test runner loads it with require() to run tests/trust/conformance.json, the cases Python
   also runs (tests/test_trust_conformance.py). No framework. */
(function (root) {
  'use strict';
  // ---------------------------------------------------------------- normalisation
  const CF = /\p{Cf}/u;
  const MARK = /[\p{Mn}\p{Me}\p{Cf}]/u;

  function makeNormaliser(tables) {
    const emphasis = tables.emphasis;
    const homo = tables.homoglyphs;
    const leet = tables.leet;

    function foldChar(ch) {
      if (CF.test(ch) || emphasis.indexOf(ch) >= 0) return '';
      let out = '';
      for (const part of ch.normalize('NFKD')) {
        if (MARK.test(part) || emphasis.indexOf(part) >= 0) continue;
        for (const low of part.toLowerCase()) {
          const mapped = Object.prototype.hasOwnProperty.call(homo, low) ? homo[low] : low;
          for (const c of mapped) out += c.codePointAt(0) > 0xffff ? '\ufffd' : c;
        }
      }
      return out;
    }

    function isLetter(c) { return c >= 'a' && c <= 'z'; }
    /* Returns {norm, origin}: origin[i] is the UTF-16 index in text of norm[i]. */
    return function (text) {
      const chars = [];
      const origin = [];
      let i = 0;
      for (const ch of text) {
        const f = foldChar(ch);
        for (let k = 0; k < f.length; k++) {
          chars.push(f[k]);
          origin.push(i);
        }
        i += ch.length;
      }
      const res = chars.slice();
      for (let j = 1; j < chars.length - 1; j++) {
        if (Object.prototype.hasOwnProperty.call(leet, chars[j]) && isLetter(chars[j - 1]) && isLetter(chars[j + 1])) {
          res[j] = leet[chars[j]];
        }
      }
      return { norm: res.join(''), origin: origin };
    };
  }

  // ---------------------------------------------------------------- matching
  function compile(data) {
    const c = data.clause;
    const env = {
      end: new RegExp(c.end, 'g'),
      negation: new RegExp(c.negation, 'm'),
      contrast: new RegExp(c.contrast, 'gm'),
      continues: new RegExp(c.continues, 'm'),
      listGoesOn: new RegExp(c.listGoesOn || '(?!)', 'm'),
      listLast: new RegExp(c.listLast || '(?!)', 'm'),
      chars: c.chars
    };
    const cache = {};

    function re(src, flags) {
      const key = flags + src;
      return cache[key] || (cache[key] = new RegExp(src, flags));
    }
    env.re = re;
    env.normalise = makeNormaliser(data.normalise);
    env.overseas = data.overseas || { abroad: '(?!)', noScheme: {} };
    return env;
  }

  function lastMatchEnd(regex, s) {
    regex.lastIndex = 0;
    let m, end = -1;
    while ((m = regex.exec(s))) { end = m.index + m[0].length; if (m[0] === '') regex.lastIndex++; }
    return end;
  }

  function clauseAround(env, norm, start, end) {
    let before = norm.slice(Math.max(0, start - env.chars), start);
    const cut = lastMatchEnd(env.end, before);
    if (cut >= 0) before = before.slice(cut);
    let after = norm.slice(end, end + env.chars);
    env.end.lastIndex = 0;
    const m = env.end.exec(after);
    if (m) after = after.slice(0, m.index);
    return [before, after];
  }

  function negated(env, before) {
    let scope = before;
    const cut = lastMatchEnd(env.contrast, scope);
    if (cut >= 0) scope = scope.slice(cut);
    let comma = scope.lastIndexOf(',');
    while (comma !== -1) {
      if (!env.continues.test(scope.slice(comma + 1))) { scope = scope.slice(comma + 1); break; }
      comma = comma > 0 ? scope.lastIndexOf(',', comma - 1) : -1;
    }
    return env.negation.test(scope);
  }

  /* As antarkerja.records.rules.scams.negated_list: an item of a negated list that goes on after it. */
  function negatedList(env, before, after) {
    if (!(env.listGoesOn.test(after) || env.listLast.test(before))) return false;
    const cut = lastMatchEnd(env.contrast, before);
    return env.negation.test(cut >= 0 ? before.slice(cut) : before);
  }

  function counts(env, rule, norm, start, end) {
    const ctx = clauseAround(env, norm, start, end);
    if (rule.negatable && (negated(env, ctx[0]) || negatedList(env, ctx[0], ctx[1]))) return false;
    if (rule.notAfter && env.re(rule.notAfter, 'm').test(ctx[0])) return false;
    return !(rule.notBefore && env.re(rule.notBefore, 'm').test(ctx[1]));
  }

  function matches(env, rule, norm) {
    if (rule.context && !env.re(rule.context, 'm').test(norm)) return [];
    const found = [];
    [
      [true, rule.strong],
      [false, rule.weak]
    ].forEach((group) => {
      group[1].forEach((src, index) => {
        const regex = env.re(src, 'gm');
        regex.lastIndex = 0;
        let m;
        while ((m = regex.exec(norm))) {
          const s = m.index;
          const e = m.index + m[0].length;
          if (e === s) { regex.lastIndex++; continue; }
          if (counts(env, rule, norm, s, e)) found.push([s, e, index, group[0]]);
        }
      });
    });
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] === b[3] ? 0 : a[3] ? 1 : -1));
    return found;
  }

  const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u061c\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g; // antarkerja.characters.INVISIBLE_CHARS
  const BLANKS = /\s+/;
  const LEADING_STOPS = /^[.;!? ]+/;

  function findings(env, rule, text, n) {
    const hits = matches(env, rule, n.norm);
    if (!hits.length) return [];
    const weakKinds = {};
    hits.forEach((h) => { if (!h[3]) weakKinds[h[2]] = true; });
    const weakOk = Object.keys(weakKinds).length >= rule.weakNeeded;
    const spans = [];
    hits.forEach((h) => {
      if (!(h[3] || weakOk)) return;
      const last = spans[spans.length - 1];
      if (last && h[0] <= last[1] + 1) last[1] = Math.max(last[1], h[1]);
      else spans.push([h[0], h[1]]);
    });
    return spans.map((sp) => {
      const begin = n.origin[sp[0]];
      const stopChar = n.origin[sp[1] - 1];
      const stop = stopChar + (text.codePointAt(stopChar) > 0xffff ? 2 : 1);
      const collapsed = text.slice(begin, stop).replace(INVISIBLE, '').split(BLANKS).filter(Boolean).join(' ');
      const phrase = Array.from(collapsed.replace(LEADING_STOPS, '')).slice(0, 80).join('');
      return {
        code: rule.code,
        severity: rule.severity,
        title: rule.title,
        advice: rule.advice,
        phrase: phrase,
        message: rule.message.replace('{phrase}', phrase)
      };
    });
  }

  /* Every finding for a text, in rule order (as antarkerja.records.rules.scams.check_text). */
  function check(env, rules, text, n) {
    n = n || env.normalise(text); // the page normalises once and passes it in
    let all = [];
    rules.forEach((rule) => { all = all.concat(findings(env, rule, text, n)); });
    return all;
  }

  /* Whether the text offers work abroad, and which destinations without an official placement
     scheme it names (as antarkerja.records.rules.scams.overseas_offer). */
  function overseasOffer(env, norm) {
    const o = env.overseas;
    return {
      abroad: env.re(o.abroad, 'm').test(norm),
      noScheme: Object.keys(o.noScheme).filter((name) => env.re(o.noScheme[name], 'm').test(norm))
    };
  }

  const api = {
    makeNormaliser: makeNormaliser,
    compile: compile,
    check: check,
    overseasOffer: overseasOffer,
    patterns: [CF, MARK, INVISIBLE, BLANKS, LEADING_STOPS]
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.AntarKerjaEngine = api;
})(typeof self !== 'undefined' ? self : this);
