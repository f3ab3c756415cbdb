// The file naming a regency's province (theme/static/js/query.js regencyKey) against the shared
// conformance file, which tests/test_site_search.py checks against Python's search.regency_key.
// Run by tests/test_js_unit.py.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const query = require(path.join(root, 'theme', 'static', 'js', 'query.js'));
const file = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'conformance', 'regency-keys.json'), 'utf8'));

test('the conformance file has cases', () => {
  assert.ok(file.cases.length >= 10);
});

for (const c of file.cases) {
  test(`${JSON.stringify(c.name)} → ${c.key} (${c.note})`, () => {
    assert.strictEqual(query.regencyKey(c.name), c.key);
  });
}
