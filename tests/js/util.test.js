// The shared helpers (theme/static/js/util.js) without a browser: numbers and dates as
// antarkerja.wording writes them, the fetch budget. Run by tests/test_js_unit.py.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const util = require(path.join(root, 'theme', 'static', 'js', 'util.js'));
const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'conformance', 'wording.json'), 'utf8'));

test('rupiah amounts as wording.rupiah writes them', () => {
  assert.ok(cases.rupiah.length >= 8);
  for (const [amount, text] of cases.rupiah) assert.strictEqual(util.digits(amount), text, String(amount));
});

test('dates as wording.tanggal writes them, with the month names the page carries', () => {
  assert.strictEqual(cases.months.length, 12);
  for (const [iso, text] of cases.dates) assert.strictEqual(util.dateText(iso, cases.months), text, iso);
  assert.strictEqual(util.dateText('2026-13-01', cases.months), '');
  assert.strictEqual(util.dateText('kemarin', cases.months), '');
  assert.strictEqual(util.dateText(undefined, cases.months), '');
});

test('a local date is written as YYYY-MM-DD', () => {
  assert.strictEqual(util.isoDate(new Date(2026, 0, 5)), '2026-01-05');
  assert.strictEqual(util.isoDate(new Date(2026, 11, 31, 23, 59)), '2026-12-31');
});

const answer = (body, status, length) => () => Promise.resolve({
  ok: status < 300,
  status: status,
  headers: { get: (name) => (name === 'content-length' && length !== undefined ? String(length) : null) },
  text: () => Promise.resolve(body),
});

test('fetchJson reads JSON within its budget and refuses what is over it', async () => {
  global.fetch = answer('{"a": 1}', 200);
  assert.deepStrictEqual(await util.fetchJson('/x.json', 100), { a: 1 });
  global.fetch = answer('{"a": "' + 'x'.repeat(200) + '"}', 200);
  await assert.rejects(util.fetchJson('/x.json', 100), /over budget/);
  global.fetch = answer('{}', 200, 5000000); // a declared length over budget: not even read
  await assert.rejects(util.fetchJson('/x.json', 100), /over budget/);
});

test('fetchJson gives the fallback for a missing file, and an error without one', async () => {
  global.fetch = answer('nicht gefunden', 404);
  assert.deepStrictEqual(await util.fetchJson('/x.json', 100, { items: {} }), { items: {} });
  await assert.rejects(util.fetchJson('/x.json', 100), /HTTP 404/);
  delete global.fetch;
});
