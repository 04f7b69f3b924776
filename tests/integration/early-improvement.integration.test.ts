// The patient page's advice (domain.md, "Early improvement"): the badge on
// days 14–41 and the trend line, from the stored scores.
import { describe, expect, it } from "vitest";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { todayInStockholm } from "@/lib/dates";
import { createEpisodeScenario, createTeam } from "../support/scenario";

const today = todayInStockholm();

/** A care manager's patient on day 25 with these scores, as the care manager's patient page shows it. */
async function pageOnDay25(scores: { day: number; total: number }[]) {
  const t = await createTeam();
  const s = await createEpisodeScenario({
    unitId: t.unitId,
    careManagerId: t.cm.userId,
    startDaysAgo: 25,
    scores,
  });
  return (await getPatientRecord({ actor: t.cm, episodeId: s.episode.id, asOf: today })).current!;
}

describe("early improvement on the patient page", () => {
  it("shows the badge and the trend for a patient without early improvement, on day 25", async () => {
    const current = await pageOnDay25([
      { day: 0, total: 30 },
      { day: 7, total: 29 },
      { day: 14, total: 29 },
      { day: 21, total: 28 },
    ]);
    expect(current.noEarlyImprovement).toBe(true);
    const trend = current.trend!;
    expect(trend.scores).toBe(4);
    expect(trend.points[0]!.day).toBe(0);
    expect(trend.points.at(-1)!.day).toBe(84);
    // Not a flag: the review list's flags do not include it.
    expect(current.episode.flags.map((f) => f.code)).not.toContain("EARLY_NON_RESPONSE");
  });

  it("no badge with early improvement, and no trend with three scores", async () => {
    const current = await pageOnDay25([
      { day: 0, total: 30 },
      { day: 7, total: 26 },
      { day: 21, total: 24 },
    ]);
    expect(current.noEarlyImprovement).toBe(false);
    expect(current.trend).toBeNull();
  });
});
