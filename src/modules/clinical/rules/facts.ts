// What the clinical core reads of an episode: dated facts, nothing else. The
// data layer loads them (modules/episodes/lib/facts.ts); tests build them.
import { daysBetween, type LocalDate } from "@/lib/local-date";
import { madrsTotal, type MadrsItems } from "./madrs";

export type EpisodeStatus = "ACTIVE" | "RELAPSE_PREVENTION" | "COMPLETED" | "DEACTIVATED";
export type Counterpart = "PATIENT" | "FORSAKRINGSKASSAN" | "SOCIALTJANST" | "ARBETSGIVARE" | "OTHER";
/**
 * SELF_REPORT is the patient's own MADRS-S through a link (domain.md "Self-report
 * by link"): it counts for baseline, latest and every score flag, but it is not
 * a conversation, so never a reached contact (silence flags, method adherence).
 */
export type ContactType = "PHONE" | "IN_PERSON" | "VIDEO" | "SELF_REPORT";
/** The types staff log; a SELF_REPORT is only ever made by the patient's link. */
export const STAFF_CONTACT_TYPES = ["PHONE", "IN_PERSON", "VIDEO"] as const satisfies readonly ContactType[];

/** The open statuses; COMPLETED and DEACTIVATED are final (domain.md). */
export const OPEN_STATUSES = ["ACTIVE", "RELAPSE_PREVENTION"] as const satisfies readonly EpisodeStatus[];

export const isOpenStatus = (status: EpisodeStatus): status is (typeof OPEN_STATUSES)[number] =>
  (OPEN_STATUSES as readonly EpisodeStatus[]).includes(status);

export type CoreContact = {
  id: string;
  date: LocalDate;
  /** When it was recorded: orders contacts of one date, and decides "new information" after a handling. */
  recordedAt: Date;
  type: ContactType;
  counterpart: Counterpart;
  reached: boolean;
  items: MadrsItems | null;
  /** A call that referred to the patient's self-report instead of repeating the items (it has no items). */
  refersToSelfReport?: boolean;
};
export type ScoredContact = CoreContact & { items: MadrsItems };
export type CoreStatusChange = { status: EpisodeStatus; date: LocalDate; recordedAt: Date };
export type CoreHandling<Code extends string = string> = { code: Code; handledAt: Date };
export type CoreReviewRequest = { requestedAt: Date };

export type EpisodeFacts<Code extends string = string> = {
  startDate: LocalDate;
  /** Changes after enrollment; the episode is ACTIVE from startDate until the first of them. */
  statusChanges: readonly CoreStatusChange[];
  contacts: readonly CoreContact[];
  handlings: readonly CoreHandling<Code>[];
  reviewRequests: readonly CoreReviewRequest[];
};

export const isSelfReport = (c: Pick<CoreContact, "type">): boolean => c.type === "SELF_REPORT";

/** A MADRS-S that counts: from a reached patient contact, or the patient's own self-report. */
export const isScored = (c: CoreContact): c is ScoredContact =>
  c.items !== null && c.counterpart === "PATIENT" && (isSelfReport(c) || c.reached);

/** A conversation that reached the patient: ends silence, counts for adherence. A self-report never does. */
export const isReachedPatient = (c: CoreContact): boolean =>
  c.reached && c.counterpart === "PATIENT" && !isSelfReport(c);

/** Contacts in time order: date, then the order they were recorded, then id for determinism. */
export const contactOrder = (a: CoreContact, b: CoreContact): number =>
  a.date.localeCompare(b.date) || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id);

/** A point of the score charts: the day in treatment and the total; a self-report is drawn hollow. */
export type ScorePoint = { date: LocalDate; day: number; total: number; selfReported: boolean };

/** Every score that counts, in time order, as the charts and sparklines draw them. */
export const scoreSeries = (facts: EpisodeFacts): ScorePoint[] =>
  facts.contacts
    .filter(isScored)
    .sort(contactOrder)
    .map((c) => ({
      date: c.date,
      day: daysBetween(facts.startDate, c.date),
      total: madrsTotal(c.items),
      selfReported: isSelfReport(c),
    }));
