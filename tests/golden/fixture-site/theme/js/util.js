// Shared by check.js and form.js (loaded before them); words come from the page's data.
// Node's tests read it through `module` (tests/js/util.test.js). See docs/architecture.md.
(() => {
  'use strict';
  // Attributes: null/undefined/false left out, true empty. Children: nodes or text, never markup.
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => {
      const v = attrs[k];
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
    });
    if (typeof children === 'string') node.textContent = children;
    else(children || []).forEach((c) => node.append(c));
    return node;
  };

  // wording.rupiah: dots between thousands, a half rounded to even as Python does.
  const digits = (amount) => {
    const n = Number(amount);
    const floor = Math.floor(n);
    const rest = n - floor;
    return String(rest > 0.5 || (rest === 0.5 && floor % 2) ? floor + 1 : floor).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  };

  const pad = (n) => (n < 10 ? '0' : '') + n;
  const isoDate = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());

  // wording.tanggal, with the month names the page carries; '' if not a date.
  const dateText = (iso, months) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m && months[m[2] - 1] ? +m[3] + ' ' + months[m[2] - 1] + ' ' + m[1] : '';
  };

  // JSON refused past `budget` bytes (declared, then received); `missing` for a non-2xx answer.
  const fetchJson = (url, budget, missing) => fetch(url, { credentials: 'omit' }).then((r) => {
    if (!r.ok && missing !== undefined) return missing;
    if (!r.ok || +r.headers.get('content-length') > budget) throw new Error(r.ok ? 'over budget' : 'HTTP ' + r.status);
    return r.text().then((text) => {
      if (text.length > budget) throw new Error('over budget');
      return JSON.parse(text);
    });
  });

  const api = { el, digits, isoDate, dateText, fetchJson };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else self.AntarKerjaUtil = api;
})();
