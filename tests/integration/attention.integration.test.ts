// The header's counts of what waits for each user, and the psychiatrist's
// unanswered questions, against a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { changeStamp, clearAttentionCache, getAttention } from "@/modules/attention/lib/attention";
import { getFlaggedPatients } from "@/modules/caseload/lib/get-flagged";
import { getUnansweredQuestions } from "@/modules/flags/lib/unanswered-questions";
import { conductCaseReview } from "@/modules/recommendations/lib/conduct-case-review";
import { markRecommendationRead } from "@/modules/recommendations/lib/mark-read";
import { reviewListWithNames } from "@/modules/review/lib/review-list";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { insertLogRowsAsOwner } from "../support/log-rows";
import { createEpisodeScenario, createTeam, nonResponderWithQuestion } from "../support/scenario";

const today = todayInStockholm();

const counts = async (actor: Parameters<typeof getAttention>[0]) =>
  Object.fromEntries((await getAttention(actor)).map((i) => [i.key, `${i.count} ${i.label}`]));

describe("the header's counts", () => {
  it("are what each role's pages list, and nothing for the verksamhetschef", async () => {
    const t = await createTeam();
    await nonResponderWithQuestion(t);
    await nonResponderWithQuestion(t, "Remiss till psykiatrin?");

    const list = await reviewListWithNames({ actor: t.psy, asOf: today });
    expect(list.items).toHaveLength(2);
    expect(await counts(t.psy)).toEqual({
      "review-list": "2 på konsultlistan",
      questions: "2 obesvarade frågor",
    });

    // The GP's own flags, as "Flaggade patienter" opens: SAFETY_RISK and EARLY_NON_RESPONSE each.
    const flagged = await getFlaggedPatients({ actor: t.gp, scope: "mina", asOf: today });
    expect(flagged.flags).toHaveLength(4);
    expect(await counts(t.gp)).toEqual({ flags: "4 flaggor" });
    // None of these flags goes to the care manager: nothing waits.
    expect((await getFlaggedPatients({ actor: t.cm, scope: "mina", asOf: today })).flags).toEqual([]);
    expect(await getAttention(t.cm)).toEqual([]);

    expect(await getAttention(t.vc)).toEqual([]);
    // Counts name no patient and are no reads of the record: nothing logged.
    const logged = await systemDb().accessLog.count({
      where: { userId: { in: [t.psy.userId, t.gp.userId, t.cm.userId, t.vc.userId] }, target: "attention" },
    });
    expect(logged).toBe(0);
  });

  it("a GP's own patients only: a colleague's flags in the same unit are not counted", async () => {
    const t = await createTeam();
    const colleague = actorOf(await createTestUser({ role: "ALLMANLAKARE", unitIds: [t.unitId] }));
    await nonResponderWithQuestion({ ...t, gp: colleague });
    expect(await getAttention(t.gp)).toEqual([]);
    expect(await counts(colleague)).toEqual({ flags: "2 flaggor" });
  });

  it("follow a logged write in the user's units at once, and only there", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const other = await createTeam();
    const o = await nonResponderWithQuestion(other);
    expect(await counts(t.psy)).toEqual({
      "review-list": "1 på konsultlistan",
      questions: "1 obesvarad fråga",
    });

    // A patient put straight into the database, past every use case: no logged write, so the count is the cached one…
    await nonResponderWithQuestion(t, "Direkt i databasen");
    expect(await counts(t.psy)).toEqual({
      "review-list": "1 på konsultlistan",
      questions: "1 obesvarad fråga",
    });
    // … also after a write in another unit …
    await conductCaseReview({ actor: other.psy, episodeId: o.episode.id, text: "Fortsätt." });
    expect(await counts(t.psy)).toEqual({
      "review-list": "1 på konsultlistan",
      questions: "1 obesvarad fråga",
    });

    // … and a case review in this unit (logged) makes it count again: the first patient's question answered and
    // flags handled, the second patient counted.
    const review = await conductCaseReview({
      actor: t.psy,
      episodeId: s.episode.id,
      text: "Byt till mirtazapin.",
    });
    expect(await counts(t.psy)).toEqual({
      "review-list": "1 på konsultlistan",
      questions: "1 obesvarad fråga",
    });
    expect((await getUnansweredQuestions({ actor: t.psy })).map((q) => q.question)).toEqual([
      "Direkt i databasen",
    ]);
    // The recommendation now waits for the GP and the care manager.
    expect(await counts(t.gp)).toMatchObject({ recommendations: "1 att läsa" });
    expect(await counts(t.cm)).toEqual({ recommendations: "1 att läsa" });
    await markRecommendationRead({ actor: t.cm, episodeId: s.episode.id, recommendationId: review.id });
    expect(await getAttention(t.cm)).toEqual([]);
    expect(await counts(t.gp)).toMatchObject({ recommendations: "1 att läsa" });
  });

  it("are recomputed without a change when the cache is cleared (the day changing, the minute passing)", async () => {
    const t = await createTeam();
    await nonResponderWithQuestion(t);
    expect(await counts(t.psy)).toMatchObject({ questions: "1 obesvarad fråga" });
    await nonResponderWithQuestion(t, "Direkt i databasen");
    expect(await counts(t.psy)).toMatchObject({ questions: "1 obesvarad fråga" });
    clearAttentionCache();
    expect(await counts(t.psy)).toMatchObject({ questions: "2 obesvarade frågor" });
  });
});

