// The linter for the site's scripts (theme/static/js), run by tests/test_js_lint.py.
// Run from the repository root (file patterns are relative to it). Rules: ESLint's recommended set. The scripts are plain browser scripts (one is an ES module),
// and two also export their pure functions to Node's test runner through `module`.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    files: ["theme/static/js/**/*.js"],
    ...js.configs.recommended,
  },
  {
    files: ["theme/static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, ...globals.serviceworker, module: "readonly" },
    },
    rules: {
      // The YAML writer and the slug rule match control characters on purpose (to escape or drop them).
      "no-control-regex": "off",
    },
  },
  {
    files: ["theme/static/js/search.js"],
    languageOptions: { sourceType: "module" },
  },
];
