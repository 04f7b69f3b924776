import fs from "node:fs";

// The launcher has stopped PostgreSQL by now (SIGTERM, gracefulShutdown).
export default function teardown() {
  const dir = process.env.SAMVARD_E2E_DATA_DIR;
  if (dir?.includes("samvard-e2e-")) fs.rmSync(dir, { recursive: true, force: true });
}
