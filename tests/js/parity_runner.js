// Runs the form's checker (theme/static/js/form.js, checkRecord) on records for
// tests/test_form_parity.py: node parity_runner.js SPEC.json RECORDS.json → one JSON line,
// {name: [[code, field], …]} for every record.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const form = require(path.join(__dirname, "..", "..", "theme", "static", "js", "form.js"));
const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const records = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const out = {};
for (const [name, record] of Object.entries(records)) {
  out[name] = form.checkRecord(record, spec).map((d) => [d.code, d.field]);
}
process.stdout.write(JSON.stringify({ codes: form.FORM_CODES, results: out }));
