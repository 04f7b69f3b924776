// Method adherence (domain.md, "Method adherence (the VGR method)"): how well
// the unit's method was followed, as of a date. Never a flag: it is shown on
// the patient page, the caseload and in reports, so that a region can see
// whether the method it evaluates was the method that was used.
import { addDays, daysBetween, type LocalDate } from "@/lib/local-date";
import { isOpenStatus, isReachedPatient, type EpisodeFacts } from "./facts";

export type MethodSettings = {
  /** Physical meetings (IN_PERSON, reached, with the patient) the method asks for … */
  physicalMeetings: number;
  /** … dated from the start to start + this many days (the closing meeting often falls just after week 12). */
  physicalByDay: number;
  /** Treatment weeks with (at least) one reached patient contact each. */
  contactWeeks: number;
};

/** The VGR method: two physical meetings by day 91, a reached contact in each of 12 weeks. */
export const DEFAULT_METHOD_SETTINGS: MethodSettings = {
  physicalMeetings: 2,
  physicalByDay: 91,
  contactWeeks: 12,
};

/** Each method setting's Swedish name, for the settings page and its errors. */
export const METHOD_SETTING_LABEL: Record<keyof MethodSettings, string> = {
  physicalMeetings: "Fysiska besök",
  physicalByDay: "Fysiska besök senast dag",
  contactWeeks: "Veckor med kontakt",
};

/** Day 77, the first day of treatment week 12. */
const WEEK_12 = 77;

export type Adherence = {
  /** Reached physical meetings with the patient from the start to physicalByDay (and asOf). */
  physical: { done: number; target: number; shortfall: boolean };
  /**
   * Weeks with a reached patient contact, of the weeks counted: every completed
   * week up to contactWeeks, plus the current week once it has such a contact
   * (so the figure does not drop each Monday). `missed` names the completed
   * weeks without one: a week without contact shows at once.
   */
  weeks: { withContact: number; counted: number; missed: number[] };
  /** Reached patient contacts, and how many of them carry a MADRS-S. */
  scores: { scored: number; reached: number };
};

/**
 * Method adherence as of `asOf`. A reached patient contact is any type of
 * conversation with the patient that reached them (a self-report by link is a
 * form, not a conversation, and does not count here; a call that refers to one
 * counts as a call with MADRS-S).
 * A missing physical meeting is a shortfall only from week 12 on: the closing
 * meeting is planned for then. A closed episode is measured up to its closing.
 */
export function methodAdherence(facts: EpisodeFacts, asOf: LocalDate, s: MethodSettings): Adherence {
  // A closed episode is measured up to its closing: a patient who moved away in
  // week 4 missed no weeks after it.
  const closed = facts.statusChanges
    .filter((c) => !isOpenStatus(c.status) && c.date <= asOf)
    .map((c) => c.date)
    .sort()[0];
  const end = closed ?? asOf;
  const days = daysBetween(facts.startDate, end);
  const reached = facts.contacts.filter(
    (c) => isReachedPatient(c) && c.date >= facts.startDate && c.date <= end,
  );

  const lastPhysicalDay = addDays(facts.startDate, s.physicalByDay);
  const physical = reached.filter((c) => c.type === "IN_PERSON" && c.date <= lastPhysicalDay).length;

  const weekOf = (date: LocalDate) => Math.floor(daysBetween(facts.startDate, date) / 7) + 1;
  const weeksWithContact = new Set(reached.map((c) => weekOf(c.date)));
  // Week w (days 7(w−1) … 7w−1) is completed once its last day has passed.
  const completed = Math.min(s.contactWeeks, Math.max(0, Math.floor(days / 7)));
  const current = completed + 1;
  const countsCurrent = current <= s.contactWeeks && weeksWithContact.has(current);
  const missed: number[] = [];
  for (let w = 1; w <= completed; w++) if (!weeksWithContact.has(w)) missed.push(w);

  return {
    physical: {
      done: physical,
      target: s.physicalMeetings,
      // From the first day of week 12 (day 77) on, as domain.md says, whatever the unit's weeks.
      shortfall: physical < s.physicalMeetings && days >= WEEK_12,
    },
    weeks: {
      withContact: completed - missed.length + (countsCurrent ? 1 : 0),
      counted: completed + (countsCurrent ? 1 : 0),
      missed,
    },
    // A call that went through the patient's self-report instead of repeating it was scored too.
    scores: {
      scored: reached.filter((c) => c.items !== null || c.refersToSelfReport === true).length,
      reached: reached.length,
    },
  };
}
