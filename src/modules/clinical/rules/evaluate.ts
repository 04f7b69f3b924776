// The clinical core: targets and open flags of one episode as of a date, as a
// pure function of (episode facts, settings, asOf). domain.md is the spec; the
// comments name the decisions it leaves open.
import { FLAG_CODES, primaryRecipient, type FlagCode, type Recipient } from "./flags";
import { addDays, daysBetween, stockholmDate, type LocalDate } from "./local-date";
import { livslust, madrsTotal, type MadrsItems } from "./madrs";
import type { RuleSettings } from "./settings";

export type EpisodeStatus = "ACTIVE" | "RELAPSE_PREVENTION" | "COMPLETED" | "DEACTIVATED";
export type Counterpart = "PATIENT" | "FORSAKRINGSKASSAN" | "SOCIALTJANST" | "ARBETSGIVARE" | "OTHER";

export type CoreContact = {
  id: string;
  date: LocalDate;
  /** When it was recorded: orders contacts of one date, and decides "new information" after a handling. */
  recordedAt: Date;
  counterpart: Counterpart;
  reached: boolean;
  items: MadrsItems | null;
};
export type CoreStatusChange = { status: EpisodeStatus; date: LocalDate; recordedAt: Date };
export type CoreHandling = { code: FlagCode; handledAt: Date };
export type CoreReviewRequest = { requestedAt: Date };

export type EpisodeFacts = {
  startDate: LocalDate;
  /** Changes after enrollment; the episode is ACTIVE from startDate until the first of them. */
  statusChanges: readonly CoreStatusChange[];
  contacts: readonly CoreContact[];
  handlings: readonly CoreHandling[];
  reviewRequests: readonly CoreReviewRequest[];
};

export type OpenFlag = { code: FlagCode; to: Recipient; since: LocalDate };

export type Evaluation = {
  asOf: LocalDate;
  /** null before the start date: the episode had not begun. */
  status: EpisodeStatus | null;
  daysInTreatment: number;
  /** Treatment week, 1-based (days 0–6 are week 1); null before the start date. */
  week: number | null;
  reachesTwelveWeeks: LocalDate;
  baseline: number | null;
  latest: number | null;
  latestDate: LocalDate | null;
  latestItem9: number | null;
  reduction: number | null;
  response: boolean;
  partialResponse: boolean;
  remission: boolean;
  lastReachedContactDate: LocalDate | null;
  flags: OpenFlag[];
};

const isScored = (c: CoreContact): c is CoreContact & { items: MadrsItems } =>
  c.reached && c.counterpart === "PATIENT" && c.items !== null;
const isReachedPatient = (c: CoreContact) => c.reached && c.counterpart === "PATIENT";

// Contacts in time order: date, then the order they were recorded, then id for determinism.
const contactOrder = (a: CoreContact, b: CoreContact) =>
  a.date.localeCompare(b.date) || a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id);

const OPEN_STATUSES: readonly EpisodeStatus[] = ["ACTIVE", "RELAPSE_PREVENTION"];

/** Everything as of one day, before handlings are applied. */
type Snapshot = {
  start: LocalDate;
  asOf: LocalDate;
  days: number;
  status: EpisodeStatus | null;
  baseline: (CoreContact & { items: MadrsItems }) | undefined;
  latest: (CoreContact & { items: MadrsItems }) | undefined;
  lastReached: LocalDate | null;
  /** The latest date of a reached patient contact recorded after `instant`, if any. */
  lastReachedRecordedAfter: (instant: Date) => LocalDate | null;
  lastHandling: (code: FlagCode) => Date | undefined;
  lastRequest: Date | undefined;
};

/**
 * `handlingsUpTo` is the day whose handlings count (normally asOf). The walk
 * that finds `since` looks at earlier days with today's handlings, so that a
 * flag's run starts where it was last raised, not before its last handling.
 */
