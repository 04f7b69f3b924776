// Which accesses of a month are worth a look (HSLF-FS 2016:40: systematic,
// recurrent review of the access log). Pure: the rows and the care relations
// come in, each selected row goes out with its reasons. domain.md's roles
// decide who has a care relation to a patient: its care manager, its GP, a
// psychiatrist serving the unit. Decisions where the sources are silent:
// - Office hours are 07–19 on weekdays, Stockholm time; public holidays are
//   not known here, so a holiday's accesses are not picked for the time alone.
//   The time counts for record accesses (a list read at night names every
//   patient on it; its opened records are what is checked).
// - "Many patients in a short time" counts distinct patients whose own record
//   was opened (a list that shows many patients at once is not a burst), and
//   selects the access that reaches the threshold, once per burst.
// - The random sample draws from the month's record accesses by a keyed hash
//   of the row, so it is the same on every look and cannot be foreseen by a
//   user who knows the rules.
import { createHmac } from "node:crypto";
import { stockholmWeekdayHour } from "@/lib/local-date";

export const REASONS = ["NO_CARE_RELATION", "OFF_HOURS", "MANY_PATIENTS", "REFUSED", "SAMPLE"] as const;
export type Reason = (typeof REASONS)[number];

export const REASON_LABEL: Record<Reason, string> = {
  NO_CARE_RELATION: "Ingen vårdrelation",
  OFF_HOURS: "Utanför kontorstid",
  MANY_PATIENTS: "Många patienter på kort tid",
  REFUSED: "Nekad åtkomst",
  SAMPLE: "Stickprov",
};

export type SelectionSettings = {
  /** Office hours, Stockholm time: from this hour … */
  dayStartHour: number;
  /** … up to (not including) this hour, Monday to Friday. */
  dayEndHour: number;
  /** This many distinct patients' records … */
  burstPatients: number;
  /** … within this many minutes is a burst. */
  burstMinutes: number;
  /** The random sample's size per unit and month. */
  sampleSize: number;
};

export const DEFAULT_SELECTION: SelectionSettings = {
  dayStartHour: 7,
  dayEndHour: 19,
  burstPatients: 20,
  burstMinutes: 10,
  sampleSize: 10,
};

export type LogRow = {
  id: string;
  action?: string;
  at: Date;
  userId: string | null;
  /** Made by a patient's self-report link (no user). */
  byLink?: boolean;
  role: string | null;
  patientId: string | null;
  target: string | null;
  refusal: string | null;
};

export type CareRelations = {
  /** Each patient's care managers and GPs (of any of its episodes). */
  carers: ReadonlyMap<string, ReadonlySet<string>>;
  /** The psychiatrists who serve the unit. */
  psychiatrists: ReadonlySet<string>;
};

/**
 * What is not an opened record though it names a patient: lists that show
 * many patients at once (reading one names each, but opens none), and the log
 * review's own work (a search, an extract, a review). The same pattern filters
 * in SQL (LIST_TARGET_SOURCE) and here.
 */
export const LIST_TARGET_SOURCE =
  "^(patient-list|caseload|flagged-patients|start-page|review-list|unanswered-questions|unread-recommendations|access-log|log-extract|log-review)";
const LIST_TARGET = new RegExp(LIST_TARGET_SOURCE);

/** An access to one patient's own record (not a list, not the log review itself). */
export const isRecordAccess = (row: Pick<LogRow, "patientId" | "target">): boolean =>
  row.patientId !== null && !LIST_TARGET.test(row.target ?? "");

const CLINICAL_ROLES = new Set(["VARDSAMORDNARE", "ALLMANLAKARE", "PSYKIATER"]);

export function isOffHours(at: Date, s: SelectionSettings = DEFAULT_SELECTION): boolean {
  const { weekday, hour } = stockholmWeekdayHour(at);
  return weekday >= 6 || hour < s.dayStartHour || hour >= s.dayEndHour;
}

