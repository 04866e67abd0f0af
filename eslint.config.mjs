// ESLint: typescript-eslint's recommended, type-aware rules, plus the house rules the
// developers' guide states (type-only imports, no floating promises). Formatting is Prettier's.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // bench/: the scale benchmark's peer, plain JavaScript with its own dependencies.
  { ignores: ["dist/", "node_modules/", "coverage/", "artifacts/", ".neo4j*/", "public/", "bench/", "*.config.js", "*.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Tests read GraphQL answers as loosely typed JSON.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  prettier,
);
