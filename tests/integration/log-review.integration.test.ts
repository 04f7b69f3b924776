// Loggkontroll's monthly selection and documented reviews against a real
// PostgreSQL: the rows the rules pick, with their reasons; a review saved
// once, listed as a report; scope, refusals and the access log.
import { describe, expect, it } from "vitest";
import { todayInStockholm } from "@/lib/dates";
import { systemDb } from "@/lib/db/client";
import {
  getReviewSelection,
  listLogReviews,
  recordLogReview,
} from "@/modules/access-review/lib/review-selection";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { insertLogRowsAsOwner } from "../support/log-rows";
import { createEpisodeScenario, createTeam } from "../support/scenario";

const MONTH = "2026-03";
// Tuesday 10 March 2026, 11:00 in Stockholm (CET), plus minutes.
const tuesday = (minutes = 0) => new Date(Date.parse("2026-03-10T10:00:00Z") + minutes * 60_000);
const saturday = new Date("2026-03-14T10:00:00Z");

async function month() {
  const t = await createTeam();
  const s = await createEpisodeScenario({ unitId: t.unitId, careManagerId: t.cm.userId, gpId: t.gp.userId });
  const cm2 = actorOf(await createTestUser({ role: "VARDSAMORDNARE", unitIds: [t.unitId] }));
  const others = await Promise.all(
    Array.from({ length: 20 }, () => createEpisodeScenario({ unitId: t.unitId, careManagerId: cm2.userId })),
  );
  const read = (user: { userId: string; username: string }, at: Date, patientId = s.patient.id) => ({
    at,
    userId: user.userId,
    username: user.username,
    unitId: t.unitId,
    patientId,
    target: `episode:${s.episode.id}?asOf=2026-03-10`,
  });
  const all = await insertLogRowsAsOwner(
    process.env.TEST_OWNER_DATABASE_URL!,
    [
      read(t.cm, tuesday()),
      read(cm2, tuesday(1)),
      read(t.gp, saturday),
      { ...read(t.psy, tuesday(2)), userId: null, username: "okänd", refusal: "NOT_FOUND" },
      // cm2 opens 20 of their own patients' records in 5 minutes: a burst.
      ...others.map((o, i) => read(cm2, tuesday(30 + i / 4), o.patient.id)),
      // A list at night names many patients but opens none.
      ...others.map((o) => ({
        ...read(cm2, new Date("2026-03-10T22:00:00Z"), o.patient.id),
        target: "caseload",
      })),
    ].flat(),
  );
  // The first four by name, then the 20 of the burst, then the lists.
  const [ordinary, noRelation, weekend, refused] = all;
  return { t, s, cm2, ids: { ordinary, noRelation, weekend, refused, list: all[4 + others.length] } };
}

