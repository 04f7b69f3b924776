import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPrisma } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { checkHealth } from "@/modules/health/lib/check-health";
import { fromDbDate } from "@/lib/dates";
import { DEMO_USERS, seedDemo } from "@/modules/demo/lib/seed-demo";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import { loadEpisodeFacts } from "@/modules/episodes/lib/facts";

// The real Prisma CLI, offline, through the WebAssembly engine stand-in, on an
// empty database: deploy, status and drift. If an upgrade of Prisma or of the
// WASM engine breaks the stand-in, this fails here instead of in a deployment.
const fresh = `samvard_fresh_${process.pid}`;
const superuser = () => new pg.Client({ connectionString: process.env.TEST_SUPERUSER_DATABASE_URL });
const freshOwnerUrl = () => process.env.TEST_OWNER_DATABASE_URL!.replace(/\/samvard$/, `/${fresh}`);

async function asSuperuser(sql: string) {
  const client = superuser();
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => asSuperuser(`CREATE DATABASE ${fresh} OWNER samvard_owner`));
afterAll(() => asSuperuser(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`));

describe("Prisma Migrate offline", () => {
  it("migrate deploy applies every migration to an empty database, then status and diff agree", async () => {
    const env = { MIGRATE_DATABASE_URL: freshOwnerUrl(), DATABASE_URL: freshOwnerUrl() };
    const deploy = await runPrisma(["migrate", "deploy"], env);
    expect(deploy.output).toMatch(/applied/i);
    expect(deploy.code).toBe(0);

    const status = await runPrisma(["migrate", "status"], env);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);

    const diff = await runPrisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      env,
    );
    expect(diff.code).toBe(0);

    // The migrated database takes the demo seed, once.
    const prisma = createPrismaClient(freshOwnerUrl(), 1);
    try {
      const first = await seedDemo(prisma, "2026-11-22");
      expect(first.created).toEqual(DEMO_USERS.map((u) => u.username));
      expect(first.patients).toBeGreaterThanOrEqual(55);
      expect(await seedDemo(prisma, "2026-11-22")).toEqual({ created: [], patients: 0, visits: 0 });

      // One planned visit per unit with an agenda, and one held visit with recommendations, one unread by the GP.
      const visits = await prisma.visit.findMany({
        include: { items: { include: { recommendation: { include: { receipts: true } } } } },
        orderBy: { date: "asc" },
      });
      expect(visits.map((v) => [fromDbDate(v.date), v.items.length > 0])).toEqual([
        ["2026-11-01", true],
        ["2026-12-01", true],
        ["2026-12-01", true],
      ]);
      const receipts = visits[0]!.items.flatMap((i) => i.recommendation!.receipts);
      expect(receipts.filter((r) => r.role === "ALLMANLAKARE" && r.readAt === null)).toHaveLength(1);

      // The demo shows flags of every kind on the day it was seeded.
      const episodes = await prisma.episode.findMany();
      const codes = new Set<string>();
      const statuses = new Set<string>();
      for (const e of episodes) {
        const r = evaluateEpisode(
          await loadEpisodeFacts(prisma, e, "2026-11-22"),
          "2026-11-22",
          DEFAULT_RULE_SETTINGS,
        );
        r.flags.forEach((f) => codes.add(f.code));
        statuses.add(e.status);
      }
      expect([...codes].sort()).toEqual([...FLAG_CODES].sort());
      expect([...statuses].sort()).toEqual(["ACTIVE", "COMPLETED", "DEACTIVATED", "RELAPSE_PREVENTION"]);
      const psychiatrist = await prisma.user.findUniqueOrThrow({
        where: { username: "psykiater" },
        include: { memberships: true },
      });
      expect(psychiatrist.memberships).toHaveLength(2);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("the health check reports the test database up to date", async () => {
    expect(await checkHealth()).toEqual({
      httpStatus: 200,
      body: { status: "ok", database: "ok", migrations: "up to date" },
    });
  });
});
