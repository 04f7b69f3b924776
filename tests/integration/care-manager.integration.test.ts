// The care manager's use cases against a real PostgreSQL: the caseload, the
// flagged patients, the start page, enrollment in one transaction, contacts
// saved once, the patient record, and the sticky safety flag through the API.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { getCaseload } from "@/modules/caseload/lib/get-caseload";
import { getFlaggedPatients } from "@/modules/caseload/lib/get-flagged";
import { getTodayWork } from "@/modules/caseload/lib/get-today";
import { parseCaseloadQuery } from "@/modules/caseload/rules/caseload-query";
import { logContact } from "@/modules/contacts/lib/log-contact";
import { changeStatus } from "@/modules/episodes/lib/change-status";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { enrollPatient } from "@/modules/patients/lib/enroll-patient";
import { ZEnrollPatient } from "@/modules/patients/schemas";
import { api } from "../support/api";
import {
  accessRows,
  actorOf,
  createTestUnit,
  createTestUser,
  createTokenUser,
  uniquePersonnummer,
} from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

const today = todayInStockholm();

async function team() {
  const unit = await createTestUnit();
  const cmUser = await createTestUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
  const gpUser = await createTestUser({ role: "ALLMANLAKARE", unitIds: [unit.id] });
  return { unitId: unit.id, cm: actorOf(cmUser), gp: actorOf(gpUser) };
}

describe("the sticky safety rule through the API", () => {
  it("Livslust 5 and then 1 the next day leaves SAFETY_RISK open since the first day, until the GP handles it", async () => {
    const s = await createEpisodeScenario({ startDaysAgo: 10 });
    const cm = await createTokenUser({ unitIds: [s.unitId] });
    const gp = await createTokenUser({ role: "ALLMANLAKARE", unitIds: [s.unitId] });
    const contact = (day: number, livslust: number) =>
      api("POST", `/episodes/${s.episode.id}/contacts`, {
        token: cm.token,
        body: { date: s.day(day), type: "PHONE", reached: true, madrsS: [3, 3, 3, 3, 3, 3, 3, 3, livslust] },
      });
    expect((await contact(8, 5)).status).toBe(201);
    expect((await contact(9, 1)).status).toBe(201);
    const flags = async () =>
      (
        await api<{ flags: { code: string; since: string; reason: string }[] }>(
          "GET",
          `/episodes/${s.episode.id}`,
          {
            token: gp.token,
          },
        )
      ).body.flags;
    expect((await flags()).find((f) => f.code === "SAFETY_RISK")).toEqual({
      code: "SAFETY_RISK",
      to: "GP",
      since: s.day(8),
      reason: `Livslust 5 vid skattningen ${s.day(8)} (suicidrisk från 4); öppen tills en riskbedömning dokumenterats. Senaste Livslust 1 (${s.day(9)}).`,
    });
    const handled = await api("POST", `/episodes/${s.episode.id}/flags/SAFETY_RISK/handle`, {
      token: gp.token,
      body: { note: "Ingen akut risk; återbesök om en vecka.", decision: "RISK_ASSESSMENT_DONE" },
    });
    expect(handled).toMatchObject({ status: 200, body: { decision: "RISK_ASSESSMENT_DONE" } });
    const record = await getPatientRecord({ actor: actorOf(gp.user), patientId: s.patient.id, asOf: today });
    expect(record.current?.handlings).toMatchObject([
      { code: "SAFETY_RISK", decision: "RISK_ASSESSMENT_DONE" },
    ]);
    const unknown = await api("POST", `/episodes/${s.episode.id}/flags/SEVERE/handle`, {
      token: gp.token,
      body: { note: "x", decision: "SOMETHING" },
    });
    expect(unknown).toMatchObject({ status: 400, body: { errors: { decision: ["Välj ett av besluten."] } } });
    expect((await flags()).map((f) => f.code)).not.toContain("SAFETY_RISK");
  });
});

