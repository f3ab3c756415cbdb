/* The conformance cases (tests/trust/conformance.json) in Node's built-in test runner, without a
   browser: the engine Cek lowongan runs (theme/static/js/checkengine.js) must give exactly the
   findings the validator's Python gives. The rules come from the file the build publishes
   (cek-lowongan/aturan.json); tests/test_trust_conformance.py writes it and names it in
   ANTARKERJA_RULES, then runs `node --test` on this file. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");

const engine = require(path.join(__dirname, "..", "..", "theme", "static", "js", "checkengine.js"));
const rulesFile = process.env.ANTARKERJA_RULES;
const data = JSON.parse(fs.readFileSync(rulesFile, "utf8"));
const env = engine.compile(data);
const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "conformance.json"), "utf8")).cases;

test("there are enough cases, with and without findings", () => {
  assert.ok(cases.length >= 50);
  assert.ok(cases.some((c) => c.findings.length) && cases.some((c) => !c.findings.length));
});

cases.forEach((c, i) => {
  test(`case ${i}: ${JSON.stringify(c.text.slice(0, 60))}`, () => {
    const found = engine.check(env, data.rules, c.text).map((f) => [f.code, f.message]);
    assert.deepStrictEqual(found, c.findings);
    const overseas = engine.overseasOffer(env, env.normalise(c.text).norm);
    assert.strictEqual(overseas.abroad, c.abroad);
    assert.deepStrictEqual(overseas.noScheme, c.noScheme);
  });
});
