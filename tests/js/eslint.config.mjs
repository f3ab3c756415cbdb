// The linter for the site's scripts (theme/static/js, theme/scripts), run by
// tests/test_js_lint.py from the repository root (file patterns are relative to it).
// Rules: ESLint's recommended set, plus the one dialect every script is written in: strict mode,
// const/let, arrow callbacks, single quotes. The parser stops at ES2019 syntax (optional catch
// binding is the newest syntax used), the floor of the phones the site serves (docs/architecture.md).
// search.js is an ES module; the other scripts are classic scripts, and the ones with pure
// functions export them to Node's test runner through `module`.
import js from "@eslint/js";
import globals from "globals";

const DIALECT = {
  "no-var": "error",
  "prefer-const": "error",
  "prefer-arrow-callback": "error",
  quotes: ["error", "single", { avoidEscape: true }],
  strict: ["error", "function"],
};

export default [
  {
    files: ["theme/static/js/**/*.js", "theme/scripts/**/*.js"],
    ...js.configs.recommended,
  },
  {
    files: ["theme/static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2019,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      // The YAML writer and the slug rule match control characters on purpose (to escape or drop them).
      "no-control-regex": "off",
      ...DIALECT,
    },
  },
  {
    // Scripts the build completes (antarkerja.site.scripts): it puts `const SETTINGS = {…};`
    // after their 'use strict'. The service workers run in their own global scope; the widget
    // runs on other sites, inside its own function.
    files: ["theme/scripts/**/*.js"],
    languageOptions: { ecmaVersion: 2019, sourceType: "script", globals: { ...globals.serviceworker } },
    rules: { ...DIALECT, strict: ["error", "global"] },
  },
  {
    files: ["theme/scripts/sematan.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: { strict: ["error", "function"] },
  },
  {
    files: ["theme/static/js/search.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: { strict: "off", "prefer-arrow-callback": "off", quotes: "off" },
  },
];