describe("a contact is saved once per idempotency key", () => {
  it("a double submit answers with the same contact and writes one row", async () => {
    const t = await team();
    const s = await createEpisodeScenario({ unitId: t.unitId, startDaysAgo: 5, careManagerId: t.cm.userId });
    const input = {
      date: today,
      type: "PHONE" as const,
      counterpart: "PATIENT" as const,
      reached: true,
      madrsS: [2, 2, 2, 2, 2, 2, 2, 2, 1],
      idempotencyKey: crypto.randomUUID(),
    };
    const [a, b] = await Promise.all([
      logContact({ actor: t.cm, episodeId: s.episode.id, input }),
      logContact({ actor: t.cm, episodeId: s.episode.id, input }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await systemDb().contact.count({ where: { episodeId: s.episode.id } })).toBe(1);
    // Another contact under the same key (a form shown again) is refused, never taken for the saved one.
    await expect(
      logContact({
        actor: t.cm,
        episodeId: s.episode.id,
        input: { ...input, madrsS: [5, 5, 5, 5, 5, 5, 5, 5, 5] },
      }),
    ).rejects.toMatchObject({ status: 409, details: { reason: "idempotency-key-reused" } });
    expect(await systemDb().contact.count({ where: { episodeId: s.episode.id } })).toBe(1);
  });

  it("the same key on another episode is a conflict, and the API takes the key too", async () => {
    const s1 = await createEpisodeScenario({ startDaysAgo: 5 });
    const s2 = await createEpisodeScenario({ unitId: s1.unitId, startDaysAgo: 5 });
    const cm = await createTokenUser({ unitIds: [s1.unitId] });
    const body = { date: today, type: "VIDEO", reached: false, idempotencyKey: crypto.randomUUID() };
    const first = await api("POST", `/episodes/${s1.episode.id}/contacts`, { token: cm.token, body });
    const again = await api("POST", `/episodes/${s1.episode.id}/contacts`, { token: cm.token, body });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    const other = await api("POST", `/episodes/${s2.episode.id}/contacts`, { token: cm.token, body });
    expect(other.status).toBe(409);
    expect(
      await systemDb().contact.count({ where: { episodeId: { in: [s1.episode.id, s2.episode.id] } } }),
    ).toBe(1);
  });
});

describe("enrollment: patient, episode and first meeting in one transaction", () => {
  const input = (unitId: string, over: Record<string, unknown> = {}) =>
    ZEnrollPatient.parse({
      personnummer: uniquePersonnummer(),
      givenName: "Tolvan",
      familyName: "Tolvansson",
      unitId,
      episode: { startDate: today, diagnosis: "F32.1", sickLeave: 50 },
      firstMeeting: {
        date: today,
        type: "IN_PERSON",
        reached: true,
        madrsS: [3, 3, 3, 3, 3, 3, 3, 3, 2],
        idempotencyKey: crypto.randomUUID(),
      },
      ...over,
    });

  it("registers a new patient, opens the episode with the care manager by default, logs the meeting as baseline", async () => {
    const t = await team();
    const r = await enrollPatient({
      actor: t.cm,
      input: input(t.unitId, { episode: { startDate: today, gpId: t.gp.userId } }),
    });
    expect(r.created).toBe(true);
    const record = await getPatientRecord({ actor: t.cm, patientId: r.patientId, asOf: today });
    expect(record.current?.episode).toMatchObject({
      baseline: 26,
      careManagerId: t.cm.userId,
      gpId: t.gp.userId,
    });
    expect(record.current?.adherence.physical.done).toBe(1);
    expect(record.current?.episode.flags.map((f) => f.code)).toEqual(["SAFETY_CHECK"]);
    expect(
      (await accessRows({ userId: t.cm.userId })).map((a) => [a.action, a.target?.split(":")[0]]),
    ).toEqual([
      ["CREATE", "patient"],
      ["CREATE", "episode"],
      ["CREATE", "contact"],
      ["READ", "patient"],
    ]);
  });

  it("a known patient gets a new episode; one with an open episode is refused and nothing is written", async () => {
    const t = await team();
    const first = await enrollPatient({ actor: t.cm, input: input(t.unitId) });
    const pnr = (await systemDb().patient.findUniqueOrThrow({ where: { id: first.patientId } })).personnummer;
    const again = input(t.unitId, { personnummer: pnr, patientId: first.patientId, givenName: undefined });
    await expect(enrollPatient({ actor: t.cm, input: again })).rejects.toMatchObject({
      status: 409,
      details: { existingId: first.episodeId },
    });
    // The refusal names the patient in the access log: the attempt read that the record exists.
    expect((await accessRows({ userId: t.cm.userId })).filter((r) => r.refusal)).toMatchObject([
      {
        action: "CREATE",
        target: "enrollment",
        refusal: "CONFLICT",
        patientId: first.patientId,
        unitId: t.unitId,
      },
    ]);
    expect(await systemDb().contact.count({ where: { episode: { patientId: first.patientId } } })).toBe(1);
    await changeStatus({
      actor: t.cm,
      episodeId: first.episodeId,
      input: { status: "DEACTIVATED", date: today, reason: "Flyttat" },
    });
    const next = await enrollPatient({ actor: t.cm, input: again });
    expect(next).toMatchObject({ patientId: first.patientId, created: false });
  });

  it("a refused step leaves no half-registered patient, and names the form's field", async () => {
    const t = await team();
    const bad = input(t.unitId, {
      firstMeeting: { date: addDays(today, -3), type: "IN_PERSON", reached: true },
    });
    await expect(enrollPatient({ actor: t.cm, input: bad })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "firstMeeting.date": [`Välj ett datum från ${today}.`] },
    });
    expect(await systemDb().patient.count({ where: { unitId: t.unitId } })).toBe(0);
    const strangerGp = await createTestUser({ role: "ALLMANLAKARE" });
    await expect(
      enrollPatient({
        actor: t.cm,
        input: input(t.unitId, { episode: { startDate: today, gpId: strangerGp.id } }),
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { "episode.gpId": ["Välj en allmänläkare på patientens enhet."] },
    });
  });

  it("another unit is not found, and a psychiatrist may not enroll", async () => {
    const t = await team();
    const other = await createTestUnit();
    await expect(enrollPatient({ actor: t.cm, input: input(other.id) })).rejects.toMatchObject({
      status: 404,
    });
    const psy = actorOf(await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId] }));
    await expect(enrollPatient({ actor: psy, input: input(t.unitId) })).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("the caseload", () => {
  it("shows my open episodes by default, the unit's on request, never another unit's, and logs each patient shown", async () => {
    const t = await team();
    const colleague = await createTestUser({ role: "VARDSAMORDNARE", unitIds: [t.unitId] });
    const mine = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      startDaysAgo: 20,
      scores: [
        { day: 0, total: 30, type: "IN_PERSON" },
        { day: 7, total: 26 },
        { day: 14, total: 22, nextPlannedDay: 17 },
      ],
    });
    const theirs = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: colleague.id,
      startDaysAgo: 3,
    });
    await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      status: { status: "COMPLETED", day: 1 },
      startDaysAgo: 30,
    });
    await createEpisodeScenario({ startDaysAgo: 3 }); // another unit

    const list = await getCaseload({ actor: t.cm, query: parseCaseloadQuery({}), asOf: today });
    expect(list.rows.map((r) => r.episodeId)).toEqual([mine.episode.id]);
    const row = list.rows[0]!;
    expect(row).toMatchObject({
      week: 3,
      baseline: 30,
      latest: 22,
      nextPlannedDate: mine.day(17),
      scores: [
        { day: 0, total: 30 },
        { day: 7, total: 26 },
        { day: 14, total: 22 },
      ],
      adherence: { physical: { done: 1 }, weeks: { withContact: 3, counted: 3 } }, // week 3 has its contact
    });
    expect(row.evaluation.flags).toEqual([]); // reached on day 14, 27 % down by day 20: on track

    const unit = await getCaseload({
      actor: t.cm,
      query: parseCaseloadQuery({ vy: "enheten", sortera: "namn" }),
      asOf: today,
    });
    expect(new Set(unit.rows.map((r) => r.episodeId))).toEqual(new Set([mine.episode.id, theirs.episode.id]));
    const logged = (await accessRows({ userId: t.cm.userId })).filter((a) => a.target === "caseload");
    expect(logged.map((a) => a.patientId).sort()).toEqual(
      [mine.patient.id, mine.patient.id, theirs.patient.id].sort(),
    );
  });

  it("a GP's own patients are those they are the GP of; a verksamhetschef may not list patients", async () => {
    const t = await team();
    const s = await createEpisodeScenario({ unitId: t.unitId, gpId: t.gp.userId, startDaysAgo: 3 });
    await createEpisodeScenario({ unitId: t.unitId, startDaysAgo: 3 });
    const list = await getCaseload({ actor: t.gp, query: parseCaseloadQuery({}), asOf: today });
    expect(list.rows.map((r) => r.episodeId)).toEqual([s.episode.id]);
    const chef = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [t.unitId] }));
    await expect(
      getCaseload({ actor: chef, query: parseCaseloadQuery({}), asOf: today }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe("flagged patients and the start page", () => {
  it("each role sees the flags routed to it, safety first, longest open first", async () => {
    const t = await team();
    const risk = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      gpId: t.gp.userId,
      startDaysAgo: 4,
      scores: [{ day: 3, total: 30, item9: 5 }],
    });
    const silent = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      gpId: t.gp.userId,
      startDaysAgo: 20,
      scores: [{ day: 0, total: 30 }],
    });
    const cm = await getFlaggedPatients({ actor: t.cm, scope: "mina", asOf: today });
    expect(cm.flags.map((f) => [f.code, f.row.episodeId])).toEqual([["OVERDUE_CONTACT", silent.episode.id]]);
    const gp = await getFlaggedPatients({ actor: t.gp, scope: "mina", asOf: today });
    expect(gp.flags.map((f) => [f.code, f.row.episodeId, f.since])).toEqual([
      ["SAFETY_RISK", risk.episode.id, risk.day(3)],
    ]);
    const psy = actorOf(await createTestUser({ role: "PSYKIATER", unitIds: [t.unitId] }));
    const forPsy = await getFlaggedPatients({ actor: psy, scope: "mina", asOf: today });
    expect(forPsy.mine).toBe(false);
    expect(forPsy.flags.map((f) => f.code)).toEqual(["SAFETY_RISK"]);
  });

  it("the start page lists today's work of my patients, and logs only the patients it shows", async () => {
    const t = await team();
    const base = { unitId: t.unitId, careManagerId: t.cm.userId, gpId: t.gp.userId };
    const planned = await createEpisodeScenario({
      ...base,
      startDaysAgo: 10,
      scores: [{ day: 7, total: 20, nextPlannedDay: 10 }],
    });
    const late = await createEpisodeScenario({
      ...base,
      startDaysAgo: 10,
      scores: [{ day: 7, total: 20, nextPlannedDay: 8 }],
    });
    const twelve = await createEpisodeScenario({
      ...base,
      startDaysAgo: 80,
      scores: [{ day: 77, total: 20, nextPlannedDay: 84 }],
    });
    const risk = await createEpisodeScenario({
      ...base,
      startDaysAgo: 5,
      scores: [{ day: 5, total: 20, item9: 4, nextPlannedDay: 12 }],
    });
    const quiet = await createEpisodeScenario({
      ...base,
      startDaysAgo: 5,
      scores: [{ day: 5, total: 20, nextPlannedDay: 12 }],
    });

    const work = await getTodayWork({ actor: t.cm, today });
    expect(work.plannedToday.map((r) => r.episodeId)).toEqual([planned.episode.id]);
    expect(work.overduePlanned.map((r) => r.episodeId)).toEqual([late.episode.id]);
    expect(work.reachingTwelveWeeks.map((r) => r.episodeId)).toEqual([twelve.episode.id]);
    expect(work.safetyRisks.map((f) => f.row.episodeId)).toEqual([risk.episode.id]);
    expect(work.caseload).toBe(5);
    const logged = (await accessRows({ userId: t.cm.userId })).map((a) => a.patientId);
    expect(logged).not.toContain(quiet.patient.id);
    expect(new Set(logged)).toEqual(
      new Set([planned.patient.id, late.patient.id, twelve.patient.id, risk.patient.id]),
    );
  });
});

