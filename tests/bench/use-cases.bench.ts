// `npm run bench:use-cases [-- region|nation]`: each route's use case called in
// this process on the benchmark's database, without HTTP, Next.js or React,
// under V8's profiler: its time per call (wall and CPU) and where the CPU goes
// (Prisma, the pg driver, the clinical core, the access log, the rest of the
// app). With `npm run bench:profile` (the same routes over HTTP) this shows
// what the framework adds and what the data work costs.
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { todayInStockholm } from "@/lib/dates";
import { openBenchDatabase } from "./scale/bench-db";
import { SCALES } from "./scale/generate";
import { BENCH_NOTE, findTargets } from "./http/scenarios";
import { summarizeProfile } from "./profile.bench";

type Call = { label: string; run: () => Promise<unknown> };

async function main() {
  const name = (process.argv[2] ?? "region") as keyof typeof SCALES;
  const today = todayInStockholm();
  const db = await openBenchDatabase(SCALES[name], { anchor: process.env.BENCH_ANCHOR ?? today });
  process.env.DATABASE_URL = db.appUrl;
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  let sessionId: string | undefined;
  try {
    const t = await findTargets(owner, today);
    const base = {
      credential: { kind: "session" as const, sessionId: "00000000-0000-4000-8000-0000000000b1" },
      requestId: "bench",
    };
    const psychiatrist = {
      ...base,
      userId: t.psychiatrist.id,
      username: t.psychiatrist.username,
      role: "PSYKIATER" as const,
      unitIds: t.unitIds10,
      units: t.unitIds10.map((id, i) => ({ id, name: `Enhet ${i + 1}` })),
    };
    const cm = {
      ...base,
      userId: t.careManager.id,
      username: t.careManager.username,
      role: "VARDSAMORDNARE" as const,
      unitIds: [t.unitId],
    };
    const gp = { ...cm, userId: t.gp.id, username: t.gp.username, role: "ALLMANLAKARE" as const };
    const chef = { ...cm, userId: t.chef.id, username: t.chef.username, role: "VERKSAMHETSCHEF" as const };
    const { getCaseload } = await import("@/modules/caseload/lib/get-caseload");
    const { parseCaseloadQuery } = await import("@/modules/caseload/rules/caseload-query");
    const { getFlaggedPatients } = await import("@/modules/caseload/lib/get-flagged");
    const { getPatientRecord } = await import("@/modules/episodes/lib/get-patient-record");
    const { reviewListWithNames } = await import("@/modules/review/lib/review-list");
    const { getVisit } = await import("@/modules/visits/lib/get-visit");
    const { getUnitReport } = await import("@/modules/reports/lib/unit-report");
    const { periodOf } = await import("@/modules/reports/rules/period");
    const { searchAccessLog } = await import("@/modules/access-review/lib/search-access-log");
    const { countAttention } = await import("@/modules/attention/lib/attention");
    const { getEpisode } = await import("@/modules/episodes/lib/get-episode");
    const { logContact } = await import("@/modules/contacts/lib/log-contact");
    const { resolveSession } = await import("@/modules/auth/lib/session");
    const { systemDb } = await import("@/lib/db/client");
    const session = await systemDb().session.create({ data: { userId: t.careManager.id } });
    sessionId = session.id;
    const weekAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    let n = 0;
    const calls: Call[] = [
      { label: "session lookup (every page)", run: () => resolveSession(session.id, { requestId: "bench" }) },
      {
        label: "Mina patienter",
        run: () => getCaseload({ actor: cm, asOf: today, query: parseCaseloadQuery({}) }),
      },
      {
        label: "patient page",
        run: () => getPatientRecord({ actor: cm, patientId: t.patientId, asOf: today }),
      },
      {
        label: "Flaggade patienter",
        run: () => getFlaggedPatients({ actor: gp, scope: "mina", asOf: today }),
      },
      {
        label: "Konsultlista, 10 units",
        run: () => reviewListWithNames({ actor: psychiatrist, asOf: today }),
      },
      {
        label: "a visit (and its print view)",
        run: () => getVisit({ actor: psychiatrist, visitId: t.visitId }),
      },
      {
        label: "Uppföljning, 12 months",
        run: () => getUnitReport({ actor: chef, unitId: t.unitId, period: periodOf("12m", today), today }),
      },
      {
        label: "Loggkontroll, one user's year",
        run: () =>
          searchAccessLog({
            actor: chef,
            search: { userId: t.careManager.id, from: periodOf("12m", today).from, to: today },
          }),
      },
      { label: "header count, uncached (10 units)", run: () => countAttention(psychiatrist, today) },
      {
        label: "API episode as of a week ago",
        run: () => getEpisode({ actor: cm, episodeId: t.episodeId, asOf: weekAgo }),
      },
      {
        label: "saving a contact",
        run: () =>
          logContact({
            actor: cm,
            episodeId: t.contactEpisodeIds[n++ % t.contactEpisodeIds.length]!,
            input: { date: today, type: "PHONE", counterpart: "PATIENT", reached: false, note: BENCH_NOTE },
          }),
      },
    ];
    const inspector = new Session();
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
    for (const call of calls) {
      for (let i = 0; i < 5; i++) await call.run();
      const runs = 40;
      await inspector.post("Profiler.start");
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await call.run();
      const wall = (performance.now() - t0) / runs;
      const { profile } = await inspector.post("Profiler.stop");
      const sum = summarizeProfile(profile as Parameters<typeof summarizeProfile>[0]);
      const cpu = sum.total / 1000 / runs;
      const parts = sum.categories
        .filter(([, us]) => us / 1000 / runs >= 0.1)
        .map(([c, us]) => `${c} ${(us / 1000 / runs).toFixed(1)}`)
        .join(", ");
      console.log(`${call.label}: ${wall.toFixed(1)} ms a call, CPU ${cpu.toFixed(1)} ms (${parts})`);
    }
    inspector.disconnect();
  } finally {
    await owner.query("DELETE FROM contact WHERE note = $1", [BENCH_NOTE]).catch(() => undefined);
    if (sessionId) await owner.query("DELETE FROM session WHERE id = $1", [sessionId]).catch(() => undefined);
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await owner.end();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
