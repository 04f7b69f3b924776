// The psychiatrist's monthly visit: its agenda from the review list as of the
// visit's date, editing it, the recommendation per item, and the scope of it
// all, against a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { getUnreadRecommendations } from "@/modules/recommendations/lib/unread";
import { reviewList } from "@/modules/review/lib/review-list";
import { createVisit } from "@/modules/visits/lib/create-visit";
import { editAgenda } from "@/modules/visits/lib/edit-agenda";
import { getVisit } from "@/modules/visits/lib/get-visit";
import { listVisits } from "@/modules/visits/lib/list-visits";
import { recordVisitRecommendation } from "@/modules/visits/lib/record-visit-recommendation";
import { accessRows, actorOf, createTestUnit, createTestUser } from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

const today = todayInStockholm();

async function unitWithPatients() {
  const unit = await createTestUnit();
  const psy = actorOf(await createTestUser({ role: "PSYKIATER", unitIds: [unit.id] }));
  const gp = actorOf(await createTestUser({ role: "ALLMANLAKARE", unitIds: [unit.id] }));
  const base = { unitId: unit.id, gpId: gp.userId };
  // Day 50 today, no response: on the list in 14 days (day 64 ≥ 56), not today.
  const soon = await createEpisodeScenario({
    ...base,
    startDaysAgo: 50,
    scores: [
      { day: 0, total: 30 },
      { day: 49, total: 28 },
    ],
    contacts: [{ day: 50 }],
  });
  // On the list today: severe.
  const severe = await createEpisodeScenario({ ...base, startDaysAgo: 10, scores: [{ day: 9, total: 40 }] });
  // Doing well: on no list.
  const well = await createEpisodeScenario({
    ...base,
    startDaysAgo: 20,
    scores: [
      { day: 0, total: 30 },
      { day: 19, total: 10 },
    ],
  });
  return { unitId: unit.id, psy, gp, soon, severe, well };
}

