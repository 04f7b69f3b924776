// Scenario builders (after cal.com's bookingScenario): a test states the
// situation — an episode started N days ago with these scores, handlings and
// requests — and gets the rows, written straight to the database as the use
// cases would have written them. One way to build episodes for every test.
import type { ContactType, Counterpart, EpisodeStatus, Role } from "@/generated/prisma/enums";
import { systemDb } from "@/lib/db/client";
import { toDbDate, todayInStockholm } from "@/lib/dates";
import { addDays, stockholmMidnight, type LocalDate } from "@/lib/local-date";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import { items as itemsFor } from "@/modules/clinical/rules/test-builders";
import { actorOf, createTestUnit, createTestUser, unique, uniquePersonnummer } from "./factories";

/** A moment on a day, Stockholm time ("HH:MM"). */
export const onDay = (date: LocalDate, time = "12:00"): Date => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(stockholmMidnight(date).getTime() + (h * 60 + m) * 60_000);
};

export type ScenarioScore = {
  day: number;
  total: number;
  item9?: number;
  items?: number[];
  recordedDay?: number;
  type?: ContactType;
  /** The next planned contact, as a day of the episode. */
  nextPlannedDay?: number;
};
export type ScenarioContact = {
  day: number;
  reached?: boolean;
  counterpart?: Counterpart;
  type?: ContactType;
  note?: string;
  recordedDay?: number;
  nextPlannedDay?: number;
};

