// Helpers the site's scripts share (check.js, form.js): elements, numbers, dates, fetching.
// Words come from the page's data (antarkerja.wording, written by the build), never from here. A classic script: the page loads it before the scripts that use it (defer keeps the
// order); Node's test runner reads the same functions through `module` (tests/js/).
(() => {
  'use strict';

  // <tag attrs>children</tag>: an attribute that is null, undefined or false is left out,
  // true gives an empty one; children are nodes or strings (never parsed as markup).
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
    });
    if (typeof children === 'string') node.textContent = children;
    else(children || []).forEach((c) => { node.append(c); });
    return node;
  };

  // 4500000 → "4.500.000" (wording.rupiah): thousands with dots, rounded as Python rounds
  // (a half to the even neighbour: 998.5 → 998, where Math.round gives 999).
  const digits = (amount) => {
    const n = Number(amount);
    const floor = Math.floor(n);
    const rest = n - floor;
    const whole = rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  };

  const pad = (n) => (n < 10 ? '0' : '') + n;

  // A Date as YYYY-MM-DD on this phone's calendar (local time, as the reader sees the day).
  const isoDate = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());

  // "2026-11-25" → day, month name, year (wording.tanggal) with the page's month names; '' if no date.
  const dateText = (iso, months) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m && months[m[2] - 1] ? Number(m[3]) + ' ' + months[m[2] - 1] + ' ' + m[1] : '';
  };

  // JSON from this site, refused past `budget` bytes (the declared length, then the characters
  // that arrived): a phone on a metered plan never parses a file grown far past what the page
  // expects. An answer other than 2xx gives `missing` when one is given, else an error.
  const fetchJson = (url, budget, missing) => fetch(url, { credentials: 'omit' }).then((r) => {
    if (!r.ok && missing !== undefined) return missing;
    if (!r.ok) throw new Error('HTTP ' + r.status);
    if (Number(r.headers.get('content-length')) > budget) throw new Error('over budget');
    return r.text().then((text) => {
      if (text.length > budget) throw new Error('over budget');
      return JSON.parse(text);
    });
  });

  const api = { el: el, digits: digits, isoDate: isoDate, dateText: dateText, fetchJson: fetchJson };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else self.AntarKerjaUtil = api;
})();
