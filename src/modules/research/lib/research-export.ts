import "server-only";
import { env } from "@/lib/env";
import { toDbDate, todayInStockholm } from "@/lib/dates";
import { addDays, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { contactOrder } from "@/modules/clinical/rules/facts";
import { madrsTotal } from "@/modules/clinical/rules/madrs";
import { loadFacts, loadUnitSettings } from "@/modules/episodes/lib/facts";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import { closedOn, type Period } from "@/modules/reports/rules/report";
import { ageBand, dayOf, episodeKey, personPseudonym, sexOf } from "../rules/pseudonymise";

export type ExportKind = "episodes" | "contacts";

/** The columns of each file, in order (docs/research-export.md explains each). */
export const EXPORT_COLUMNS: Record<ExportKind, readonly string[]> = {
  episodes: [
    "person",
    "episode",
    "unit",
    "start_month",
    "sex",
    "age_band",
    "status",
    "closed_day",
    "sick_leave_start",
    "baseline",
    "baseline_day",
    "madrs_day84",
    "response_12w",
    "remission_12w",
  ],
  contacts: [
    "episode",
    "day",
    "type",
    "counterpart",
    "reached",
    "madrs_total",
    "item1",
    "item2",
    "item3",
    "item4",
    "item5",
    "item6",
    "item7",
    "item8",
    "item9",
    "sick_leave",
  ],
};

function exportKey(): string {
  const key = env().SAMVARD_EXPORT_KEY;
  // `npm start` makes one in demo mode and refuses production without one.
  if (!key) throw new Error("SAMVARD_EXPORT_KEY is not set: the research export cannot make pseudonyms.");
  return key;
}

const csv = (rows: readonly (readonly (string | number | null)[])[]) =>
  rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\n") + "\n";
const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/**
 * The pseudonymised research export of a unit: the episodes started in the
 * period, one row each, or their contacts, one row each, as CSV. No name,
 * identity number, phone or free text; the person as a keyed hash; dates as
 * days since the episode's start, and the start month. Each export writes an
 * EXPORT row to the access log with its parameters.
 */
export const researchExport = ({
  actor,
  unitId,
  period,
  kind,
  today = todayInStockholm(),
}: {
  actor: UseCaseActor;
  unitId: string;
  period: Period;
  kind: ExportKind;
  today?: LocalDate;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: "Forskningsexporten görs av verksamhetschefen.",
      attempt: { action: "EXPORT", target: `research-export:${kind}` },
      // One row per patient exported, so that the export shows in each patient's log extract.
      access: (r: { patients: { patientId: string; unitId: string }[] }) =>
        r.patients.map((p) => ({
          action: "EXPORT" as const,
          unitId: p.unitId,
          patientId: p.patientId,
          target: `research-export:${kind}:${period.from}..${period.to}`,
        })),
    },
    async (db, [scoped]) => {
      const key = exportKey();
      const episodes = await db.episode.findMany({
        where: {
          patient: { unitId: scoped! },
          startDate: { gte: toDbDate(period.from), lte: toDbDate(period.to < today ? period.to : today) },
        },
        orderBy: { startDate: "asc" },
        select: {
          id: true,
          startDate: true,
          sickLeaveAtStart: true,
          patient: { select: { id: true, unitId: true, personnummer: true } },
        },
      });
      const patients = [...new Map(episodes.map((e) => [e.patient.id, e.patient])).values()].map((p) => ({
        patientId: p.id,
        unitId: p.unitId,
      }));
      const facts = await loadFacts(db, episodes, today);
      const rows: (string | number | null)[][] = [[...EXPORT_COLUMNS[kind]]];
      if (kind === "contacts") {
        const contacts = await db.contact.findMany({
          where: { episodeId: { in: episodes.map((e) => e.id) }, date: { lte: toDbDate(today) } },
          select: { id: true, episodeId: true, sickLeave: true },
        });
        const sick = new Map(contacts.map((c) => [c.id, c.sickLeave]));
        // In the episodes' keys' order, which tells nothing of when each started.
        const byKey = [...episodes].sort((a, b) =>
          episodeKey(key, a.id).localeCompare(episodeKey(key, b.id)),
        );
        for (const e of byKey) {
          const f = facts.get(e.id)!;
          for (const c of [...f.contacts].sort(contactOrder)) {
            rows.push([
              episodeKey(key, e.id),
              dayOf(f.startDate, c.date),
              c.type,
              c.counterpart,
              flag(c.reached),
              c.items ? madrsTotal(c.items) : null,
              ...(c.items ?? Array<null>(9).fill(null)),
              sick.get(c.id) ?? null,
            ]);
          }
        }
        return { csv: csv(rows), patients };
      }
      const settings = (await loadUnitSettings(db, [scoped!], today)).get(scoped!)!.rules;
      const unit = episodeKey(key, `unit:${scoped!}`);
      // In the pseudonyms' order, so that the rows tell nothing of when each episode started.
      const byPseudonym = episodes
        .map((e) => ({ e, person: personPseudonym(key, e.patient.personnummer) }))
        .sort((a, b) => a.person.localeCompare(b.person) || a.e.id.localeCompare(b.e.id));
      for (const { e, person } of byPseudonym) {
        const f = facts.get(e.id)!;
        const identity = e.patient.personnummer;
        const now = evaluateEpisode(f, today, settings, { withSince: false });
        const day84 = addDays(f.startDate, settings.twelveWeekDays);
        const at84 = day84 <= today ? evaluateEpisode(f, day84, settings, { withSince: false }) : null;
        const closed = closedOn(f, today);
        // As Uppföljning counts it: a baseline and a later score by day 84.
        const counted =
          at84 &&
          at84.baselineDate !== null &&
          at84.latestDate !== null &&
          at84.latestDate > at84.baselineDate;
        rows.push([
          person,
          episodeKey(key, e.id),
          unit,
          f.startDate.slice(0, 7),
          sexOf(identity),
          ageBand(identity, f.startDate),
          now.status ?? "",
          closed ? dayOf(f.startDate, closed) : null,
          e.sickLeaveAtStart,
          now.baseline,
          now.baselineDate ? dayOf(f.startDate, now.baselineDate) : null,
          at84?.latest ?? null,
          counted ? flag(at84.response) : null,
          counted && at84.baseline! >= settings.remissionMinBaseline ? flag(at84.remission) : null,
        ]);
      }
      return { csv: csv(rows), patients };
    },
  ).then((r) => r.csv);
