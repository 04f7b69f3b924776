// Everything about an episode as of one day, before handlings decide which
// flags are open: status, baseline, latest, targets, silence, handlings.
import { addDays, daysBetween, stockholmDate, type LocalDate } from "@/lib/local-date";
import {
  contactOrder,
  isReachedPatient,
  isScored,
  type EpisodeFacts,
  type EpisodeStatus,
  type ScoredContact,
} from "./facts";
import { madrsTotal } from "./madrs";
import type { RuleSettings } from "./settings";

export type Targets = {
  reduction: number | null;
  response: boolean;
  partial: boolean;
  remission: boolean;
  /** Reduction below `percent` (false without a reduction: no baseline, or a baseline of 0). */
  lowReduction: (percent: number) => boolean;
};

export type Snapshot = {
  start: LocalDate;
  asOf: LocalDate;
  days: number;
  /** null before the start date. */
  status: EpisodeStatus | null;
  /** Scored contacts dated up to asOf, in time order. */
  scored: readonly ScoredContact[];
  baseline: ScoredContact | undefined;
  latest: ScoredContact | undefined;
  targets: Targets;
  lastReached: LocalDate | null;
  /** The latest date of a reached patient contact recorded after `instant`, if any. */
  lastReachedRecordedAfter: (instant: Date) => LocalDate | null;
  lastHandling: (code: string) => Date | undefined;
  lastRequest: Date | undefined;
};

function targets(
  baseline: ScoredContact | undefined,
  latest: ScoredContact | undefined,
  s: RuleSettings,
): Targets {
  const b = baseline ? madrsTotal(baseline.items) : null;
  const l = latest ? madrsTotal(latest.items) : null;
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

/**
 * The episode as of `asOf`. `handlingsUpTo` is the day whose handlings count
 * (normally asOf). The walk that finds a flag's `since` looks at earlier days
 * with asOf's handlings, so that a run starts where the flag was last raised,
 * not before its last handling.
 */
export function snapshot(
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

  let status: EpisodeStatus | null = null;
  if (days >= 0) {
    const changes = facts.statusChanges
      .filter((c) => c.date <= asOf)
      .sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.getTime() - b.recordedAt.getTime());
    status = changes.at(-1)?.status ?? "ACTIVE";
  }

  // Handlings and review requests count once made, up to the end of that day in Stockholm.
  const lastHandlingByCode = new Map<string, Date>();
  for (const h of facts.handlings) {
    if (stockholmDate(h.handledAt) > handlingsUpTo) continue;
    const prev = lastHandlingByCode.get(h.code);
    if (!prev || h.handledAt > prev) lastHandlingByCode.set(h.code, h.handledAt);
  }
  let lastRequest: Date | undefined;
  for (const r of facts.reviewRequests) {
    if (stockholmDate(r.requestedAt) <= asOf && (!lastRequest || r.requestedAt > lastRequest))
      lastRequest = r.requestedAt;
  }

  return {
    start: facts.startDate,
    asOf,
    days,
    status,
    scored,
    baseline,
    latest,
    targets: targets(baseline, latest, s),
    lastReached: reached.at(-1)?.date ?? null,
    lastReachedRecordedAfter: (instant) => reached.filter((c) => c.recordedAt > instant).at(-1)?.date ?? null,
    lastHandling: (code) => lastHandlingByCode.get(code),
    lastRequest,
  };
}
