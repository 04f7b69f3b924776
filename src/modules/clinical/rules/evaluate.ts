// The clinical core: targets and open flags of one episode as of a date, as a
// pure function of (episode facts, settings, asOf). domain.md is the spec; the
// flag rules themselves are the table in flags.ts, and this file only loops
// over it.
import { addDays, stockholmDate, type LocalDate } from "@/lib/local-date";
import { isOpenStatus, type EpisodeFacts, type EpisodeStatus } from "./facts";
import { FLAG_CODES, FLAG_RULES, primaryRecipient, type FlagCode, type Recipient } from "./flags";
import { livslust, madrsTotal } from "./madrs";
import type { RuleSettings } from "./settings";
import { snapshot, type Snapshot } from "./snapshot";

export type {
  CoreContact,
  CoreHandling,
  CoreReviewRequest,
  CoreStatusChange,
  Counterpart,
  EpisodeFacts,
  EpisodeStatus,
} from "./facts";

/** An open flag: who it goes to first, the day it became open, and why it is open (Swedish). */
export type OpenFlag = { code: FlagCode; to: Recipient; since: LocalDate; reason: string };

export type Evaluation = {
  asOf: LocalDate;
  /** null before the start date: the episode had not begun. */
  status: EpisodeStatus | null;
  daysInTreatment: number;
  /** Treatment week, 1-based (days 0–6 are week 1); null before the start date. */
  week: number | null;
  reachesTwelveWeeks: LocalDate;
  baseline: number | null;
  baselineDate: LocalDate | null;
  /** The contact whose score is the baseline. */
  baselineContactId: string | null;
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

/** Open as of the snapshot's day: an open episode, the rule's status, and its condition or its way back. */
function isOpen(code: FlagCode, snap: Snapshot, s: RuleSettings): boolean {
  if (!snap.status || !isOpenStatus(snap.status)) return false;
  const rule = FLAG_RULES[code];
  if (rule.activeOnly && snap.status !== "ACTIVE") return false;
  const handled = snap.lastHandling(code);
  return handled ? rule.afterHandling(snap, s, handled) : rule.holds(snap, s);
}

const openCodes = (snap: Snapshot, s: RuleSettings, codes: readonly FlagCode[] = FLAG_CODES) =>
  new Set(codes.filter((code) => isOpen(code, snap, s)));

/**
 * The days on which any of `codes` can open or close: open-ness is constant
 * between two of them, so a flag's `since` is found by walking them back from asOf.
 */
function changeDays(facts: EpisodeFacts, asOf: LocalDate, s: RuleSettings, codes: Iterable<FlagCode>) {
  const days = new Set<LocalDate>([facts.startDate]);
  // Defensive: today no flag opens on a status change or a handling's own day
  // (status changes only close flags, handlings count back from asOf), so
  // leaving these out changes nothing a test can see; they keep the walk right
  // if a rule ever does.
  // Stryker disable next-line all: see above
  for (const c of facts.statusChanges) days.add(c.date);
  // Stryker disable next-line all: see above
  for (const h of facts.handlings) days.add(stockholmDate(h.handledAt));
  for (const code of codes) for (const d of FLAG_RULES[code].changeDays(facts, s)) days.add(d);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: days before the start show the episode closed, and asOf itself ends no run; both bounds only save work
  return [...days].filter((d) => d >= facts.startDate && d <= asOf).sort();
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
  const codes = openCodes(snap, settings);

  const since = new Map<FlagCode, LocalDate>();
  if (withSince && codes.size) {
    const running = new Set(codes);
    for (const day of changeDays(facts, asOf, settings, codes).reverse()) {
      const open = openCodes(snapshot(facts, day, settings, asOf), settings, [...running]);
      for (const code of running) {
        if (open.has(code)) since.set(code, day);
        else running.delete(code);
      }
      // Stryker disable next-line ConditionalExpression: stopping early only saves work
      if (!running.size) break;
    }
  }

  const t = snap.targets;
  return {
    asOf,
    status: snap.status,
    daysInTreatment: snap.days,
    week: snap.days >= 0 ? Math.floor(snap.days / 7) + 1 : null,
    reachesTwelveWeeks: addDays(facts.startDate, settings.twelveWeekDays),
    baseline: snap.baseline ? madrsTotal(snap.baseline.items) : null,
    baselineDate: snap.baseline?.date ?? null,
    baselineContactId: snap.baseline?.id ?? null,
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
      reason: FLAG_RULES[code].reason(snap, settings),
    })),
  };
}
