import path from "node:path";
import { defineConfig } from "vitest/config";

// Runs scripts/bench/briefing-parts.measure.ts for scripts/bench/briefing.ts: vitest loads the app's server modules
// and @react-pdf/renderer (ESM only) in plain Node as the integration tests do, `server-only` mapped to nothing.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "../.."),
      "server-only": path.resolve(import.meta.dirname, "../../tests/support/empty-module.ts"),
    },
  },
  test: {
    root: path.resolve(import.meta.dirname, "../.."),
    include: ["scripts/bench/briefing-parts.measure.ts"],
    testTimeout: 3_600_000,
  },
});