describe("the change stamp", () => {
  it("is the latest carried-out write of the units asked for: not a read, not a refusal, not another unit", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const o = await nonResponderWithQuestion(other);
    const before = await changeStamp([t.unitId]);
    // Reads (the list) and another unit's write leave it.
    await reviewListWithNames({ actor: t.psy, asOf: today });
    await conductCaseReview({ actor: other.psy, episodeId: o.episode.id, text: "Fortsätt." });
    expect(await changeStamp([t.unitId])).toBe(before);
    // A refused write (another unit's psychiatrist) leaves it.
    await expect(
      conductCaseReview({ actor: other.psy, episodeId: s.episode.id, text: "Nej." }),
    ).rejects.toThrow();
    expect(await changeStamp([t.unitId])).toBe(before);
    // A carried-out write in the unit moves it; asking for both units gives the later.
    await conductCaseReview({ actor: t.psy, episodeId: s.episode.id, text: "Byt till mirtazapin." });
    const after = await changeStamp([t.unitId]);
    expect(after > before).toBe(true);
    expect(await changeStamp([other.unitId, t.unitId])).toBe(after);
    expect(await changeStamp([])).toBe("");
  });

  it("looks back one day only: a unit whose last write is older has none, and its next write is one", async () => {
    const t = await createTeam();
    const old = new Date(Date.now() - 26 * 3_600_000);
    await insertLogRowsAsOwner(process.env.TEST_OWNER_DATABASE_URL!, [
      { at: old, userId: t.cm.userId, unitId: t.unitId, action: "CREATE", target: "contact:old" },
    ]);
    expect(await changeStamp([t.unitId])).toBe("");
    const s = await nonResponderWithQuestion(t);
    await conductCaseReview({ actor: t.psy, episodeId: s.episode.id, text: "Fortsätt." });
    expect(await changeStamp([t.unitId])).not.toBe("");
  });
});

describe("the psychiatrist's unanswered questions", () => {
  it("lists the units' open questions oldest first, also of a closed episode, and logs a read per patient", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const psy = actorOf(await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId, other.unitId] }));
    const first = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      startDaysAgo: 30,
      reviewRequests: [{ day: 10, question: "Den äldsta" }],
      status: { status: "DEACTIVATED", day: 20 },
    });
    const second = await createEpisodeScenario({
      unitId: other.unitId,
      careManagerId: other.cm.userId,
      startDaysAgo: 30,
      reviewRequests: [{ day: 25, question: "Den nyare", by: other.gp.userId }],
    });
    // Answered: not listed.
    await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      startDaysAgo: 30,
      reviewRequests: [{ day: 5, question: "Besvarad" }],
    }).then((s) =>
      systemDb().reviewRequest.updateMany({
        where: { episodeId: s.episode.id },
        data: { answer: "Ja.", answeredAt: new Date(), answeredById: t.psy.userId },
      }),
    );

    const all = await getUnansweredQuestions({ actor: psy });
    expect(all.map((q) => [q.question, q.by, q.episodeOpen])).toEqual([
      ["Den äldsta", t.cm.displayName, false],
      ["Den nyare", other.gp.displayName, true],
    ]);
    expect(
      (await getUnansweredQuestions({ actor: psy, unitId: other.unitId })).map((q) => q.question),
    ).toEqual(["Den nyare"]);
    // Each unit's psychiatrist sees their own unit's only.
    expect((await getUnansweredQuestions({ actor: t.psy })).map((q) => q.question)).toEqual(["Den äldsta"]);

    const rows = (await accessRows({ userId: psy.userId })).filter(
      (r) => r.target === "unanswered-questions",
    );
    expect(rows.map((r) => [r.action, r.patientId, r.unitId])).toEqual([
      ["READ", first.patient.id, t.unitId],
      ["READ", second.patient.id, other.unitId],
      ["READ", second.patient.id, other.unitId],
    ]);
  });
});