export async function createEpisodeScenario({
  unitId,
  startDaysAgo = 0,
  today = todayInStockholm(),
  scores = [],
  contacts = [],
  handlings = [],
  reviewRequests = [],
  status,
  patient: names = {},
  careManagerId,
  gpId,
}: {
  unitId?: string;
  startDaysAgo?: number;
  today?: LocalDate;
  /** Reached patient contacts with a MADRS-S. */
  scores?: ScenarioScore[];
  /** Contacts without a score (attempts, other counterparts, calls). */
  contacts?: ScenarioContact[];
  handlings?: { code: FlagCode; day: number; time?: string; role?: Role; note?: string }[];
  /** Questions for the psychiatrist, asked by the care manager unless `by` names someone else. */
  reviewRequests?: { day: number; question?: string; by?: string }[];
  status?: { status: Exclude<EpisodeStatus, "ACTIVE">; day: number };
  patient?: { givenName?: string; familyName?: string; phone?: string };
  /** An existing care manager of the unit (else a new one is made) … */
  careManagerId?: string;
  /** … and GP (else none). */
  gpId?: string;
} = {}) {
  const unit = unitId ? { id: unitId } : await createTestUnit();
  const careManager = careManagerId
    ? { id: careManagerId }
    : await createTestUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
  const start = addDays(today, -startDaysAgo);
  const day = (n: number) => addDays(start, n);
  const db = systemDb();
  const patient = await db.patient.create({
    data: {
      unitId: unit.id,
      personnummer: uniquePersonnummer(),
      givenName: names.givenName ?? "Testa",
      familyName: names.familyName ?? unique("Scenariosson"),
      phone: names.phone ?? "070-000 00 00",
      createdById: careManager.id,
    },
  });
  const final = status && (status.status === "COMPLETED" || status.status === "DEACTIVATED");
  const episode = await db.episode.create({
    data: {
      patientId: patient.id,
      startDate: toDbDate(start),
      careManagerId: careManager.id,
      gpId: gpId ?? null,
      createdById: careManager.id,
      status: status?.status ?? "ACTIVE",
      closedDate: final ? toDbDate(day(status.day)) : null,
      version: status ? 2 : 1,
    },
    include: { patient: { select: { unitId: true } } },
  });
  if (status) {
    await db.episodeStatusChange.create({
      data: {
        episodeId: episode.id,
        status: status.status,
        date: toDbDate(day(status.day)),
        reason: status.status === "DEACTIVATED" ? "Flyttat" : null,
        plan: status.status === "RELAPSE_PREVENTION" ? "Plan" : null,
        recordedById: careManager.id,
        recordedAt: onDay(day(status.day)),
      },
    });
  }
  const rows = [
    ...scores.map((s) => {
      const nine = s.items ?? itemsFor(s.total, s.item9 ?? 0);
      return {
        day: s.day,
        recordedDay: s.recordedDay ?? s.day,
        type: s.type ?? ("PHONE" as ContactType),
        nextPlannedDay: s.nextPlannedDay,
        reached: true,
        counterpart: "PATIENT" as Counterpart,
        note: null as string | null,
        items: Object.fromEntries(nine.map((v, i) => [`item${i + 1}`, v])),
        madrsTotal: nine.reduce((a, b) => a + b, 0),
      };
    }),
    ...contacts.map((c) => ({
      day: c.day,
      recordedDay: c.recordedDay ?? c.day,
      type: c.type ?? ("PHONE" as ContactType),
      nextPlannedDay: c.nextPlannedDay,
      reached: c.reached ?? true,
      counterpart: c.counterpart ?? ("PATIENT" as Counterpart),
      note: c.note ?? null,
      items: {},
      madrsTotal: null,
    })),
  ];
  // One insert per contact, in order, so that recorded times keep their order.
  let seq = 0;
  for (const r of rows) {
    await db.contact.create({
      data: {
        episodeId: episode.id,
        date: toDbDate(day(r.day)),
        type: r.type,
        reached: r.reached,
        counterpart: r.counterpart,
        note: r.note,
        nextPlannedDate: r.nextPlannedDay === undefined ? null : toDbDate(day(r.nextPlannedDay)),
        ...r.items,
        madrsTotal: r.madrsTotal,
        authorId: careManager.id,
        recordedAt: new Date(onDay(day(r.recordedDay)).getTime() + seq++ * 1000),
      },
    });
  }
  for (const h of handlings) {
    await db.flagHandling.create({
      data: {
        episodeId: episode.id,
        code: h.code,
        note: h.note ?? "Hanterad i test",
        handledAt: onDay(day(h.day), h.time ?? "13:00"),
        handledById: careManager.id,
        handledByRole: h.role ?? "ALLMANLAKARE",
      },
    });
  }
  for (const r of reviewRequests) {
    await db.reviewRequest.create({
      data: {
        episodeId: episode.id,
        question: r.question ?? "Fråga i test?",
        requestedAt: onDay(day(r.day), "09:00"),
        requestedById: r.by ?? careManager.id,
      },
    });
  }
  return { unitId: unit.id, careManager, patient, episode, start, day };
}

/** A unit with one user of each role, as use cases see them. */
export async function createTeam() {
  const unit = await createTestUnit();
  const [cm, gp, psy, vc] = await Promise.all(
    (["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER", "VERKSAMHETSCHEF"] as const).map(async (role) =>
      actorOf(await createTestUser({ role, unitIds: [unit.id] })),
    ),
  );
  return { unitId: unit.id, cm: cm!, gp: gp!, psy: psy!, vc: vc! };
}
export type Team = Awaited<ReturnType<typeof createTeam>>;

/**
 * A patient of the team on day 60 without response, with a suicide risk and a
 * question for the psychiatrist: SAFETY_RISK, NO_RESPONSE, EARLY_NON_RESPONSE
 * and MARKED_FOR_REVIEW open (four psychiatrist flags; two for the GP).
 */
export const nonResponderWithQuestion = (t: Team, question = "Byte av SSRI?") =>
  createEpisodeScenario({
    unitId: t.unitId,
    careManagerId: t.cm.userId,
    gpId: t.gp.userId,
    startDaysAgo: 60,
    scores: [
      { day: 0, total: 30 },
      { day: 50, total: 28, item9: 4 },
    ],
    contacts: [{ day: 57 }],
    reviewRequests: [{ day: 55, question }],
  });
