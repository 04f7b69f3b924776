// The psychiatrist's case review and the recommendation's way back to the GP
// and the care manager, against a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { answerReviewRequest } from "@/modules/flags/lib/answer-review-request";
import { conductCaseReview } from "@/modules/recommendations/lib/conduct-case-review";
import { markRecommendationRead } from "@/modules/recommendations/lib/mark-read";
import { getUnreadRecommendations } from "@/modules/recommendations/lib/unread";
import { reviewListWithNames } from "@/modules/review/lib/review-list";
import { accessRows, actorOf, createTestUnit, createTestUser } from "../support/factories";
import { createEpisodeScenario, createTeam, nonResponderWithQuestion } from "../support/scenario";

const today = todayInStockholm();

describe("a case review", () => {
  it("handles every open psychiatrist flag at once, answers the question, and is addressed to the GP and the care manager", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const before = await getPatientRecord({ actor: t.psy, episodeId: s.episode.id, asOf: today });
    expect(before.current!.episode.flags.map((f) => f.code)).toEqual([
      "SAFETY_RISK",
      "NO_RESPONSE",
      "EARLY_NON_RESPONSE",
      "MARKED_FOR_REVIEW",
    ]);
    const r = await conductCaseReview({
      actor: t.psy,
      episodeId: s.episode.id,
      text: "Byt till mirtazapin.",
    });
    expect(r.handledCodes.sort()).toEqual(["MARKED_FOR_REVIEW", "NO_RESPONSE", "SAFETY_RISK"]);

    const after = await getPatientRecord({ actor: t.gp, episodeId: s.episode.id, asOf: today });
    // EARLY_NON_RESPONSE goes to the GP only: still open.
    expect(after.current!.episode.flags.map((f) => f.code)).toEqual(["EARLY_NON_RESPONSE"]);
    expect(after.current!.reviewRequests).toMatchObject([
      { question: "Byte av SSRI?", answer: "Byt till mirtazapin." },
    ]);
    expect(after.current!.recommendations).toMatchObject([
      {
        text: "Byt till mirtazapin.",
        by: t.psy.displayName,
        receipts: [
          { userId: t.gp.userId, role: "ALLMANLAKARE", readAt: null },
          { userId: t.cm.userId, role: "VARDSAMORDNARE", readAt: null },
        ],
      },
    ]);
    expect((await accessRows({ userId: t.psy.userId })).map((a) => [a.action, a.target])).toContainEqual([
      "CREATE",
      `recommendation:${r.id}`,
    ]);
  });

  it("is the psychiatrist's: another role is refused, another unit's episode is not found", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    await expect(
      conductCaseReview({ actor: t.gp, episodeId: s.episode.id, text: "x" }),
    ).rejects.toMatchObject({
      status: 403,
    });
    const stranger = actorOf(await createTestUser({ role: "PSYKIATER" }));
    await expect(
      conductCaseReview({ actor: stranger, episodeId: s.episode.id, text: "x" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(await systemDb().recommendation.count({ where: { episodeId: s.episode.id } })).toBe(0);
  });
});

describe("the recommendation's way back", () => {
  it("waits on the addressees' start page until each marks it read, and the psychiatrist sees who has", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const r = await conductCaseReview({ actor: t.psy, episodeId: s.episode.id, text: "KBT-grupp." });
    expect((await getUnreadRecommendations({ actor: t.gp })).map((u) => u.recommendationId)).toEqual([r.id]);
    expect((await getUnreadRecommendations({ actor: t.cm })).map((u) => u.recommendationId)).toEqual([r.id]);
    expect(await getUnreadRecommendations({ actor: t.psy })).toEqual([]);

    const read = await markRecommendationRead({
      actor: t.gp,
      episodeId: s.episode.id,
      recommendationId: r.id,
    });
    const again = await markRecommendationRead({
      actor: t.gp,
      episodeId: s.episode.id,
      recommendationId: r.id,
    });
    expect(again.readAt).toBe(read.readAt); // reading again changes nothing
    expect(await getUnreadRecommendations({ actor: t.gp })).toEqual([]);
    expect(await getUnreadRecommendations({ actor: t.cm })).toHaveLength(1);

    const seen = await getPatientRecord({ actor: t.psy, episodeId: s.episode.id, asOf: today });
    expect(seen.current!.recommendations[0]!.receipts.map((x) => [x.role, x.readAt !== null])).toEqual([
      ["ALLMANLAKARE", true],
      ["VARDSAMORDNARE", false],
    ]);
    // Only an addressee marks it read; another unit does not even find it.
    await expect(
      markRecommendationRead({ actor: t.psy, episodeId: s.episode.id, recommendationId: r.id }),
    ).rejects.toMatchObject({ status: 404 });
    const stranger = actorOf(await createTestUser({ role: "ALLMANLAKARE" }));
    await expect(
      markRecommendationRead({ actor: stranger, episodeId: s.episode.id, recommendationId: r.id }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await getUnreadRecommendations({ actor: stranger })).toEqual([]);
  });
});

describe("a written answer between visits (e-konsultation)", () => {
  it("handles MARKED_FOR_REVIEW only, and waits on the asker's start page as well as the GP's and care manager's", async () => {
    const t = await createTeam();
    const colleague = actorOf(await createTestUser({ role: "ALLMANLAKARE", unitIds: [t.unitId] }));
    const s = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      gpId: t.gp.userId,
      startDaysAgo: 60,
      scores: [
        { day: 0, total: 30 },
        { day: 50, total: 28 },
      ],
      contacts: [{ day: 57 }],
      reviewRequests: [{ day: 55, question: "Remiss?", by: colleague.userId }],
    });
    const request = await systemDb().reviewRequest.findFirstOrThrow({ where: { episodeId: s.episode.id } });
    const answered = await answerReviewRequest({
      actor: t.psy,
      requestId: request.id,
      answer: "Ja, remiss.",
    });
    expect(answered).toMatchObject({ answer: "Ja, remiss." });

    const record = await getPatientRecord({ actor: t.psy, episodeId: s.episode.id, asOf: today });
    // The written answer is no case review: NO_RESPONSE stays for the visit.
    expect(record.current!.episode.flags.map((f) => f.code)).toContain("NO_RESPONSE");
    expect(record.current!.episode.flags.map((f) => f.code)).not.toContain("MARKED_FOR_REVIEW");
    expect(record.current!.recommendations).toMatchObject([
      { text: "Ja, remiss.", handledCodes: ["MARKED_FOR_REVIEW"] },
    ]);
    for (const who of [t.gp, t.cm, colleague]) {
      expect((await getUnreadRecommendations({ actor: who })).map((u) => u.text)).toEqual(["Ja, remiss."]);
    }
    await expect(
      answerReviewRequest({ actor: t.gp, requestId: request.id, answer: "Jag svarar." }),
    ).rejects.toMatchObject({ status: 403 });
    const stranger = actorOf(await createTestUser({ role: "PSYKIATER" }));
    await expect(
      answerReviewRequest({ actor: stranger, requestId: request.id, answer: "?" }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await accessRows({ userId: t.psy.userId })).map((a) => [a.action, a.target])).toContainEqual([
      "UPDATE",
      `review-request:${request.id}:answer`,
    ]);
  });

  it("can answer a question whose episode closed, without handling a flag", async () => {
    const t = await createTeam();
    const s = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      startDaysAgo: 30,
      scores: [{ day: 0, total: 30 }],
      reviewRequests: [{ day: 20 }],
      status: { status: "DEACTIVATED", day: 25 },
    });
    const request = await systemDb().reviewRequest.findFirstOrThrow({ where: { episodeId: s.episode.id } });
    await answerReviewRequest({ actor: t.psy, requestId: request.id, answer: "Sent svar." });
    expect(await systemDb().flagHandling.count({ where: { episodeId: s.episode.id } })).toBe(0);
    expect((await getUnreadRecommendations({ actor: t.cm })).map((u) => [u.text, u.episodeId])).toEqual([
      ["Sent svar.", s.episode.id],
    ]);
  });
});

