// ESLint (flat config): Next.js's own rules (core web vitals: React, hooks, accessibility, imports, @next/next),
// typescript-eslint's recommended rules (without type information: decision 0010), and eslint-config-prettier last,
// which turns off every rule about layout, since Prettier formats the code.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig(
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    ".data/**",
    "next-env.d.ts",
  ]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { page: _page, ...rest } = filters` is how this code leaves properties out of an object.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  prettier,
);