describe("the month's selection", () => {
  it("picks accesses without a care relation, at weekends, in a burst, refused, and a sample; logged", async () => {
    const { t, s, cm2, ids } = await month();
    const sel = await getReviewSelection({ actor: t.vc, unitId: t.unitId, month: MONTH });
    const reasons = new Map(sel.items.map((i) => [i.id, i.reasons.filter((r) => r !== "SAMPLE")]));
    expect(reasons.get(ids.noRelation!)).toEqual(["NO_CARE_RELATION"]);
    expect(reasons.get(ids.weekend!)).toEqual(["OFF_HOURS"]);
    expect(reasons.get(ids.refused!)).toEqual(["REFUSED"]);
    expect(reasons.get(ids.ordinary!) ?? []).toEqual([]);
    const burst = sel.items.filter((i) => i.reasons.includes("MANY_PATIENTS"));
    expect(burst).toHaveLength(1);
    expect(burst[0]!.user).toBe(cm2.displayName);
    // Ten record accesses drawn as the sample; lists are never drawn.
    expect(sel.items.filter((i) => i.reasons.includes("SAMPLE"))).toHaveLength(10);
    expect(sel.items.some((i) => i.id === ids.list)).toBe(false);
    expect(sel.byReason.find((r) => r.reason === "OFF_HOURS")!.count).toBe(1);
    // Patients are shown by name, accesses in neutral words.
    const item = sel.items.find((i) => i.id === ids.noRelation)!;
    expect(item).toMatchObject({
      what: "insats",
      action: "READ",
      patient: { personnummer: s.patient.personnummer },
    });
    // The same selection on every look.
    const again = await getReviewSelection({ actor: t.vc, unitId: t.unitId, month: MONTH });
    expect(again.items.map((i) => [i.id, i.reasons])).toEqual(sel.items.map((i) => [i.id, i.reasons]));
    const logged = await accessRows({ userId: t.vc.userId });
    expect(logged.filter((r) => r.target === `access-log:review:${MONTH}`).map((r) => r.patientId)).toContain(
      s.patient.id,
    );
  });

  it("a documented review is saved once, shows on the selection and in the report; logged", async () => {
    const { t, ids } = await month();
    await expect(
      recordLogReview({
        actor: t.vc,
        unitId: t.unitId,
        accessLogId: ids.noRelation!,
        outcome: "FOLLOW_UP",
        comment: null,
      }),
    ).rejects.toMatchObject({ status: 400, fieldErrors: { comment: [expect.any(String)] } });
    const review = await recordLogReview({
      actor: t.vc,
      unitId: t.unitId,
      accessLogId: ids.noRelation!,
      outcome: "FOLLOW_UP",
      comment: "Fråga användaren varför.",
    });
    await expect(
      recordLogReview({
        actor: t.vc,
        unitId: t.unitId,
        accessLogId: ids.noRelation!,
        outcome: "OK",
        comment: null,
      }),
    ).rejects.toMatchObject({ status: 409 });
    const sel = await getReviewSelection({ actor: t.vc, unitId: t.unitId, month: MONTH });
    expect(sel.items.find((i) => i.id === ids.noRelation)!.review).toMatchObject({
      outcome: "FOLLOW_UP",
      comment: "Fråga användaren varför.",
      reviewer: t.vc.displayName,
    });
    expect(sel.reviewed).toBe(1);
    // Stockholm's date, not UTC's: between midnight and 01:00 (02:00 in summer) they differ.
    const today = todayInStockholm();
    const report = await listLogReviews({ actor: t.vc, unitId: t.unitId, from: "2026-01-01", to: today });
    expect(report.map((r) => [r.outcome, r.comment, r.what])).toEqual([
      ["FOLLOW_UP", "Fråga användaren varför.", "insats"],
    ]);
    // The reasons are the rules' own, not the form's.
    expect(report[0]!.reasons).toContain("NO_CARE_RELATION");
    expect(report[0]!.reasons).toEqual(sel.items.find((i) => i.id === ids.noRelation)!.reasons);
    expect(JSON.stringify(report)).not.toMatch(/personnummer|givenName/);
    const rows = await accessRows({ userId: t.vc.userId });
    expect(rows.find((r) => r.target === `log-review:${review.id}`)).toMatchObject({ action: "CREATE" });
  });

  it("an access the rules did not pick is not reviewed here", async () => {
    const { t, ids } = await month();
    const sel = await getReviewSelection({ actor: t.vc, unitId: t.unitId, month: MONTH });
    const unpicked = sel.items.some((i) => i.id === ids.ordinary) ? null : ids.ordinary!;
    if (unpicked)
      await expect(
        recordLogReview({
          actor: t.vc,
          unitId: t.unitId,
          accessLogId: unpicked,
          outcome: "OK",
          comment: null,
        }),
      ).rejects.toMatchObject({ status: 422 });
    // A list read is never picked.
    await expect(
      recordLogReview({
        actor: t.vc,
        unitId: t.unitId,
        accessLogId: ids.list!,
        outcome: "OK",
        comment: null,
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("another unit's access is not found; other roles may not", async () => {
    const { t, ids } = await month();
    const other = await createTeam();
    await expect(
      recordLogReview({
        actor: other.vc,
        unitId: other.unitId,
        accessLogId: ids.noRelation!,
        outcome: "OK",
        comment: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      getReviewSelection({ actor: other.vc, unitId: t.unitId, month: MONTH }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(getReviewSelection({ actor: t.cm, unitId: t.unitId, month: MONTH })).rejects.toMatchObject({
      status: 403,
    });
    expect(await systemDb().logReview.count({ where: { unitId: other.unitId } })).toBe(0);
  });
});
