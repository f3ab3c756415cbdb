// Slugs and new vacancy ids in the web form (theme/static/js/form.js) against the shared
// conformance file, which tests/test_slug_conformance.py checks against Python's urls.slugify
// and urls.vacancy_id. Run: node --test tests/js/ (tests/test_js_unit.py does it in CI).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const form = require(path.join(root, 'theme', 'static', 'js', 'form.js'));
const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'conformance', 'slugs.json'), 'utf8'));

test('the conformance file has slug and id cases, some with nothing left', () => {
  assert.ok(cases.slugs.length >= 20 && cases.ids.length >= 5);
  assert.ok(cases.slugs.some((c) => c.slug === '') && cases.ids.some((c) => c.id.length === cases.idLength));
});

for (const c of cases.slugs) {
  test('slug of ' + JSON.stringify(c.text) + ' (' + c.note + ')', () => {
    assert.strictEqual(form.slugify(c.text), c.slug);
  });
}

for (const c of cases.ids) {
  test('id of ' + JSON.stringify(c.title.slice(0, 40)) + ' (' + c.note + ')', () => {
    assert.strictEqual(form.vacancyId(c.title, c.employer, c.place, cases.idLength), c.id);
  });
}
