// Demo patients: about 60 fictional trajectories across the two demo units,
// dated relative to the day the seed runs, so the demo always shows live flags
// of every kind. Deterministic: the same day gives the same data.
import type { PrismaClient } from "@/generated/prisma/client";
import type { EpisodeStatus } from "@/generated/prisma/enums";
import { toDbDate } from "@/lib/dates";
import { addDays, type LocalDate } from "@/lib/local-date";
import { seededRandom } from "@/lib/random";
import { luhnCheckDigit } from "@/modules/patients/rules/identity";

const GIVEN = [
  "Anna",
  "Lars",
  "Karin",
  "Mikael",
  "Sofia",
  "Johan",
  "Emma",
  "Ahmed",
  "Elin",
  "Per",
  "Fatima",
  "Oskar",
  "Maja",
  "Erik",
  "Leila",
  "Gustav",
  "Ida",
  "Nils",
  "Sara",
  "Hassan",
  "Linnea",
  "Anders",
  "Amira",
  "Viktor",
  "Hanna",
  "Jonas",
  "Elsa",
  "Ali",
  "Klara",
  "Mats",
];
const FAMILY = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Hassan",
  "Lindberg",
  "Lindström",
  "Axelsson",
  "Berg",
  "Bergström",
  "Lundberg",
  "Mohammed",
  "Lind",
  "Holm",
  "Sandberg",
  "Forsberg",
  "Sjöberg",
  "Wallin",
  "Engström",
  "Ali",
  "Danielsson",
  "Håkansson",
];
const DIAGNOSES = ["F32.0", "F32.1", "F33.0", "F33.1", "F41.1", "F41.2", "F43.2"];

type Archetype =
  | "responder"
  | "partial"
  | "nonResponder"
  | "safetyRisk"
  | "safetyCheck"
  | "severe"
  | "worsening"
  | "overdue"
  | "noBaseline"
  | "twelveWeeks"
  | "inactive"
  | "review"
  | "relapsePrevention"
  | "completed"
  | "deactivated"
  | "newlyEnrolled";

const PLAN: [Archetype, number][] = [
  ["responder", 10],
  ["partial", 6],
  ["nonResponder", 7],
  ["safetyRisk", 2],
  ["safetyCheck", 3],
  ["severe", 2],
  ["worsening", 2],
  ["overdue", 4],
  ["noBaseline", 3],
  ["twelveWeeks", 4],
  ["inactive", 2],
  ["review", 3],
  ["relapsePrevention", 3],
  ["completed", 4],
  ["deactivated", 3],
  ["newlyEnrolled", 3],
];

type Visit = {
  day: number;
  total: number | null;
  item9?: number;
  reached?: boolean;
  type?: "PHONE" | "IN_PERSON" | "VIDEO";
};

/** Nine items (0–6) summing to total, with item 9 given: spread as evenly as the scale allows. */
function spread(total: number, item9: number, random: () => number): number[] {
  const items = Array.from({ length: 8 }, () => 0);
  let rest = Math.max(0, Math.min(48, total - item9));
  while (rest > 0) {
    const i = Math.floor(random() * 8);
    if (items[i]! < 6) {
      items[i]!++;
      rest--;
    }
  }
  return [...items, item9];
}

/** Weekly contacts from `from` to `to` (days in treatment), phone except the first and the 12-week visit. */
function weekly(from: number, to: number, score: (day: number) => number | null): Visit[] {
  const visits: Visit[] = [];
  for (let d = from; d <= to; d += 7)
    visits.push({ day: d, total: score(d), type: d === 0 || d === 84 ? "IN_PERSON" : "PHONE" });
  return visits;
}

