import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always"],
    },
  },
  {
    // The classic compiler silently replaces a .server module imported by browser code with an
    // empty one. Only route modules (whose loaders and actions are stripped for the browser),
    // other .server modules, the server entry and tests may import them.
    files: ["app/**/*.{ts,tsx}"],
    ignores: [
      "app/routes/**",
      "app/**/*.server.{ts,tsx}",
      "app/entry.server.tsx",
      "app/server.ts",
      "app/**/*.test.{ts,tsx}",
      "app/test/**",
      "app/root.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "**/*.server.*", "~/**/*.server", "~/**/*.server.*"],
              message: "Browser code must not import a .server module.",
            },
            {
              group: ["~db/connection", "~db/migrate", "~db/seed*", "~db/sql", "better-sqlite3", "node:*"],
              message: "Browser code must not import server-only modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every word Accord writes comes from the catalogs (app/locales): no literal text in JSX, nor in
    // the attributes people read. Punctuation, symbols, numbers and the product's name pass.
    files: ["app/**/*.tsx"],
    ignores: ["app/**/*.test.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        { mode: "jsx-text-only", words: { exclude: [/^[\p{P}\p{S}\p{N}\s]*$/u, "Accord", "A"] } },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "JSXAttribute[name.name=/^(label|title|placeholder|alt|aria-label|aria-description|aria-valuetext|pendingLabel|hint|linkLabel|legend|caption|summary|emptyText|message)$/] > Literal[value=/[A-Za-z]/]",
          message: "Words people read come from the catalogs: use t().",
        },
      ],
    },
  },
);
