// The unit tests as one plain vitest config, for Stryker's vitest runner
// (which cannot pick a project out of vitest.config.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.join(root, "src"),
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: { include: ["src/**/*.test.{ts,tsx}"], environment: "node" },
});
