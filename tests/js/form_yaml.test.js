// The form's YAML writer (theme/static/js/form.js) against the shared conformance file:
// every record must come out exactly as `antarkerja fmt` writes it (tests/test_form_conformance.py
// checks the same file against the Python writer). Run: node --test tests/js/
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const form = require(path.join(root, "theme", "static", "js", "form.js"));
const conformance = JSON.parse(fs.readFileSync(path.join(root, "tests", "fixtures", "conformance", "form-yaml.json"), "utf8"));

test("the conformance file has cases", () => {
  assert.ok(conformance.cases.length >= 100);
});

for (const c of conformance.cases) {
  test("writes " + c.name, () => {
    assert.strictEqual(form.yaml(c.record, conformance.order), c.yaml);
  });
}

test("line separators become line breaks, never raw", () => {
  assert.strictEqual(form.answer("satu\u2028example: true\u2029dua\x85tiga", "textarea", "description"), "satu\nexample: true\n\ndua\ntiga\n");
  assert.strictEqual(form.answer("satu\u2028dua\u2029tiga\x85empat", "text", "title"), "satu dua tiga empat");
  assert.deepStrictEqual(form.answer("- a\u2028- b", "list", "qualifications"), ["a", "b"]);
});

test("text areas keep tabs and inner spaces; one-line answers collapse them", () => {
  assert.strictEqual(form.answer("a\tb  c  \n\n", "textarea", "apply_instructions"), "a\tb  c");
  assert.strictEqual(form.answer(" a\t b ", "text", "title"), "a b");
  assert.strictEqual(form.answer("007", "number", "openings"), 7);
});

test("answers are read in linear time (50,000-character worst cases)", () => {
  const cases = [
    ["textarea", " ".repeat(50000) + "x"],
    ["textarea", (" ".repeat(100) + "\n").repeat(500)],
    ["list", "- ".repeat(25000) + "x"],
    ["text", "\u2028 ".repeat(25000) + "x"],
    ["number", "1".repeat(50000) + "x"],
  ];
  for (const [widget, text] of cases) {
    let best = Infinity;
    for (let run = 0; run < 3; run++) { // the best of three: a busy machine should not fail a linear pattern
      const start = process.hrtime.bigint();
      form.answer(text, widget, "description");
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    }
    assert.ok(best < 100, widget + ": " + best + " ms");
  }
});
