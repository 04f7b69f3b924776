// Loggkontroll against a real PostgreSQL: by patient and by user, scoped to the
// verksamhetschef's units, in neutral words, a page at a time, and logged.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { searchAccessLog } from "@/modules/access-review/lib/search-access-log";
import { recordAccess } from "@/modules/audit/lib/record-access";
import { FLAG_CODES } from "@/modules/clinical/rules/flags";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { handleFlag } from "@/modules/flags/lib/handle-flag";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { createTeam, nonResponderWithQuestion } from "../support/scenario";

const today = todayInStockholm();
const period = { from: addDays(today, -30), to: today };

describe("Loggkontroll", () => {
  it("by patient: every access in the unit, who and what in neutral words, refusals too; the search is logged", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    await getPatientRecord({ actor: t.cm, episodeId: s.episode.id, asOf: today });
    await handleFlag({
      actor: t.gp,
      episodeId: s.episode.id,
      code: "SAFETY_RISK",
      note: "Bedömd.",
      decision: "RISK_ASSESSMENT_DONE",
    });
    // A psychiatrist of another unit tries: refused, and it shows.
    const stranger = actorOf(await createTestUser({ role: "PSYKIATER" }));
    await expect(
      getPatientRecord({ actor: stranger, episodeId: s.episode.id, asOf: today }),
    ).rejects.toMatchObject({
      status: 404,
    });

    const page = await searchAccessLog({ actor: t.vc, search: { patientIds: [s.patient.id], ...period } });
    expect(page.subjects).toEqual([
      {
        givenName: s.patient.givenName,
        familyName: s.patient.familyName,
        personnummer: s.patient.personnummer,
      },
    ]);
    expect(page.rows.map((r) => [r.user, r.role, r.action, r.what, r.refusal])).toEqual([
      [stranger.displayName, "PSYKIATER", "READ", "insats", "NOT_FOUND"],
      [t.gp.displayName, "ALLMANLAKARE", "UPDATE", "flagghantering", null],
      [t.cm.displayName, "VARDSAMORDNARE", "READ", "insats", null],
    ]);
    expect(page.next).toBeNull();
    const text = JSON.stringify(page.rows);
    for (const code of FLAG_CODES) expect(text).not.toContain(code);
    // Reading the log is logged, about the patient.
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.target, r.patientId])).toEqual(
      [["READ", "access-log:patient", s.patient.id]],
    );
    // Filtered by kind of event.
    const writes = await searchAccessLog({
      actor: t.vc,
      search: { patientIds: [s.patient.id], ...period, action: "UPDATE" },
    });
    expect(writes.rows.map((r) => r.what)).toEqual(["flagghantering"]);
  });

  it("by user: what they did in the unit, with the patient's identity; another unit's user or patient is not found", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    await getPatientRecord({ actor: t.cm, episodeId: s.episode.id, asOf: today });
    const page = await searchAccessLog({ actor: t.vc, search: { userId: t.cm.userId, ...period } });
    expect(page.rows.map((r) => [r.action, r.what, r.patient?.personnummer])).toEqual([
      ["READ", "insats", s.patient.personnummer],
    ]);
    const other = await createTeam();
    await expect(
      searchAccessLog({ actor: t.vc, search: { userId: other.cm.userId, ...period } }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      searchAccessLog({ actor: other.vc, search: { patientIds: [s.patient.id], ...period } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      searchAccessLog({ actor: t.cm, search: { userId: t.cm.userId, ...period } }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it("pages through a long log newest first, 50 at a time, without gaps or repeats", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    await systemDb().$transaction(async (tx) => {
      // One transaction: the log's trigger stamps every row with the same time, so paging must go by id too.
      for (let i = 0; i < 120; i++) {
        await recordAccess(tx, {
          userId: t.cm.userId,
          username: t.cm.username,
          unitId: t.unitId,
          patientId: s.patient.id,
          action: "READ",
          target: `contact:${i}`,
        });
      }
    });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await searchAccessLog({
        actor: t.vc,
        search: { patientIds: [s.patient.id], ...period, before },
      });
      seen.push(...page.rows.map((r) => r.id));
      before = page.next ?? undefined;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });
});