function snapshot(
  facts: EpisodeFacts,
  asOf: LocalDate,
  s: RuleSettings,
  handlingsUpTo: LocalDate = asOf,
): Snapshot {
  const days = daysBetween(facts.startDate, asOf);
  const visible = facts.contacts.filter((c) => c.date <= asOf).sort(contactOrder);
  const scored = visible.filter(isScored);
  const baselineEnd = addDays(facts.startDate, s.baselineWindowDays);
  const baseline = scored.find((c) => c.date >= facts.startDate && c.date <= baselineEnd);
  const latest = scored.at(-1);
  const reached = visible.filter(isReachedPatient);

  let status: EpisodeStatus | null = days >= 0 ? "ACTIVE" : null;
  if (status) {
    const changes = facts.statusChanges
      .filter((c) => c.date <= asOf)
      .sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.getTime() - b.recordedAt.getTime());
    status = changes.at(-1)?.status ?? "ACTIVE";
  }

  // Handlings and review requests count once made, up to the end of asOf in Stockholm.
  const madeBy = (instant: Date) => stockholmDate(instant) <= asOf;
  const lastHandlingByCode = new Map<FlagCode, Date>();
  for (const h of facts.handlings) {
    if (stockholmDate(h.handledAt) > handlingsUpTo) continue;
    const prev = lastHandlingByCode.get(h.code);
    if (!prev || h.handledAt > prev) lastHandlingByCode.set(h.code, h.handledAt);
  }
  const requests = facts.reviewRequests.filter((r) => madeBy(r.requestedAt)).map((r) => r.requestedAt);

  return {
    start: facts.startDate,
    asOf,
    days,
    status,
    baseline,
    latest,
    lastReached: reached.at(-1)?.date ?? null,
    lastReachedRecordedAfter: (instant) => reached.filter((c) => c.recordedAt > instant).at(-1)?.date ?? null,
    lastHandling: (code) => lastHandlingByCode.get(code),
    lastRequest: requests.length ? new Date(Math.max(...requests.map((d) => d.getTime()))) : undefined,
  };
}

type Targets = {
  reduction: number | null;
  response: boolean;
  partial: boolean;
  remission: boolean;
  lowReduction: (percent: number) => boolean;
};

function targets(snap: Snapshot, s: RuleSettings): Targets {
  const b = snap.baseline ? madrsTotal(snap.baseline.items) : null;
  const l = snap.latest ? madrsTotal(snap.latest.items) : null;
  if (b === null || l === null || b === 0) {
    return { reduction: null, response: false, partial: false, remission: false, lowReduction: () => false };
  }
  // Exact integer comparisons: (b − l) / b ≥ p/100  ⇔  100·(b − l) ≥ p·b.
  const atLeast = (percent: number) => 100 * (b - l) >= percent * b;
  return {
    reduction: (b - l) / b,
    response: atLeast(s.responsePercent),
    partial: atLeast(s.partialResponsePercent) && !atLeast(s.responsePercent),
    remission: b >= s.remissionMinBaseline && l <= s.remissionMaxTotal,
    lowReduction: (percent) => !atLeast(percent),
  };
}

/** The flags whose condition holds, before handlings. */
function conditions(snap: Snapshot, t: Targets, s: RuleSettings): Set<FlagCode> {
  const on = new Set<FlagCode>();
  if (!snap.status || !OPEN_STATUSES.includes(snap.status)) return on;
  const active = snap.status === "ACTIVE";
  if (snap.latest) {
    const item9 = livslust(snap.latest.items);
    const total = madrsTotal(snap.latest.items);
    if (item9 >= s.safetyRiskItem9) on.add("SAFETY_RISK");
    else if (item9 >= s.safetyCheckItem9) on.add("SAFETY_CHECK");
    if (total >= s.severeTotal) on.add("SEVERE");
    if (snap.baseline && total >= madrsTotal(snap.baseline.items) + s.worseningPoints) on.add("WORSENING");
  }
  if (snap.days >= s.noBaselineDays && !snap.baseline) on.add("NO_BASELINE");
  if (t.reduction !== null) {
    if (snap.days >= s.earlyNonResponseDays && t.lowReduction(s.partialResponsePercent))
      on.add("EARLY_NON_RESPONSE");
    if (snap.days >= s.noResponseDays && t.lowReduction(s.responsePercent)) on.add("NO_RESPONSE");
  }
  // Silence is counted from the last reached patient contact, or from the start;
  // once handled, only from the latest reached contact recorded after the handling.
  const silence = (code: "OVERDUE_CONTACT" | "INACTIVE") => {
    const handled = snap.lastHandling(code);
    const from = handled ? snap.lastReachedRecordedAfter(handled) : (snap.lastReached ?? snap.start);
    return from === null ? -1 : daysBetween(from, snap.asOf);
  };
  if (active && silence("OVERDUE_CONTACT") > s.overdueContactDays) on.add("OVERDUE_CONTACT");
  if (silence("INACTIVE") >= s.inactiveDays) on.add("INACTIVE");
  if (active && snap.days >= s.twelveWeekDays && !t.remission) on.add("TWELVE_WEEK_DECISION");
  if (snap.lastRequest) on.add("MARKED_FOR_REVIEW");
  return on;
}