function trajectory(kind: Archetype, random: () => number) {
  const jitter = (n: number) => Math.round((random() - 0.5) * 2 * n);
  const base = 24 + Math.floor(random() * 10);
  const towards = (target: number, weeks: number) => (d: number) =>
    Math.max(0, Math.round(base + (target - base) * Math.min(1, d / (weeks * 7))) + jitter(2));
  let days = 0;
  let visits: Visit[] = [];
  let status: { status: EpisodeStatus; day: number; reason?: string; plan?: string } | undefined;
  let review: { question: string; answerDaysAgo?: number; answer?: string } | undefined;
  switch (kind) {
    case "responder":
      days = 30 + Math.floor(random() * 70);
      visits = weekly(0, days - 1, towards(Math.round(base * 0.35), 8));
      break;
    case "partial":
      days = 57 + Math.floor(random() * 25);
      visits = weekly(0, days - 2, towards(Math.round(base * 0.62), 6));
      break;
    case "nonResponder":
      days = 43 + Math.floor(random() * 50);
      visits = weekly(0, days - 3, towards(Math.round(base * 0.9), 6));
      break;
    case "safetyRisk":
      days = 20 + Math.floor(random() * 30);
      visits = weekly(0, days - 2, towards(base + 4, 4));
      visits.push({ day: days - 1, total: base + 6, item9: 4 });
      break;
    case "safetyCheck":
      days = 10 + Math.floor(random() * 40);
      visits = weekly(0, days - 1, towards(base - 2, 6)).map((v, i, all) =>
        i === all.length - 1 ? { ...v, item9: 2 + (i % 2) } : v,
      );
      break;
    case "severe":
      days = 8 + Math.floor(random() * 30);
      visits = weekly(0, days - 1, () => 36 + Math.floor(random() * 6)).map((v) => ({ ...v, item9: 1 }));
      break;
    case "worsening":
      days = 22 + Math.floor(random() * 15);
      visits = weekly(0, days - 1, towards(base + 8, 3));
      break;
    case "overdue":
      days = 35 + Math.floor(random() * 20);
      visits = weekly(0, days - 17 - Math.floor(random() * 8), towards(Math.round(base * 0.7), 8));
      visits.push(
        { day: days - 6, total: null, reached: false },
        { day: days - 3, total: null, reached: false },
      );
      break;
    case "noBaseline":
      days = 18 + Math.floor(random() * 20);
      visits = weekly(0, days - 1, (d) => (d >= 15 ? base : null));
      break;
    case "twelveWeeks":
      days = 85 + Math.floor(random() * 10);
      visits = weekly(0, days - 1, towards(Math.round(base * 0.7), 10));
      break;
    case "inactive":
      days = 110 + Math.floor(random() * 20);
      visits = weekly(0, days - 95, towards(base - 3, 3));
      break;
    case "review":
      days = 30 + Math.floor(random() * 40);
      visits = weekly(0, days - 1, towards(Math.round(base * 0.8), 8));
      review = { question: "Behandlingen ger litet svar. Byte av SSRI eller tillägg av KBT-grupp?" };
      break;
    case "relapsePrevention":
      days = 95 + Math.floor(random() * 25);
      visits = weekly(0, 84, towards(9, 8));
      status = {
        status: "RELAPSE_PREVENTION",
        day: 85,
        plan: "Återfallsprevention: sömnrutiner, fysisk aktivitet, varningstecken och vem patienten kontaktar vid försämring. Uppföljande samtal var fjärde vecka.",
      };
      break;
    case "completed":
      days = 110 + Math.floor(random() * 60);
      visits = weekly(0, 84, towards(8, 9));
      status = { status: "COMPLETED", day: 85 };
      break;
    case "deactivated":
      days = 60 + Math.floor(random() * 60);
      visits = weekly(0, 28, towards(base - 4, 6));
      status = {
        status: "DEACTIVATED",
        day: 30,
        reason: random() < 0.5 ? "Flyttat till annan region." : "Remitterad till specialistpsykiatrin.",
      };
      break;
    case "newlyEnrolled":
      days = Math.floor(random() * 6);
      visits = [{ day: 0, total: base, type: "IN_PERSON" }];
      break;
  }
  return { days, visits, status, review };
}

