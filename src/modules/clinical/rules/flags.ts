// The eleven flags of domain.md as one table: each flag's condition, how it
// comes back after a handling, the days on which it can change, who it goes
// to, its place on the review list, its Swedish label and its colour tone.
// `Record<FlagCode, FlagRule>` makes a twelfth flag impossible to half-add:
// a code in FLAG_CODES without a complete rule does not compile.
import { addDays, daysBetween, stockholmDate, type LocalDate } from "@/lib/local-date";
import { isSelfReport, type EpisodeFacts, type ScoredContact } from "./facts";
import { formatReduction } from "./format";
import { livslust, madrsTotal } from "./madrs";
import type { RuleSettings } from "./settings";
import type { Snapshot } from "./snapshot";

/** The display order on an episode: safety first. */
export const FLAG_CODES = [
  "SAFETY_RISK",
  "SEVERE",
  "SAFETY_CHECK",
  "WORSENING",
  "TWELVE_WEEK_DECISION",
  "NO_RESPONSE",
  "EARLY_NON_RESPONSE",
  "MARKED_FOR_REVIEW",
  "NO_BASELINE",
  "OVERDUE_CONTACT",
  "INACTIVE",
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** api.md: a flag that goes to two roles is shown with the first of GP, PSYCHIATRIST, CARE_MANAGER. */
export const RECIPIENT_ORDER = ["GP", "PSYCHIATRIST", "CARE_MANAGER"] as const;
export type Recipient = (typeof RECIPIENT_ORDER)[number];

/** Colour language: red = safety, amber = needs action, blue = information. */
export type FlagTone = "safety" | "action" | "info";

export type FlagRule = {
  label: string;
  tone: FlagTone;
  recipients: readonly [Recipient, ...Recipient[]];
  /** Place on the review list, lower first; set exactly for the flags that go to the psychiatrist. */
  reviewPriority?: number;
  /** Open only while ACTIVE: relapse prevention pauses it. */
  activeOnly: boolean;
  /** Its condition as of the snapshot's day, for a flag never handled. */
  holds: (snap: Snapshot, s: RuleSettings) => boolean;
  /** After the last handling, made at `handledAt`: open again as of the snapshot's day? */
  afterHandling: (snap: Snapshot, s: RuleSettings, handledAt: Date) => boolean;
  /** Days, besides the start and status changes, on which its open-ness can change. */
  changeDays: (facts: EpisodeFacts, s: RuleSettings) => Iterable<LocalDate>;
  /** Why it is open, in Swedish, for a snapshot where it is: the figures and the limit they passed. */
  reason: (snap: Snapshot, s: RuleSettings) => string;
};

// --- the pieces the rules are made of -------------------------------------

const total = (c: ScoredContact) => madrsTotal(c.items);
// Every contact's date: a superset of the days a score flag can change on is
// as right as the exact set (the walk only checks more days), and simpler.
const contactDates = (facts: EpisodeFacts) => facts.contacts.map((c) => c.date);

/** Where a score came from, in a reason: the patient's own answers through a link are said to be unverified. */
const byLink = (c: ScoredContact) => (isSelfReport(c) ? " (självskattning via länk, ej verifierad)" : "");
const scoring = (c: ScoredContact) =>
  isSelfReport(c) ? "självskattningen via länk (ej verifierad)" : "skattningen";

/** A score flag: open again when the latest score meets the condition and was recorded after the handling. */
const scoreFlag = (meets: (latest: ScoredContact, snap: Snapshot, s: RuleSettings) => boolean) => ({
  holds: (snap: Snapshot, s: RuleSettings) => snap.latest !== undefined && meets(snap.latest, snap, s),
  afterHandling: (snap: Snapshot, s: RuleSettings, handledAt: Date) =>
    snap.latest !== undefined && snap.latest.recordedAt > handledAt && meets(snap.latest, snap, s),
  changeDays: contactDates,
});

/**
 * A safety flag (domain.md): once a score meets the condition it stays open
 * until handled, even when a later score no longer does, because the handling
 * is the documented suicide-risk assessment. Formally, open as of D while some
 * scored contact dated by D, recorded after the last handling made by D, meets
 * the condition; `since` is the date of the earliest such contact.
 */
const safetyFlag = (
  code: "SAFETY_RISK" | "SAFETY_CHECK",
  meets: (c: ScoredContact, s: RuleSettings) => boolean,
  limit: (s: RuleSettings) => string,
) => ({
  holds: (snap: Snapshot, s: RuleSettings) => snap.scored.some((c) => meets(c, s)),
  afterHandling: (snap: Snapshot, s: RuleSettings, handledAt: Date) =>
    snap.scored.some((c) => c.recordedAt > handledAt && meets(c, s)),
  changeDays: contactDates,
  // The score that raised it (the earliest that meets the condition since the
  // last handling), that it stays open until the assessment is documented, and
  // the latest Livslust when a later score says something else.
  reason: (snap: Snapshot, s: RuleSettings) => {
    const handled = snap.lastHandling(code);
    const raising = snap.scored.find((c) => (!handled || c.recordedAt > handled) && meets(c, s))!;
    const latest = snap.latest!;
    const since = latest === raising ? "" : ` Senaste Livslust ${livslust(latest.items)} (${latest.date}).`;
    return `Livslust ${livslust(raising.items)} vid ${scoring(raising)} ${raising.date} (${limit(s)}); öppen tills en riskbedömning dokumenterats.${since}`;
  },
});

/** A response flag: open again from the handling's date + responseRecheckDays where the condition holds. */
const responseFlag = (
  daysSetting: "earlyNonResponseDays" | "noResponseDays",
  percent: (s: RuleSettings) => number,
  target: string,
) => {
  const holds = (snap: Snapshot, s: RuleSettings) =>
    snap.days >= s[daysSetting] && snap.targets.lowReduction(percent(s));
  return {
    holds,
    afterHandling: (snap: Snapshot, s: RuleSettings, handledAt: Date) =>
      holds(snap, s) && snap.asOf >= addDays(stockholmDate(handledAt), s.responseRecheckDays),
    changeDays: (facts: EpisodeFacts, s: RuleSettings) => [
      addDays(facts.startDate, s[daysSetting]),
      ...contactDates(facts),
      ...facts.handlings.map((h) => addDays(stockholmDate(h.handledAt), s.responseRecheckDays)),
    ],
    reason: (snap: Snapshot, s: RuleSettings) => {
      const r = snap.targets.reduction!;
      const change = r < 0 ? `Ökning ${formatReduction(-r)}` : `Minskning ${formatReduction(r)}`;
      return `${change} på dag ${snap.days} (${target} från ${percent(s)} % minskning).`;
    },
  };
};

/**
 * A silence flag: days since the last reached patient contact (or the start)
 * of at least `firstLateDay`; once handled, counted again only from the latest
 * reached contact recorded after the handling, and handled until there is one.
 */
const silenceFlag = (firstLateDay: (s: RuleSettings) => number) => ({
  reason: (snap: Snapshot) =>
    snap.lastReached
      ? `${daysBetween(snap.lastReached, snap.asOf)} dagar sedan senaste nådda kontakt (${snap.lastReached}).`
      : `Ingen nådd kontakt sedan start (${snap.start}), ${snap.days} dagar.`,
  holds: (snap: Snapshot, s: RuleSettings) =>
    daysBetween(snap.lastReached ?? snap.start, snap.asOf) >= firstLateDay(s),
  afterHandling: (snap: Snapshot, s: RuleSettings, handledAt: Date) => {
    const from = snap.lastReachedRecordedAfter(handledAt);
    return from !== null && daysBetween(from, snap.asOf) >= firstLateDay(s);
  },
  changeDays: (facts: EpisodeFacts, s: RuleSettings) =>
    [facts.startDate, ...contactDates(facts)].flatMap((d) => [d, addDays(d, firstLateDay(s))]),
});

// Stryker disable next-line ArrowFunction: `() => undefined` is as closed as false
const never = () => false;

// --- the table --------------------------------------------------------------

export const FLAG_RULES: Record<FlagCode, FlagRule> = {
  SAFETY_RISK: {
    label: "Suicidrisk – bedöm i dag",
    tone: "safety",
    recipients: ["GP", "PSYCHIATRIST"],
    reviewPriority: 1,
    activeOnly: false,
    ...safetyFlag(
      "SAFETY_RISK",
      (c, s) => livslust(c.items) >= s.safetyRiskItem9,
      (s) => `suicidrisk från ${s.safetyRiskItem9}`,
    ),
  },
  SAFETY_CHECK: {
    label: "Livslust – gör riskbedömning",
    tone: "safety",
    recipients: ["CARE_MANAGER"],
    activeOnly: false,
    // "item 9 is 2 or 3": at least safetyCheckItem9, below safetyRiskItem9.
    ...safetyFlag(
      "SAFETY_CHECK",
      (c, s) => livslust(c.items) >= s.safetyCheckItem9 && livslust(c.items) < s.safetyRiskItem9,
      (s) => `riskbedömning från ${s.safetyCheckItem9}`,
    ),
  },
  SEVERE: {
    label: "Svår depression",
    tone: "safety",
    recipients: ["GP", "PSYCHIATRIST"],
    reviewPriority: 2,
    activeOnly: false,
    ...scoreFlag((latest, _snap, s) => total(latest) >= s.severeTotal),
    reason: (snap, s) =>
      `Senaste MADRS-S ${total(snap.latest!)}${byLink(snap.latest!)} (svår från ${s.severeTotal}).`,
  },
  WORSENING: {
    label: "Försämring",
    tone: "action",
    recipients: ["GP"],
    activeOnly: false,
    ...scoreFlag(
      (latest, snap, s) =>
        snap.baseline !== undefined && total(latest) >= total(snap.baseline) + s.worseningPoints,
    ),
    reason: (snap, s) =>
      `Senaste MADRS-S ${total(snap.latest!)}${byLink(snap.latest!)}, ${total(snap.latest!) - total(snap.baseline!)} poäng över utgångsvärdet ${total(snap.baseline!)} (gräns ${s.worseningPoints}).`,
  },
  NO_BASELINE: {
    label: "Saknar utgångsvärde",
    tone: "action",
    recipients: ["CARE_MANAGER"],
    activeOnly: false,
    holds: (snap, s) => snap.days >= s.noBaselineDays && !snap.baseline,
    afterHandling: never,
    changeDays: (facts, s) => [addDays(facts.startDate, s.noBaselineDays), ...contactDates(facts)],
    reason: (snap, s) =>
      `Ingen MADRS-S inom ${s.baselineWindowDays} dagar från start; dag ${snap.days} i behandling.`,
  },
  EARLY_NON_RESPONSE: {
    label: "Otillräcklig förbättring",
    tone: "action",
    recipients: ["GP"],
    activeOnly: false,
    ...responseFlag("earlyNonResponseDays", (s) => s.partialResponsePercent, "delvis svar"),
  },
  NO_RESPONSE: {
    label: "Ej behandlingssvar – konsultgenomgång",
    tone: "action",
    recipients: ["PSYCHIATRIST"],
    reviewPriority: 4,
    activeOnly: false,
    ...responseFlag("noResponseDays", (s) => s.responsePercent, "behandlingssvar"),
  },
  OVERDUE_CONTACT: {
    label: "Kontakt försenad",
    tone: "action",
    recipients: ["CARE_MANAGER"],
    activeOnly: true,
    // "more than overdueContactDays days" without a reached contact
    ...silenceFlag((s) => s.overdueContactDays + 1),
  },
  TWELVE_WEEK_DECISION: {
    label: "12 veckor – beslut",
    tone: "action",
    recipients: ["GP", "PSYCHIATRIST"],
    reviewPriority: 3,
    activeOnly: true,
    holds: (snap, s) => snap.days >= s.twelveWeekDays && !snap.targets.remission,
    afterHandling: never,
    changeDays: (facts, s) => [addDays(facts.startDate, s.twelveWeekDays), ...contactDates(facts)],
    reason: (snap) =>
      `Dag ${snap.days}: 12 veckor utan remission${snap.latest ? ` (senaste MADRS-S ${total(snap.latest)})` : ""}. Förläng, remittera eller avsluta med plan.`,
  },
  INACTIVE: {
    label: "Ingen kontakt på 90 dagar",
    tone: "info",
    recipients: ["CARE_MANAGER"],
    activeOnly: false,
    ...silenceFlag((s) => s.inactiveDays),
  },
  MARKED_FOR_REVIEW: {
    label: "Markerad för genomgång",
    tone: "info",
    recipients: ["PSYCHIATRIST"],
    reviewPriority: 5,
    activeOnly: false,
    // Handled by the psychiatrist's answer; a newer request raises it again.
    holds: (snap) => snap.lastRequest !== undefined,
    afterHandling: (snap, _s, answeredAt) => snap.lastRequest !== undefined && snap.lastRequest > answeredAt,
    changeDays: (facts) => facts.reviewRequests.map((r) => stockholmDate(r.requestedAt)),
    reason: (snap) => `Fråga till psykiatern sedan ${stockholmDate(snap.lastRequest!)}, obesvarad.`,
  },
};

export const FLAG_LABEL = Object.fromEntries(FLAG_CODES.map((c) => [c, FLAG_RULES[c].label])) as Record<
  FlagCode,
  string
>;
export const FLAG_TONE = Object.fromEntries(FLAG_CODES.map((c) => [c, FLAG_RULES[c].tone])) as Record<
  FlagCode,
  FlagTone
>;

export const primaryRecipient = (code: FlagCode): Recipient =>
  RECIPIENT_ORDER.find((r) => FLAG_RULES[code].recipients.includes(r))!;

export const isPsychiatristFlag = (code: FlagCode): boolean =>
  FLAG_RULES[code].recipients.includes("PSYCHIATRIST");

/** A flag's place on the review list (domain.md: SAFETY_RISK, SEVERE, TWELVE_WEEK_DECISION, NO_RESPONSE, MARKED_FOR_REVIEW); Infinity for the others. */
export const reviewPriority = (code: FlagCode): number =>
  FLAG_RULES[code].reviewPriority ?? Number.POSITIVE_INFINITY;
