// "Uppföljning" against a real PostgreSQL: the report's figures are the
// clinical core's evaluations of the unit's stored episodes, counted.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { loadFacts } from "@/modules/episodes/lib/facts";
import { conductCaseReview } from "@/modules/recommendations/lib/conduct-case-review";
import { markRecommendationRead } from "@/modules/recommendations/lib/mark-read";
import { getUnitReport } from "@/modules/reports/lib/unit-report";
import { periodOf } from "@/modules/reports/rules/period";
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { api } from "../support/api";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { createEpisodeScenario, createTeam } from "../support/scenario";

const today = todayInStockholm();
const period = periodOf("12m", today);

/** A unit's year: responders, a partial responder, a non-responder, one without baseline, one closed on sick leave. */
async function unitYear() {
  const t = await createTeam();
  const base = { unitId: t.unitId, careManagerId: t.cm.userId, gpId: t.gp.userId };
  const weekly = (from: number, to: number, step: number) =>
    Array.from({ length: Math.floor((to - from) / 7) + 1 }, (_, w) => ({
      day: from + 7 * w,
      total: Math.max(0, 30 - step * w),
    }));
  const scenarios = await Promise.all([
    createEpisodeScenario({ ...base, startDaysAgo: 200, scores: weekly(0, 98, 3) }),
    createEpisodeScenario({ ...base, startDaysAgo: 150, scores: weekly(0, 98, 1) }),
    createEpisodeScenario({ ...base, startDaysAgo: 100, scores: weekly(0, 84, 2) }),
    createEpisodeScenario({
      ...base,
      startDaysAgo: 90,
      scores: [
        { day: 0, total: 30 },
        { day: 50, total: 29 },
      ],
      contacts: [{ day: 60 }, { day: 70 }],
    }),
    createEpisodeScenario({ ...base, startDaysAgo: 30, contacts: [{ day: 3 }, { day: 10 }] }),
    createEpisodeScenario({
      ...base,
      startDaysAgo: 120,
      scores: weekly(0, 56, 2),
      status: { status: "COMPLETED", day: 60 },
    }),
  ]);
  await systemDb().episode.update({
    where: { id: scenarios[5]!.episode.id },
    data: { sickLeaveAtStart: 100 },
  });
  await systemDb().contact.updateMany({
    where: {
      episodeId: scenarios[5]!.episode.id,
      date: { gte: new Date(`${addDays(today, -70)}T00:00:00Z`) },
    },
    data: { sickLeave: 50 },
  });
  return { t, scenarios };
}

