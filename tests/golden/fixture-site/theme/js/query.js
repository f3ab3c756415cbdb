// What a person typed, understood (antarkerja.site.query, the same steps from the same rules):
// filler words dropped, salary, education and filter phrases turned into filters, the rest
// searched as words. One pass over the tokens; no regular expression runs over typed text.
// Loaded before search.js (self.AntarKerjaQuery); Node's tests read it through `module`
// (tests/js/query.test.js, with tests/fixtures/conformance/query.json).
(() => {
  'use strict';
  const MAX_TOKEN = 40;
  const MAX_AMOUNT = 1e12;
  const isDigit = (c) => c >= '0' && c <= '9';
  const isWordChar = (c) => isDigit(c) || (c >= 'a' && c <= 'z') || c === '.' || c === ',';
  const fill = (t, o) => t.replace(/\{(\w+)\}/g, (_, k) => o[k]);
  // wording.rupiah for whole amounts (at most 13 digits here)
  const rupiah = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

  // Lower-case tokens without accents: letters, digits and the dots and commas of amounts.
  const tokens = (text) => {
    const folded = String(text).normalize('NFKD').toLowerCase();
    const out = [];
    let cur = '';
    for (const ch of `${folded} `) {
      if (ch.charCodeAt(0) > 127) continue; // accents and other scripts, as Python's ascii "ignore"
      if (isWordChar(ch)) cur += ch;
      else if (cur) {
        out.push(cur);
        cur = '';
      }
    }
    return out.map((t) => {
      let a = 0;
      let b = t.length;
      while (a < b && (t[a] === '.' || t[a] === ',')) a++;
      while (b > a && (t[b - 1] === '.' || t[b - 1] === ',')) b--;
      return t.slice(a, b);
    }).filter(Boolean);
  };

  // The longest phrase of `table` (a Set or an object) at token i, up to 4 tokens.
  const phrase = (toks, i, table) => {
    const has = (p) => (table instanceof Set ? table.has(p) : Object.prototype.hasOwnProperty.call(table, p));
    for (const n of [4, 3, 2, 1]) {
      if (i + n <= toks.length) {
        const p = toks.slice(i, i + n).join(' ');
        if (has(p)) return [p, n];
      }
    }
    return null;
  };

  const number = (t) => {
    if (!t || t.length > MAX_TOKEN || !isDigit(t[0])) return null;
    for (const c of t)
      if (!isDigit(c) && c !== '.' && c !== ',') return null;
    const groups = t.split('.');
    if (groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && !t.includes(',')) return Number(groups.join(''));
    let seps = 0;
    for (const c of t)
      if (c === '.' || c === ',') seps++;
    if (seps > 1) return null;
    return Number(t.replace(',', '.'));
  };

  const rawAmount = (toks, i, r) => {
    let t = toks[i];
    if (t.startsWith('rp') && t.length > 2 && isDigit(t[2])) t = t.slice(2); // "rp5.000.000"
    const n = number(t);
    const mult = (w) => (Object.prototype.hasOwnProperty.call(r.multipliers, w) ? r.multipliers[w] : null);
    if (n !== null) {
      if (i + 1 < toks.length && mult(toks[i + 1])) return [Math.round(n * mult(toks[i + 1])), 2];
      return n >= 100000 ? [Math.round(n), 1] : null;
    }
    let k = 0;
    while (k < t.length && (isDigit(t[k]) || t[k] === '.' || t[k] === ',')) k++;
    if (k && mult(t.slice(k))) {
      const m = number(t.slice(0, k));
      if (m !== null) return [Math.round(m * mult(t.slice(k))), 1];
    }
    return null;
  };

  const amountAt = (toks, i, r) => {
    const found = rawAmount(toks, i, r);
    return found && found[0] > 0 && found[0] <= MAX_AMOUNT ? found : null;
  };

  const salaryAt = (toks, i, r) => {
    let j = i;
    const lead = r.salaryLeads.includes(toks[j]);
    if (lead) j += 1;
    let kind = 'around';
    for (const [name, table] of [
        ['min', 'salaryMin'],
        ['max', 'salaryMax'],
        ['around', 'salaryAround']
      ]) {
      const hit = j < toks.length ? phrase(toks, j, new Set(r[table])) : null;
      if (hit) {
        kind = name;
        j += hit[1];
        break;
      }
    }
    if (j < toks.length && toks[j] === 'rp') j += 1;
    const amount = j < toks.length ? amountAt(toks, j, r) : null;
    if (!amount) {
      if (lead) {
        const unit = j < toks.length ? phrase(toks, j, r.units) : null;
        if (unit && j === i + 1) return [{ unit: r.units[unit[0]] }, unit[1] + 1];
      }
      return null;
    }
    if (!lead && kind === 'around' && amount[1] === 1 && number(toks[j]) !== null) return null; // "operator 12"
    j += amount[1];
    const unit = j < toks.length ? phrase(toks, j, r.units) : null;
    if (unit) j += unit[1];
    return [{ unit: unit ? r.units[unit[0]] : 'MONTH', kind, amount: amount[0] }, j - i];
  };

  const salaryFilter = (s, r) => {
    if (!('amount' in s)) return { unit: s.unit, min: null, max: null };
    const a = s.amount;
    if (s.kind === 'min') return { unit: s.unit, min: a, max: null };
    if (s.kind === 'max') return { unit: s.unit, min: null, max: a };
    const spread = Math.max(s.unit === 'MONTH' ? r.aroundMin : 0, Math.floor(a / 10));
    return { unit: s.unit, min: a - spread, max: a + spread };
  };

  const salaryChip = (s, r) => {
    if (!('amount' in s)) return r.words.units[s.unit];
    return fill(r.words[`salary${s.kind[0].toUpperCase()}${s.kind.slice(1)}`], { amount: rupiah(s.amount), per: r.words.per[s.unit] });
  };

  // A vacancy's [unit, low, high] in rupiah (query.salary_figures) against a salary filter.
  const salaryMatches = (f, g) => !!g && g[0] === f.unit && (f.min === null || g[2] >= f.min) && (f.max === null || g[1] <= f.max);

  const summary = (parts, r) => {
    const words = [];
    const filters = [];
    const chips = [];
    let education = null;
    let salary = null;
    for (const p of parts) {
      if (p.type === 'word') words.push(p.tokens[0]);
      else if (p.type === 'alias') words.push(p.word);
      else if (p.type === 'filter' && !filters.some((f) => f[0] === p.filter[0] && f[1] === p.filter[1])) {
        filters.push(p.filter);
        p.chip = fill(r.words.filter, { value: p.filter[1] });
      } else if (p.type === 'education' && education === null) {
        education = p.level;
        p.chip = fill(r.words.education, { level: education });
      } else if (p.type === 'salary' && salary === null) {
        salary = salaryFilter(p.salary, r);
        p.chip = salaryChip(p.salary, r);
      }
      if (p.chip) chips.push(p.chip);
    }
    return { words: words.join(' '), parts, filters, education, salary, chips };
  };

  // {words, parts, filters, education, salary, chips} for the typed text (query.understand).
  const understand = (text, r) => {
    const toks = tokens(text);
    const parts = [];
    const filler = new Set(r.filler);
    const noEdu = new Set(r.noEducation);
    const edu = (w) => Object.prototype.hasOwnProperty.call(r.education, w);
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      const sal = salaryAt(toks, i, r);
      if (sal) {
        parts.push({ type: 'salary', tokens: toks.slice(i, i + sal[1]), salary: sal[0] });
        i += sal[1];
        continue;
      }
      let hit = phrase(toks, i, noEdu);
      if (hit) {
        parts.push({ type: 'education', tokens: toks.slice(i, i + hit[1]), level: r.noEducationLevel });
        i += hit[1];
        continue;
      }
      const lead = r.educationLeads.includes(t) && i + 1 < toks.length && edu(toks[i + 1]);
      if (lead || edu(t)) {
        const n = lead ? 2 : 1;
        parts.push({ type: 'education', tokens: toks.slice(i, i + n), level: r.education[toks[i + n - 1]] });
        i += n;
        continue;
      }
      hit = phrase(toks, i, r.filters);
      if (hit) {
        parts.push({ type: 'filter', tokens: toks.slice(i, i + hit[1]), filter: r.filters[hit[0]].slice() });
        i += hit[1];
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(r.aliases, t)) parts.push({ type: 'alias', tokens: [t], word: r.aliases[t] });
      else parts.push({ type: filler.has(t) ? 'filler' : 'word', tokens: [t] });
      i += 1;
    }
    return summary(parts, r);
  };

  // The typed query without one part (a removed chip), as tokens joined by spaces.
  const without = (u, part) => u.parts.filter((p) => p !== part).map((p) => p.tokens.join(' ')).join(' ');

  // The file naming the province of a regency a link names alone (search.regency_key): the
  // first two letters a–z of the name's last word.
  const regencyKey = (name) => (name.trim().split(/\s+/).pop() || '').toLowerCase().replace(/[^a-z]/g, '').slice(0, 2) || '_';

  const api = { tokens, understand, salaryMatches, without, regencyKey };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else self.AntarKerjaQuery = api;
})();