/** A staff member's access to a patient they have no care relation to. */
export function lacksCareRelation(row: LogRow, relations: CareRelations): boolean {
  if (!isRecordAccess(row) || row.userId === null || row.refusal !== null) return false;
  if (!CLINICAL_ROLES.has(row.role ?? "")) return false;
  if (row.role === "PSYKIATER" && relations.psychiatrists.has(row.userId)) return false;
  return !(relations.carers.get(row.patientId!)?.has(row.userId) ?? false);
}

/** The rows that reach `burstPatients` distinct patients within `burstMinutes`, one per burst. */
export function burstRows(rows: readonly LogRow[], s: SelectionSettings = DEFAULT_SELECTION): Set<string> {
  const byUser = new Map<string, LogRow[]>();
  for (const r of rows)
    if (r.userId && isRecordAccess(r) && r.refusal === null)
      (byUser.get(r.userId) ?? byUser.set(r.userId, []).get(r.userId)!).push(r);
  const picked = new Set<string>();
  const windowMs = s.burstMinutes * 60_000;
  for (const list of byUser.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id, "en", { numeric: true }));
    let start = 0;
    const inWindow = new Map<string, number>();
    let burstUntil = -Infinity;
    for (const row of list) {
      const t = row.at.getTime();
      while (list[start]!.at.getTime() < t - windowMs) {
        const p = list[start]!.patientId!;
        const n = inWindow.get(p)! - 1;
        if (n === 0) inWindow.delete(p);
        else inWindow.set(p, n);
        start++;
      }
      inWindow.set(row.patientId!, (inWindow.get(row.patientId!) ?? 0) + 1);
      if (inWindow.size >= s.burstPatients && t > burstUntil) {
        picked.add(row.id);
        // The rest of this burst is the same event: the next one starts after a quiet window.
        burstUntil = t + windowMs;
      } else if (inWindow.size >= s.burstPatients) burstUntil = t + windowMs;
    }
  }
  return picked;
}

/** The month's sample: `size` record accesses, chosen by a keyed hash of each row (stable, unforeseeable). */
export function sampleRows(rows: readonly LogRow[], key: string, month: string, size: number): Set<string> {
  const rank = (id: string) => createHmac("sha256", key).update(`${month}:${id}`).digest("hex");
  return new Set(
    rows
      // Staff accesses: a patient's own self-report is not what a log review samples.
      .filter((r) => isRecordAccess(r) && !r.byLink)
      .map((r) => ({ id: r.id, rank: rank(r.id) }))
      .sort((a, b) => a.rank.localeCompare(b.rank))
      .slice(0, size)
      .map((r) => r.id),
  );
}

export type Selected = { row: LogRow; reasons: Reason[] };

/**
 * The month's accesses worth a look, each with its reasons, newest first.
 * Sign-ins and the verksamhetschef's own log reading are not selected for
 * their time alone (a refused sign-in is, as a refusal).
 */
export function selectForReview(
  rows: readonly LogRow[],
  relations: CareRelations,
  { key, month, settings = DEFAULT_SELECTION }: { key: string; month: string; settings?: SelectionSettings },
): Selected[] {
  const bursts = burstRows(rows, settings);
  const sample = sampleRows(rows, key, month, settings.sampleSize);
  const out: Selected[] = [];
  for (const row of rows) {
    // The patient's own self-report link is not staff access: a night-time answer, or an old SMS
    // link opened again (410), is what patients do. (Its rows stay in the log and its search.)
    if (row.byLink) continue;
    const reasons: Reason[] = [];
    if (lacksCareRelation(row, relations)) reasons.push("NO_CARE_RELATION");
    if (isRecordAccess(row) && isOffHours(row.at, settings)) reasons.push("OFF_HOURS");
    if (bursts.has(row.id)) reasons.push("MANY_PATIENTS");
    if (row.refusal !== null) reasons.push("REFUSED");
    if (sample.has(row.id)) reasons.push("SAMPLE");
    if (reasons.length > 0) out.push({ row, reasons });
  }
  return out.sort(
    (a, b) =>
      b.row.at.getTime() - a.row.at.getTime() || b.row.id.localeCompare(a.row.id, "en", { numeric: true }),
  );
}