describe("Uppföljning", () => {
  it("counts the clinical core's evaluations of the unit's episodes", async () => {
    const { t, scenarios } = await unitYear();
    const { unit, careManagers } = await getUnitReport({ actor: t.vc, unitId: t.unitId, period });
    const fig = (key: string) => unit.figures.find((f) => f.key === key)!;

    // Counted independently: the stored facts, evaluated by the core on each episode's day 84.
    const rows = await systemDb().episode.findMany({
      where: { patient: { unitId: t.unitId } },
      select: { id: true, startDate: true },
    });
    const facts = await loadFacts(systemDb(), rows, today);
    const at84 = [...facts.values()]
      .filter((f) => {
        const d84 = addDays(f.startDate, DEFAULT_RULE_SETTINGS.twelveWeekDays);
        return d84 >= period.from && d84 <= today;
      })
      .map((f) => evaluateEpisode(f, addDays(f.startDate, 84), DEFAULT_RULE_SETTINGS))
      .filter((e) => e.baseline !== null && e.latest !== null);
    expect(fig("response12")).toMatchObject({
      numerator: at84.filter((e) => e.response).length,
      denominator: at84.length,
    });
    expect(fig("remission12")).toMatchObject({ numerator: at84.filter((e) => e.remission).length });
    expect(fig("response12").denominator).toBeGreaterThanOrEqual(3);

    expect(fig("enrollments").value).toBe(scenarios.length);
    expect(fig("activeCaseload").value).toBe(5);
    // Closed on sick leave: 100 % at the start, 50 % at the end.
    expect(fig("fullSickLeaveStart")).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fig("fullSickLeaveEnd")).toMatchObject({ numerator: 0, denominator: 1 });
    expect(careManagers).toEqual([expect.objectContaining({ id: t.cm.userId, name: t.cm.displayName })]);
    expect(unit.months).toHaveLength(12);

    // One logged read of the report, naming no patient.
    const logged = await accessRows({ userId: t.vc.userId });
    expect(logged.map((r) => [r.action, r.target, r.unitId, r.patientId])).toEqual([
      ["READ", `report:${period.from}..${period.to}`, t.unitId, null],
    ]);
  });

  it("counts a recommendation read by the GP, and names no patient anywhere in its result", async () => {
    const { t, scenarios } = await unitYear();
    // An episode without a care manager is counted for the unit, and under its own row.
    await systemDb().episode.update({
      where: { id: scenarios[4]!.episode.id },
      data: { careManagerId: null },
    });
    const r = await conductCaseReview({
      actor: t.psy,
      episodeId: scenarios[3]!.episode.id,
      text: "Byt preparat.",
    });
    let report = await getUnitReport({ actor: t.vc, unitId: t.unitId, period });
    expect(report.unit.figures.find((f) => f.key === "recommendationsRead")).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    expect(report.careManagers.map((c) => [c.id, c.name, c.report.episodes])).toEqual([
      [t.cm.userId, t.cm.displayName, 5],
      [null, "Ingen vårdsamordnare", 1],
    ]);
    await markRecommendationRead({
      actor: t.gp,
      episodeId: scenarios[3]!.episode.id,
      recommendationId: r.id,
    });
    report = await getUnitReport({ actor: t.vc, unitId: t.unitId, period });
    expect(report.unit.figures.find((f) => f.key === "recommendationsRead")).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    const text = JSON.stringify(report);
    for (const s of scenarios) {
      expect(text).not.toContain(s.patient.personnummer);
      expect(text).not.toContain(s.patient.familyName);
      expect(text).not.toContain(s.episode.id);
    }
  });

  it("is the verksamhetschef's, of their own units only", async () => {
    const { t } = await unitYear();
    await expect(getUnitReport({ actor: t.cm, unitId: t.unitId, period })).rejects.toMatchObject({
      status: 403,
    });
    const otherChef = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF" }));
    await expect(getUnitReport({ actor: otherChef, unitId: t.unitId, period })).rejects.toMatchObject({
      status: 404,
    });
    expect((await accessRows({ userId: t.cm.userId })).map((r) => r.refusal)).toEqual(["FORBIDDEN"]);
    expect((await accessRows({ userId: otherChef.userId })).map((r) => r.refusal)).toEqual(["NOT_FOUND"]);
  });
});

describe("the report in the HTTP API", () => {
  it("answers a verksamhetschef's token with the page's figures, and says what is wrong with a bad period", async () => {
    const { t } = await unitYear();
    const { token } = await createApiToken(systemDb(), { userId: t.vc.userId, name: "test", days: 1 });
    const path = (from: string, to: string, unitId = t.unitId) =>
      `/reports?unitId=${unitId}&from=${from}&to=${to}`;
    const res = await api<{ unit: { figures: { key: string; numerator: number }[] } }>(
      "GET",
      path(period.from, period.to),
      { token },
    );
    expect(res.status).toBe(200);
    const page = await getUnitReport({ actor: t.vc, unitId: t.unitId, period });
    expect(res.body.unit.figures.map((f) => [f.key, f.numerator])).toEqual(
      page.unit.figures.map((f) => [f.key, f.numerator]),
    );
    const backwards = await api("GET", path(period.to, period.from), { token });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ errors: { from: ["Från-datumet ligger efter till-datumet."] } });
    expect((await api("GET", path("2020-01-01", "2026-01-01"), { token })).status).toBe(400);
    const other = await createTestUser({ role: "VERKSAMHETSCHEF" });
    const otherToken = (await createApiToken(systemDb(), { userId: other.id, name: "test", days: 1 })).token;
    expect((await api("GET", path(period.from, period.to), { token: otherToken })).status).toBe(404);
  });
});