describe("a visit's agenda", () => {
  it("is the review list as of the visit's date: a patient who will by then have no response is on it, though not on today's list", async () => {
    const u = await unitWithPatients();
    const date = addDays(today, 14);
    expect((await reviewList({ actor: u.psy })).items.map((i) => i.episodeId)).toEqual([u.severe.episode.id]);
    const visit = await createVisit({ actor: u.psy, input: { unitId: u.unitId, date } });
    const view = await getVisit({ actor: u.psy, visitId: visit.id });
    expect(view).toMatchObject({ date, unitId: u.unitId, psychiatrist: u.psy.displayName });
    // Priority order: SEVERE before NO_RESPONSE.
    expect(view.items.map((i) => i.episodeId)).toEqual([u.severe.episode.id, u.soon.episode.id]);
    expect(view.items[1]!.evaluation.flags.map((f) => f.code)).toContain("NO_RESPONSE");
    expect(view.candidates).toEqual([]);
    const created = (await accessRows({ userId: u.psy.userId })).filter(
      (a) => a.target === `visit:${visit.id}`,
    );
    expect(created.map((a) => [a.action, a.patientId])).toEqual(
      expect.arrayContaining([
        ["CREATE", u.severe.patient.id],
        ["CREATE", u.soon.patient.id],
      ]),
    );
  });

  it("is edited by the psychiatrist: add by identity number, reorder, set form and time, remove", async () => {
    const u = await unitWithPatients();
    const visit = await createVisit({ actor: u.psy, input: { unitId: u.unitId, date: today } });
    const change = (c: Parameters<typeof editAgenda>[0]["change"]) =>
      editAgenda({ actor: u.psy, visitId: visit.id, change: c });
    await change({ op: "addByPersonnummer", personnummer: u.well.patient.personnummer });
    await expect(change({ op: "add", episodeId: u.well.episode.id })).rejects.toMatchObject({ status: 409 });
    let items = (await getVisit({ actor: u.psy, visitId: visit.id })).items;
    expect(items.map((i) => i.episodeId)).toEqual([u.severe.episode.id, u.well.episode.id]);
    await change({ op: "move", itemId: items[1]!.id, direction: "up" });
    await change({ op: "set", itemId: items[1]!.id, kind: "PATIENT_MEETING", time: "09:30" });
    items = (await getVisit({ actor: u.psy, visitId: visit.id })).items;
    expect(items.map((i) => [i.episodeId, i.kind, i.time])).toEqual([
      [u.well.episode.id, "PATIENT_MEETING", "09:30"],
      [u.severe.episode.id, "CASE_REVIEW", null],
    ]);
    await change({ op: "remove", itemId: items[0]!.id });
    expect((await getVisit({ actor: u.psy, visitId: visit.id })).items).toHaveLength(1);
    // A patient of another unit cannot be put on it, nor can a GP change it.
    const stranger = await createEpisodeScenario({ startDaysAgo: 3 });
    await expect(change({ op: "add", episodeId: stranger.episode.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      editAgenda({ actor: u.gp, visitId: visit.id, change: { op: "remove", itemId: items[1]!.id } }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("after the visit", () => {
  it("each item gets one recommendation: the case review, which handles the flags and reaches the GP", async () => {
    const u = await unitWithPatients();
    const visit = await createVisit({ actor: u.psy, input: { unitId: u.unitId, date: today } });
    const [item] = (await getVisit({ actor: u.psy, visitId: visit.id })).items;
    const r = await recordVisitRecommendation({
      actor: u.psy,
      visitId: visit.id,
      itemId: item!.id,
      text: "Remiss till specialistpsykiatrin.",
    });
    expect(r.handledCodes).toEqual(["SEVERE"]);
    await expect(
      recordVisitRecommendation({ actor: u.psy, visitId: visit.id, itemId: item!.id, text: "Igen" }),
    ).rejects.toMatchObject({ status: 409 });
    const view = await getVisit({ actor: u.psy, visitId: visit.id });
    expect(view.items[0]!.recommendation).toMatchObject({ text: "Remiss till specialistpsykiatrin." });
    expect(view.items[0]!.recommendation!.receipts.map((x) => [x.role, x.readAt])).toEqual(
      expect.arrayContaining([
        ["ALLMANLAKARE", null],
        ["VARDSAMORDNARE", null],
      ]),
    );
    expect((await getUnreadRecommendations({ actor: u.gp })).map((x) => x.recommendationId)).toEqual([r.id]);
    expect((await listVisits({ actor: u.gp }))[0]).toMatchObject({ id: visit.id, items: 1, recommended: 1 });
  });
});

describe("scope", () => {
  it("a psychiatrist who does not serve the unit finds no visit, agenda or print view, and plans none there", async () => {
    const u = await unitWithPatients();
    const visit = await createVisit({ actor: u.psy, input: { unitId: u.unitId, date: today } });
    const other = actorOf(await createTestUser({ role: "PSYKIATER" }));
    await expect(getVisit({ actor: other, visitId: visit.id })).rejects.toMatchObject({ status: 404 });
    await expect(
      editAgenda({ actor: other, visitId: visit.id, change: { op: "add", episodeId: u.well.episode.id } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      createVisit({ actor: other, input: { unitId: u.unitId, date: today } }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(await listVisits({ actor: other })).toEqual([]);
    const refused = (await accessRows({ userId: other.userId })).filter((a) => a.refusal);
    expect(refused.map((a) => [a.refusal, a.unitId])).toEqual([
      ["NOT_FOUND", u.unitId],
      ["NOT_FOUND", u.unitId],
      ["NOT_FOUND", u.unitId],
    ]);
    // A verksamhetschef of the unit reads no agenda either (clinical data).
    const chef = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [u.unitId] }));
    await expect(getVisit({ actor: chef, visitId: visit.id })).rejects.toMatchObject({ status: 403 });
    expect(await systemDb().visit.count({ where: { unitId: u.unitId } })).toBe(1);
  });
});
