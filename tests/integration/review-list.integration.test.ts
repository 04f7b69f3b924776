import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { addDays } from "@/lib/local-date";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { FLAG_CODES, isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import type { RuleSettings } from "@/modules/clinical/rules/settings";
import { arbSettings } from "@/modules/clinical/rules/test-builders";
import { loadEpisodeFacts, loadRuleSettings } from "@/modules/episodes/lib/facts";
import { reviewList, reviewListWithNames } from "@/modules/review/lib/review-list";
import { orderReviewList } from "@/modules/review/rules/order";
import { actorOf, createTestUnit, createTestUser } from "../support/factories";
import { TEST_SEED, testRandom } from "../support/random";
import { createEpisodeScenario } from "../support/scenario";

const BASE = "2026-06-01";

/** Random valid settings that differ from the defaults in every threshold the pre-filter reads. */
function randomSettings(seed: number): RuleSettings {
  return fc.sample(
    arbSettings.filter((s) => s.noResponseDays !== 56 && s.safetyRiskItem9 !== 4 && s.severeTotal !== 35),
    { seed, numRuns: 1 },
  )[0]!;
}

/** A unit of random episodes (seeded: a failure replays with the same TEST_SEED), with its own rule settings. */
async function randomUnit(name: string, episodes: number) {
  const random = testRandom(name);
  const int = (n: number) => Math.floor(random() * n);
  const unit = await createTestUnit();
  const settings = randomSettings(TEST_SEED + int(1_000_000));
  await systemDb().unitSettings.create({
    data: { unitId: unit.id, validFrom: new Date("2000-01-01"), ...settings },
  });
  for (let i = 0; i < episodes; i++) {
    const startDay = int(120);
    const closeDay = random() < 0.2 ? 30 + int(120) : null;
    const span = closeDay ?? 150;
    const count = int(14);
    const scores = [];
    const contacts = [];
    for (let c = 0; c < count; c++) {
      const day = int(span);
      const recordedDay = day + int(3);
      if (random() < 0.6) {
        const items = Array.from({ length: 9 }, () => int(7));
        scores.push({ day, total: items.reduce((a, b) => a + b, 0), items, recordedDay });
      } else {
        contacts.push({ day, reached: random() < 0.7, recordedDay });
      }
    }
    await createEpisodeScenario({
      unitId: unit.id,
      today: addDays(BASE, startDay),
      startDaysAgo: 0,
      scores,
      contacts,
      status:
        closeDay === null
          ? undefined
          : { status: random() < 0.5 ? "COMPLETED" : "DEACTIVATED", day: closeDay },
      handlings:
        random() < 0.3 ? [{ code: FLAG_CODES[int(FLAG_CODES.length)]!, day: int(120), time: "11:00" }] : [],
      reviewRequests: random() < 0.2 ? [{ day: int(100) }] : [],
    });
  }
  return { unit, settings };
}

/** The list as the pure core sees it: every episode of the units evaluated, no SQL pre-filter. */
async function pureList(unitIds: string[], asOf: string) {
  const settings = await loadRuleSettings(systemDb(), unitIds, asOf);
  const episodes = await systemDb().episode.findMany({
    where: { patient: { unitId: { in: unitIds } } },
    include: { patient: { select: { unitId: true } } },
  });
  const items = [];
  for (const e of episodes) {
    const facts = await loadEpisodeFacts(systemDb(), e, asOf);
    const r = evaluateEpisode(facts, asOf, settings.get(e.patient.unitId)!);
    if (r.flags.some((f) => isPsychiatristFlag(f.code))) {
      items.push({ episodeId: e.id, daysInTreatment: r.daysInTreatment, flags: r.flags.map((f) => f.code) });
    }
  }
  return orderReviewList(items);
}

describe("review list", () => {
  it("equals the pure evaluation of every episode, in order, at many dates, with each unit's own settings", async () => {
    const a = await randomUnit("review-list-a", 40);
    const b = await randomUnit("review-list-b", 40);
    expect(a.settings).not.toEqual(b.settings);
    const psychiatrist = await createTestUser({ role: "PSYKIATER", unitIds: [a.unit.id, b.unit.id] });
    const actor = actorOf(psychiatrist);
    let nonEmpty = 0;
    for (const asOf of [
      "2026-06-10",
      "2026-07-20",
      "2026-08-15",
      "2026-09-01",
      "2026-10-01",
      "2026-11-15",
      "2027-01-10",
    ]) {
      const list = await reviewList({ actor, asOf });
      const expected = await pureList([a.unit.id, b.unit.id], asOf);
      expect(list.items.map((i) => [i.episodeId, i.flags])).toEqual(
        expected.map((i) => [i.episodeId, i.flags]),
      );
      if (list.items.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3); // the data actually exercises the list
  });

  it("the page's list carries the patients' names and unit names from the same query", async () => {
    const unit = await createTestUnit();
    const { patient } = await createEpisodeScenario({
      unitId: unit.id,
      startDaysAgo: 3,
      scores: [{ day: 0, total: 30, item9: 5 }],
    });
    const psy = await createTestUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const list = await reviewListWithNames({ actor: actorOf(psy) });
    expect(list.items).toMatchObject([
      {
        patientId: patient.id,
        flags: ["SAFETY_RISK"],
        patient: {
          givenName: patient.givenName,
          familyName: patient.familyName,
          personnummer: patient.personnummer,
        },
        unitName: unit.name,
      },
    ]);
  });

  it("a unit filter outside the caller's units is 404; a verksamhetschef gets 403; both are logged refusals", async () => {
    const unit = await createTestUnit();
    const other = await createTestUnit();
    const psy = await createTestUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const chef = await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [unit.id] });
    await expect(reviewList({ actor: actorOf(psy), unitId: other.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(reviewList({ actor: actorOf(chef) })).rejects.toMatchObject({ status: 403 });
    const rows = await systemDb().accessLog.findMany({ where: { userId: { in: [psy.id, chef.id] } } });
    expect(rows.map((r) => [r.userId, r.refusal, r.unitId])).toEqual(
      expect.arrayContaining([
        [psy.id, "NOT_FOUND", other.id],
        [chef.id, "FORBIDDEN", null],
      ]),
    );
  });
});