describe("the Konsultlista page", () => {
  it("shows every score, the GP and care manager, and the last case review; a unit filter keeps to the unit", async () => {
    const t = await createTeam();
    const s = await nonResponderWithQuestion(t);
    const other = await createTestUnit();
    await createTestUser({ role: "PSYKIATER", unitIds: [other.id] });
    const psy = actorOf(await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId, other.id] }));
    await createEpisodeScenario({
      unitId: other.id,
      startDaysAgo: 60,
      scores: [
        { day: 0, total: 30 },
        { day: 57, total: 29 },
      ],
    });
    await conductCaseReview({ actor: t.psy, episodeId: s.episode.id, text: "Fortsätt." });
    // A new question puts the patient back on the list, now with its last review.
    await systemDb().reviewRequest.create({
      data: { episodeId: s.episode.id, question: "Igen?", requestedById: t.cm.userId },
    });
    const list = await reviewListWithNames({ actor: psy, unitId: t.unitId });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      episodeId: s.episode.id,
      scores: [
        { day: 0, total: 30 },
        { day: 50, total: 28 },
      ],
      gp: t.gp.displayName,
      careManager: t.cm.displayName,
      lastReview: { date: today, by: t.psy.displayName },
    });
    expect((await reviewListWithNames({ actor: psy })).items).toHaveLength(2);
  });
});