/** Adds the demo patients to the demo units unless they already have patients. */
export async function seedDemoPatients(
  prisma: PrismaClient,
  today: LocalDate,
  unitNames: readonly string[],
): Promise<number> {
  const units = await prisma.unit.findMany({
    where: { name: { in: [...unitNames] } },
    include: { memberships: { include: { user: true } } },
  });
  if (units.length !== unitNames.length) throw new Error("seed the demo users first");
  if ((await prisma.patient.count({ where: { unitId: { in: units.map((u) => u.id) } } })) > 0) return 0;
  const random = seededRandom(20261122);
  const staff = unitNames.map((name) => {
    const unit = units.find((u) => u.name === name)!;
    const of = (role: string) => unit.memberships.find((m) => m.user.role === role)!.user;
    return { unit, cm: of("VARDSAMORDNARE"), gp: of("ALLMANLAKARE") };
  });

  let n = 0;
  for (const [kind, count] of PLAN) {
    for (let k = 0; k < count; k++, n++) {
      const { unit, cm, gp } = staff[n % 2]!;
      const { days, visits, status, review } = trajectory(kind, random);
      const start = addDays(today, -days);
      const year = 1950 + Math.floor(random() * 55);
      const nine = `${String(year).slice(2)}${String(1 + Math.floor(random() * 12)).padStart(2, "0")}${String(1 + Math.floor(random() * 28)).padStart(2, "0")}${String(1 + Math.floor(random() * 999)).padStart(3, "0")}`; // serial 000 is never issued
      const patient = await prisma.patient.create({
        data: {
          unitId: unit.id,
          personnummer: `${String(year).slice(0, 2)}${nine}${luhnCheckDigit(nine)}`,
          givenName: GIVEN[n % GIVEN.length]!,
          familyName: FAMILY[(n * 7) % FAMILY.length]!,
          phone: `07${Math.floor(random() * 10)}-${String(Math.floor(random() * 1000)).padStart(3, "0")} ${String(Math.floor(random() * 100)).padStart(2, "0")} ${String(Math.floor(random() * 100)).padStart(2, "0")}`,
          createdById: cm.id,
        },
      });
      const closed = status && (status.status === "COMPLETED" || status.status === "DEACTIVATED");
      const episode = await prisma.episode.create({
        data: {
          patientId: patient.id,
          startDate: toDbDate(start),
          status: status?.status ?? "ACTIVE",
          closedDate: closed ? toDbDate(addDays(start, status.day)) : null,
          careManagerId: cm.id,
          gpId: gp.id,
          diagnosis: DIAGNOSES[Math.floor(random() * DIAGNOSES.length)]!,
          sickLeaveAtStart: [0, 0, 25, 50, 100][Math.floor(random() * 5)]!,
          version: status ? 2 : 1,
          createdById: cm.id,
        },
      });
      const shown = visits.filter((v) => v.day <= days);
      for (const v of shown) {
        const date = addDays(start, v.day);
        // The next call is planned a week on (an unanswered one in two days); the latest contact of some
        // patients planned today's call, or one in three days that is now overdue, so the start page has
        // its day's work.
        const last = v === shown.at(-1) && !closed;
        const soon = addDays(date, v.reached === false ? 2 : 3);
        const planned =
          last && n % 5 === 1 && date < today
            ? today
            : last && n % 7 === 3 && soon < today
              ? soon
              : addDays(date, v.reached === false ? 2 : 7);
        const items = v.total === null ? null : spread(v.total, v.item9 ?? (v.total > 25 ? 1 : 0), random);
        await prisma.contact.create({
          data: {
            episodeId: episode.id,
            date: toDbDate(date),
            time: v.type === "IN_PERSON" ? "10:00" : "14:30",
            type: v.type ?? "PHONE",
            counterpart: "PATIENT",
            reached: v.reached ?? true,
            ...(items
              ? {
                  ...Object.fromEntries(items.map((value, i) => [`item${i + 1}`, value])),
                  madrsTotal: items.reduce((a, b) => a + b, 0),
                }
              : {}),
            durationMinutes: v.type === "IN_PERSON" ? 45 : 15,
            note: v.reached === false ? "Sökt, inget svar. Nytt försök om några dagar." : null,
            nextPlannedDate:
              status?.status === "RELAPSE_PREVENTION" && v.day >= 84 ? null : toDbDate(planned),
            authorId: cm.id,
            recordedAt: new Date(`${date}T12:00:00Z`),
          },
        });
      }
      // Two patients answered a self-report link yesterday: the care manager's start page shows it,
      // and the next call can refer to it. (The link's token is gone: only a stand-in hash is stored.)
      const lastScore = shown.filter((v) => v.total !== null).at(-1);
      if (kind === "partial" && k < 2 && !closed && lastScore && days >= 3) {
        const date = addDays(today, -1);
        const link = await prisma.selfReportLink.create({
          data: {
            episodeId: episode.id,
            tokenHash: `demo-${episode.id}`,
            createdById: cm.id,
            createdAt: new Date(`${addDays(today, -2)}T09:00:00Z`),
            expiresAt: new Date(`${addDays(today, 5)}T09:00:00Z`),
            usedAt: new Date(`${date}T18:40:00Z`),
          },
        });
        // Its own random stream: the other patients' data stay as they were.
        const items = spread(Math.max(0, lastScore.total! - 2), 1, seededRandom(n));
        await prisma.contact.create({
          data: {
            episodeId: episode.id,
            date: toDbDate(date),
            type: "SELF_REPORT",
            counterpart: "PATIENT",
            reached: false,
            ...Object.fromEntries(items.map((value, i) => [`item${i + 1}`, value])),
            madrsTotal: items.reduce((a, b) => a + b, 0),
            selfReportLinkId: link.id,
            recordedAt: new Date(`${date}T18:40:00Z`),
          },
        });
      }
      if (status) {
        await prisma.episodeStatusChange.create({
          data: {
            episodeId: episode.id,
            status: status.status,
            date: toDbDate(addDays(start, status.day)),
            reason: status.reason ?? null,
            plan: status.plan ?? null,
            recordedById: cm.id,
            recordedAt: new Date(`${addDays(start, status.day)}T12:00:00Z`),
          },
        });
      }
      if (review) {
        await prisma.reviewRequest.create({
          data: {
            episodeId: episode.id,
            question: review.question,
            requestedById: gp.id,
            requestedAt: new Date(`${addDays(today, -3)}T09:00:00Z`),
          },
        });
      }
      // One non-responder was already discussed: the GP changed the medication ten days ago.
      if (kind === "nonResponder" && k === 0 && days >= 52) {
        await prisma.flagHandling.create({
          data: {
            episodeId: episode.id,
            code: "EARLY_NON_RESPONSE",
            note: "Sertralin höjt från 50 till 100 mg. Ny bedömning om fyra veckor.",
            handledAt: new Date(`${addDays(today, -10)}T13:00:00Z`),
            handledById: gp.id,
            handledByRole: "ALLMANLAKARE",
          },
        });
      }
    }
  }
  return n;
}