/** A condition that holds stays open unless handled, and a handled flag comes back as domain.md says. */
function isOpen(code: FlagCode, snap: Snapshot, s: RuleSettings): boolean {
  if (code === "MARKED_FOR_REVIEW") {
    // Handled by the psychiatrist's answer; a newer request raises it again.
    const answered = snap.lastHandling(code);
    return !answered || (snap.lastRequest !== undefined && snap.lastRequest > answered);
  }
  const handled = snap.lastHandling(code);
  if (!handled) return true;
  switch (code) {
    case "SAFETY_RISK":
    case "SAFETY_CHECK":
    case "SEVERE":
    case "WORSENING":
      // New information: the latest score was recorded after the handling, whatever its date.
      return snap.latest !== undefined && snap.latest.recordedAt > handled;
    case "EARLY_NON_RESPONSE":
    case "NO_RESPONSE":
      return snap.asOf >= addDays(stockholmDate(handled), s.responseRecheckDays);
    case "OVERDUE_CONTACT":
    case "INACTIVE":
      // conditions() already counts the silence from after the handling.
      return true;
    case "NO_BASELINE":
    case "TWELVE_WEEK_DECISION":
      return false;
  }
}

function openFlags(snap: Snapshot, s: RuleSettings): { codes: Set<FlagCode>; targets: Targets } {
  const t = targets(snap, s);
  const codes = new Set<FlagCode>();
  for (const code of conditions(snap, t, s)) if (isOpen(code, snap, s)) codes.add(code);
  return { codes, targets: t };
}

/**
 * Days on which open flags can change: open-ness is constant between two of
 * them, so a flag's `since` is found by walking these back from asOf.
 */
function changeDays(facts: EpisodeFacts, asOf: LocalDate, s: RuleSettings): LocalDate[] {
  const start = facts.startDate;
  const days = new Set<LocalDate>([start]);
  for (const d of [s.noBaselineDays, s.earlyNonResponseDays, s.noResponseDays, s.twelveWeekDays])
    days.add(addDays(start, d));
  const silenceEnds = (from: LocalDate) => {
    days.add(addDays(from, s.overdueContactDays + 1));
    days.add(addDays(from, s.inactiveDays));
  };
  silenceEnds(start);
  for (const c of facts.contacts) {
    days.add(c.date);
    if (isReachedPatient(c)) silenceEnds(c.date);
  }
  for (const c of facts.statusChanges) days.add(c.date);
  for (const h of facts.handlings) {
    const d = stockholmDate(h.handledAt);
    days.add(d);
    days.add(addDays(d, s.responseRecheckDays));
  }
  for (const r of facts.reviewRequests) days.add(stockholmDate(r.requestedAt));
  return [...days].filter((d) => d >= start && d <= asOf).sort();
}

/**
 * Targets and open flags of an episode as of `asOf`. Contacts and status
 * changes dated after asOf, and handlings and review requests made after the
 * end of that day (Stockholm), are ignored. `since` is the day the flag last
 * became open: the first day of the unbroken run, ending at asOf, on which it
 * has been open given the handlings made by asOf. For a score flag that is the
 * date of the contact that raised it (after a handling: the first contact of
 * the run recorded after it); for MARKED_FOR_REVIEW the day of the request.
 * `withSince: false` skips that walk (the review list needs only the codes).
 */
export function evaluateEpisode(
  facts: EpisodeFacts,
  asOf: LocalDate,
  settings: RuleSettings,
  { withSince = true }: { withSince?: boolean } = {},
): Evaluation {
  const snap = snapshot(facts, asOf, settings);
  const { codes, targets: t } = openFlags(snap, settings);

  const since = new Map<FlagCode, LocalDate>();
  if (withSince && codes.size) {
    const running = new Set(codes);
    for (const day of changeDays(facts, asOf, settings).reverse()) {
      const open = openFlags(snapshot(facts, day, settings, asOf), settings).codes;
      for (const code of [...running]) {
        if (open.has(code)) since.set(code, day);
        else running.delete(code);
      }
      if (!running.size) break;
    }
  }

  return {
    asOf,
    status: snap.status,
    daysInTreatment: snap.days,
    week: snap.days >= 0 ? Math.floor(snap.days / 7) + 1 : null,
    reachesTwelveWeeks: addDays(facts.startDate, settings.twelveWeekDays),
    baseline: snap.baseline ? madrsTotal(snap.baseline.items) : null,
    latest: snap.latest ? madrsTotal(snap.latest.items) : null,
    latestDate: snap.latest?.date ?? null,
    latestItem9: snap.latest ? livslust(snap.latest.items) : null,
    reduction: t.reduction,
    response: t.response,
    partialResponse: t.partial,
    remission: t.remission,
    lastReachedContactDate: snap.lastReached,
    flags: FLAG_CODES.filter((c) => codes.has(c)).map((code) => ({
      code,
      to: primaryRecipient(code),
      since: since.get(code) ?? asOf,
    })),
  };
}
