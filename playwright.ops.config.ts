import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The operations tests (tests/ops): each starts its own PostgreSQL and app
// instances (production's server) and, for the load balancer, nginx. No
// shared web server; one at a time, since they restart what they start.
export default defineConfig({
  testDir: "tests/ops",
  fullyParallel: false,
  workers: 1,
  timeout: 240_000,
  forbidOnly: base.forbidOnly,
  retries: 0,
  reporter: base.reporter,
  use: { locale: "sv-SE", timezoneId: "Europe/Stockholm", trace: "retain-on-failure" },
  projects: base.projects,
});
