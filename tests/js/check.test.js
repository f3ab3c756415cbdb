// Cek lowongan's pure functions (theme/static/js/check.js) without a browser: bucket hashes as
// antarkerja.site.outputs.check.bucket_of computes them, vacancy ids found in a pasted text,
// employer-name keys and pay claims. Run by tests/test_js_unit.py.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');

const check = require(path.join(__dirname, '..', '..', 'theme', 'static', 'js', 'check.js'));

test('bucket hashes are FNV-1a of the UTF-8 bytes, as bucket_of (Python) computes them', () => {
  // Values printed by antarkerja.site.outputs.check.bucket_of(text, 2**32).
  assert.strictEqual(check.fnv1a('operator-produksi-bekasi'), 2722144041);
  assert.strictEqual(check.fnv1a('pt sinarmas'), 2730386363);
  assert.strictEqual(check.fnv1a('kasir-toko-ceria-surabaya'), 1822696263);
  assert.strictEqual(check.fnv1a('é'), 513665217); // two bytes, not one UTF-16 unit
});

test('vacancy ids come from the site\'s links first, else from bare ids, at most five', () => {
  const url = 'lowongan/{id}/';
  const text = 'Info loker: https://antarkerja.example/lowongan/Operator-Produksi-Bekasi/ buruan daftar kasir-toko-ceria-surabaya';
  assert.deepStrictEqual(check.candidateIds(text, url), ['operator-produksi-bekasi']);
  assert.deepStrictEqual(check.candidateIds('kasir-toko-ceria-surabaya dan kasir-toko-ceria-surabaya', url), ['kasir-toko-ceria-surabaya']);
  const many = Array.from({ length: 8 }, (_, i) => 'admin-gudang-kota-' + i).join(' ');
  assert.strictEqual(check.candidateIds(many, url).length, 5);
  assert.deepStrictEqual(check.candidateIds('Dicari admin gudang, hubungi 0812', url), []);
});

test('employer keys: the words after a legal form, and pairs at the start of the first lines', () => {
  const nameWords = { forms: ['pt', 'cv'], anchors: ['pt', 'cv', 'rs'], max: 8 };
  const keys = check.nameKeys(check.textWords('lowongan kerja\ndibutuhkan segera di pt sinar jaya abadi'), nameWords);
  assert.ok(keys.includes('sinar jaya') && keys.includes('sinar'), keys);
  assert.ok(keys.includes('lowongan kerja'), keys); // a first line may be the name
  assert.ok(!keys.includes('pt sinar'), keys); // legal forms are left out
});

test('pay claims in a pasted text, in rupiah a month', () => {
  assert.deepStrictEqual(check.salaryClaims('gaji 12 juta per bulan'), [12000000]);
  assert.deepStrictEqual(check.salaryClaims('gaji: rp 4.500.000 + bonus'), [4500000]);
  assert.deepStrictEqual(check.salaryClaims('thp 7,5 jt'), [7500000]);
  assert.deepStrictEqual(check.salaryClaims('umur 25 tahun, gaji 50rb'), []); // under Rp 100.000: not a monthly wage
});