describe("the patient record", () => {
  it("an episode named for another patient is not found", async () => {
    const t = await team();
    const a = await createEpisodeScenario({ unitId: t.unitId, startDaysAgo: 3 });
    const b = await createEpisodeScenario({ unitId: t.unitId, startDaysAgo: 3 });
    await expect(
      getPatientRecord({ actor: t.cm, patientId: a.patient.id, episodeId: b.episode.id, asOf: today }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("gives each contact its journal text, as of the contact's date", async () => {
    const t = await team();
    const s = await createEpisodeScenario({
      unitId: t.unitId,
      startDaysAgo: 10,
      scores: [
        { day: 0, total: 30, type: "IN_PERSON" },
        { day: 7, total: 24, item9: 2 },
      ],
    });
    const record = await getPatientRecord({ actor: t.cm, patientId: s.patient.id, asOf: today });
    const [latest, first] = record.current!.contacts;
    expect(latest!.journalText).toContain(
      `Jämfört med utgångsvärdet 30 (${s.day(0)}): 6 poäng lägre, minskning 20 %.`,
    );
    expect(latest!.journalText).toContain("Livslust (fråga 9): 2 av 6.");
    expect(latest!.journalText).toContain("Öppna flaggor: Livslust – gör riskbedömning");
    expect(first!.journalText).toContain("Skattningen är insatsens utgångsvärde.");
    expect(first!.journalText).toMatch(/^Samarbetsvård: Fysiskt besök med patienten .*, vecka 1 av 12\./);
  });

  it("a stale status change says what the status is now and who set it", async () => {
    const t = await team();
    const s = await createEpisodeScenario({ unitId: t.unitId, startDaysAgo: 10 });
    await changeStatus({
      actor: t.gp,
      episodeId: s.episode.id,
      input: { status: "DEACTIVATED", date: today, reason: "Flyttat", version: 1 },
    });
    await expect(
      changeStatus({
        actor: t.cm,
        episodeId: s.episode.id,
        input: { status: "COMPLETED", date: today, version: 1 },
      }),
    ).rejects.toMatchObject({
      status: 409,
      userMessage: expect.stringContaining(
        `status är nu Avbruten från ${today}, satt av ${t.gp.displayName}`,
      ),
      details: { reason: "stale-version", currentStatus: "DEACTIVATED", statusSetBy: t.gp.displayName },
    });
  });
});
