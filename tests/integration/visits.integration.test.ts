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
import { createApiToken } from "@/modules/api-tokens/lib/tokens";
import { api } from "../support/api";
import { accessRows, actorOf, createTestUnit, createTestUser, createTokenUser } from "../support/factories";
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
    // The same patient added twice at once: one item, and the other request is told so (409, not a 500).
    const twice = await Promise.allSettled([
      change({ op: "addByPersonnummer", personnummer: u.well.patient.personnummer }),
      change({ op: "add", episodeId: u.well.episode.id }),
    ]);
    expect(twice.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(twice.find((t) => t.status === "rejected")).toMatchObject({ reason: { status: 409 } });
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
    // Sent twice at once (a double post, a retry): one is saved, the other refused.
    await editAgenda({
      actor: u.psy,
      visitId: visit.id,
      change: { op: "add", episodeId: u.well.episode.id },
    });
    const [, second] = (await getVisit({ actor: u.psy, visitId: visit.id })).items;
    const twice = await Promise.allSettled(
      [1, 2].map(() =>
        recordVisitRecommendation({ actor: u.psy, visitId: visit.id, itemId: second!.id, text: "Samma" }),
      ),
    );
    expect(twice.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(twice.find((t) => t.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await systemDb().recommendation.count({ where: { episodeId: second!.episodeId } })).toBe(1);
    expect((await listVisits({ actor: u.gp }))[0]).toMatchObject({ id: visit.id, items: 2, recommended: 2 });
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

describe("the HTTP API", () => {
  const tokenOf = async (userId: string) =>
    (await createApiToken(systemDb(), { userId, name: "test", days: 1 })).token;

  it("plans a visit, edits its agenda, records a recommendation, and the GP reads it, through the same use cases", async () => {
    const u = await unitWithPatients();
    const [psy, gp] = await Promise.all([tokenOf(u.psy.userId), tokenOf(u.gp.userId)]);
    const date = addDays(today, 14);

    type Visit = {
      id: string;
      items: {
        id: string;
        episodeId: string;
        kind: string;
        time: string | null;
        position: number;
        flags: { code: string }[];
      }[];
      candidates: unknown[];
    };
    const created = await api<Visit>("POST", "/visits", { token: psy, body: { unitId: u.unitId, date } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date, unitId: u.unitId, psychiatristId: u.psy.userId });
    expect(created.body.items.map((i) => [i.position, i.episodeId])).toEqual([
      [1, u.severe.episode.id],
      [2, u.soon.episode.id],
    ]);
    expect(created.body.items[1]!.flags.map((f) => f.code)).toContain("NO_RESPONSE");
    const visitId = created.body.id;

    const list = await api<{ id: string }[]>("GET", "/visits", { token: gp });
    expect(list.body).toEqual([
      { id: visitId, unitId: u.unitId, date, psychiatrist: u.psy.displayName, items: 2, recommended: 0 },
    ]);

    // The agenda: one change per request, the visit back each time.
    const change = (body: unknown) => api<Visit>("POST", `/visits/${visitId}/agenda`, { token: psy, body });
    const moved = await change({ op: "move", itemId: created.body.items[1]!.id, direction: "up" });
    expect(moved.body.items.map((i) => i.episodeId)).toEqual([u.soon.episode.id, u.severe.episode.id]);
    const set = await change({
      op: "set",
      itemId: created.body.items[1]!.id,
      kind: "PATIENT_MEETING",
      time: "09:30",
    });
    expect(set.body.items[0]).toMatchObject({ kind: "PATIENT_MEETING", time: "09:30" });
    const added = await change({ op: "addByPersonnummer", personnummer: u.well.patient.personnummer });
    expect(added.body.items.map((i) => i.episodeId)).toEqual([
      u.soon.episode.id,
      u.severe.episode.id,
      u.well.episode.id,
    ]);
    expect((await change({ op: "add", episodeId: u.well.episode.id })).status).toBe(409);
    const bad = await change({
      op: "set",
      itemId: created.body.items[1]!.id,
      kind: "PATIENT_MEETING",
      time: "25:00",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { time: ["Ange tid som TT:MM."] } });
    expect((await change({ op: "rename" })).status).toBe(400);
    const removed = await change({ op: "remove", itemId: added.body.items[2]!.id });
    expect(removed.body.items).toHaveLength(2);
    // The GP reads the visit but does not change it.
    expect((await api("GET", `/visits/${visitId}`, { token: gp })).status).toBe(200);
    expect(
      (
        await api("POST", `/visits/${visitId}/agenda`, {
          token: gp,
          body: { op: "remove", itemId: set.body.items[0]!.id },
        })
      ).status,
    ).toBe(403);

    // After the visit: the severe patient's recommendation handles SEVERE and reaches the GP.
    const severeItem = removed.body.items.find((i) => i.episodeId === u.severe.episode.id)!;
    const recommend = (token: string) =>
      api<{ id: string; handledCodes: string[]; addressees: number }>(
        "POST",
        `/visits/${visitId}/items/${severeItem.id}/recommendation`,
        { token, body: { text: "Remiss till specialistpsykiatrin." } },
      );
    expect((await recommend(gp)).status).toBe(403);
    const recorded = await recommend(psy);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      episodeId: u.severe.episode.id,
      handledCodes: ["SEVERE"],
      addressees: 2,
    });
    expect((await recommend(psy)).status).toBe(409);
    expect(
      (
        await api("POST", `/visits/${visitId}/items/${severeItem.id}/recommendation`, {
          token: psy,
          body: { text: " " },
        })
      ).status,
    ).toBe(400);

    // The GP's unread recommendations, then "Tagen del av" (twice: the first time stands).
    const unread = await api<{ recommendationId: string; text: string; by: string }[]>(
      "GET",
      "/recommendations",
      { token: gp },
    );
    expect(unread.body).toMatchObject([
      {
        recommendationId: recorded.body.id,
        text: "Remiss till specialistpsykiatrin.",
        by: u.psy.displayName,
      },
    ]);
    const readPath = `/episodes/${u.severe.episode.id}/recommendations/${recorded.body.id}/read`;
    const read = await api<{ readAt: string }>("POST", readPath, { token: gp });
    expect(read.status).toBe(200);
    expect((await api("POST", readPath, { token: gp })).body).toEqual(read.body);
    expect((await api("GET", "/recommendations", { token: gp })).body).toEqual([]);
    // Not addressed to the psychiatrist: 404.
    expect((await api("POST", readPath, { token: psy })).status).toBe(404);
    const after = await api<{
      items: { recommendation: { receipts: { userId: string; readAt: string | null }[] } | null }[];
    }>("GET", `/visits/${visitId}`, { token: psy });
    const receipts = after.body.items.find((i) => i.recommendation)!.recommendation!.receipts;
    expect(receipts.find((r) => r.userId === u.gp.userId)!.readAt).toBe(read.body.readAt);
    expect((await api("GET", "/visits", { token: psy })).body).toMatchObject([
      { id: visitId, items: 2, recommended: 1 },
    ]);

    // Every patient shown or changed is logged: the plan, each read of the agenda, each change, the recommendation.
    const rows = (await accessRows({ userId: u.psy.userId })).map((r) => [r.action, r.target, r.patientId]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["CREATE", `visit:${visitId}`, u.soon.patient.id],
        ["READ", `visit:${visitId}`, u.severe.patient.id],
        ["UPDATE", `visit:${visitId}:agenda`, u.well.patient.id],
        ["CREATE", `recommendation:${recorded.body.id}`, u.severe.patient.id],
      ]),
    );
    expect((await accessRows({ userId: u.gp.userId })).map((r) => [r.action, r.target])).toEqual(
      expect.arrayContaining([
        ["READ", "unread-recommendations"],
        ["UPDATE", `recommendation:${recorded.body.id}:read`],
      ]),
    );
  });

  it("a case review outside a visit, and who may plan and list visits", async () => {
    const u = await unitWithPatients();
    const psy = await tokenOf(u.psy.userId);
    const review = await api<{ handledCodes: string[]; addressees: number }>(
      "POST",
      `/episodes/${u.severe.episode.id}/case-review`,
      { token: psy, body: { text: "Fortsätt, ny bedömning om två veckor." } },
    );
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ handledCodes: ["SEVERE"], addressees: 2 });
    const cm = await createTokenUser({ role: "VARDSAMORDNARE", unitIds: [u.unitId] });
    const chef = await createTokenUser({ role: "VERKSAMHETSCHEF", unitIds: [u.unitId] });
    const body = { unitId: u.unitId, date: today };
    expect((await api("POST", "/visits", { token: cm.token, body })).status).toBe(403);
    expect(
      (
        await api("POST", `/episodes/${u.well.episode.id}/case-review`, {
          token: cm.token,
          body: { text: "x" },
        })
      ).status,
    ).toBe(403);
    expect((await api("GET", "/visits", { token: chef.token })).status).toBe(403);
    expect((await api("GET", "/recommendations", { token: chef.token })).status).toBe(403);
    expect(
      (await api("POST", "/visits", { token: psy, body: { unitId: u.unitId, date: "2026-02-30" } })).status,
    ).toBe(400);
    // Another unit's psychiatrist plans nothing there.
    const other = await createTokenUser({ role: "PSYKIATER" });
    expect((await api("POST", "/visits", { token: other.token, body })).status).toBe(404);
    expect((await api("GET", "/visits", { token: other.token })).body).toEqual([]);
  });
});
