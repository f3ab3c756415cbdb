// Runs the form's checker (theme/static/js/form.js, checkRecord) on records for
// tests/test_form_parity.py: node parity_runner.js SPEC.json RULES.json RECORDS.json → one JSON
// line, {codes, results: {name: [[code, field], …]}} for every record. RULES.json is
// cek-lowongan/aturan.json, run by Cek lowongan's engine (theme/static/js/checkengine.js) as the
// form page runs it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const js = path.join(__dirname, "..", "..", "theme", "static", "js");
const form = require(path.join(js, "form.js"));
const engine = require(path.join(js, "checkengine.js"));
const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const data = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const records = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
const text = { engine: engine, data: data };
const out = {};
for (const [name, record] of Object.entries(records)) {
  out[name] = form.checkRecord(record, spec, text).map((d) => [d.code, d.field]);
}
const codes = [...new Set([...form.FORM_CODES, ...data.rules.map((r) => r.code)])];
process.stdout.write(JSON.stringify({ codes: codes, results: out }));
