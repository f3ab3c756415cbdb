// Query understanding (theme/static/js/query.js) against the shared conformance files, which
// tests/test_site_query.py and tests/test_site_search.py check against Python's
// antarkerja.site.query and search.regency_key. Run by tests/test_js_unit.py.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const query = require(path.join(root, 'theme', 'static', 'js', 'query.js'));
const conformance = (name) => JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'conformance', name), 'utf8'));
const file = conformance('query.json');

test('the conformance file has salary, education, filter and filler cases', () => {
  assert.ok(file.cases.length >= 40);
  for (const type of ['salary', 'education', 'filter', 'filler', 'alias', 'word']) {
    assert.ok(file.cases.some((c) => c.parts.some((p) => p[0] === type)), type);
  }
});

for (const c of file.cases) {
  test(`understands ${JSON.stringify(c.q)} (${c.note})`, () => {
    const u = query.understand(c.q, file.rules);
    assert.deepStrictEqual(
      { words: u.words, filters: u.filters, education: u.education, salary: u.salary, chips: u.chips, parts: u.parts.map((p) => [p.type, p.tokens.join(' ')]) },
      { words: c.words, filters: c.filters, education: c.education, salary: c.salary, chips: c.chips, parts: c.parts },
    );
  });
}

test('a removed chip leaves the rest of the query', () => {
  const u = query.understand('loker operator gaji 5 juta', file.rules);
  const salary = u.parts.find((p) => p.type === 'salary');
  assert.strictEqual(query.without(u, salary), 'loker operator');
});

test('a salary filter meets a vacancy range in the same unit only', () => {
  const f = query.understand('gaji 5 juta', file.rules).salary;
  assert.ok(query.salaryMatches(f, ['MONTH', 4900000, 5300000]));
  assert.ok(query.salaryMatches(f, ['MONTH', 3500000, 4500000])); // reaches 4.5 juta
  assert.ok(!query.salaryMatches(f, ['MONTH', 5600000, 6000000]));
  assert.ok(!query.salaryMatches(f, ['DAY', 150000, 250000]));
  assert.ok(!query.salaryMatches(f, null));
});

test('a long typed text is read in one pass', () => {
  const long = `${'gaji di atas '.repeat(2000)}5 juta ${'9.'.repeat(5000)}`;
  const started = Date.now();
  query.understand(long, file.rules);
  assert.ok(Date.now() - started < 2000);
});

// The file naming a regency's province (regencyKey), as search.regency_key.
const regencies = conformance('regency-keys.json');

test('the regency-key conformance file has cases', () => {
  assert.ok(regencies.cases.length >= 10);
});

for (const c of regencies.cases) {
  test(`${JSON.stringify(c.name)} → ${c.key} (${c.note})`, () => {
    assert.strictEqual(query.regencyKey(c.name), c.key);
  });
}
