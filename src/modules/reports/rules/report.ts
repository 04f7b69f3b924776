// "Uppföljning" (domain.md, "Follow-up and reports"): the unit's figures for a
// period, counted from the clinical core's own evaluations, so that a report
// and the patient page can never disagree on what "response" or "remission"
// means. Pure: the episodes' facts in, figures with their definitions out.
// Every figure states its numerator and denominator; a figure whose
// denominator is empty is null ("–"), never 0 %.
import { addDays, daysBetween, type LocalDate } from "@/lib/local-date";
import { methodAdherence, type MethodSettings } from "@/modules/clinical/rules/adherence";
import { evaluateEpisode, type Evaluation } from "@/modules/clinical/rules/evaluate";
import {
  contactOrder,
  isOpenStatus,
  isReachedPatient,
  isScored,
  type EpisodeFacts,
} from "@/modules/clinical/rules/facts";
import type { RuleSettings } from "@/modules/clinical/rules/settings";

export type Period = { from: LocalDate; to: LocalDate };

export type ReportEpisode = {
  id: string;
  careManagerId: string | null;
  /** Every fact up to the report's date (the period's end, or today when it lies ahead). */
  facts: EpisodeFacts;
  /** Sick leave in percent at enrollment, if recorded. */
  sickLeaveAtStart: number | null;
  /** The latest sick leave recorded on a contact by the report's date, if any. */
  sickLeaveLatest: number | null;
  /** The psychiatrist's recommendations: when, and whether the episode's GP has read it (null: not addressed to a GP). */
  recommendations: readonly { date: LocalDate; readByGp: boolean | null }[];
};

export type FigureKind = "count" | "share" | "ratio" | "median";

export type Figure = {
  key: string;
  label: string;
  kind: FigureKind;
  /** The share (0–1), the count, the ratio or the median; null when nothing was there to count. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** How it is counted, in Swedish, shown beside the figure. */
  definition: string;
};

export type MonthPoint = {
  month: string;
  enrollments: number;
  /** Reached patient contacts in the month per episode open some day of it. */
  contactRate: number | null;
  contacts: number;
  activeEpisodes: number;
  /** Counted only in part (the period starts or ends inside it, or it is not over yet). */
  partial: boolean;
};

export type Report = {
  period: Period;
  /** The date the report counts to: the period's end, or today when it lies ahead. */
  asOf: LocalDate;
  episodes: number;
  figures: Figure[];
  months: MonthPoint[];
};

/** The date an episode closed by `asOf` (COMPLETED or DEACTIVATED), if it did. */
export function closedOn(facts: EpisodeFacts, asOf: LocalDate): LocalDate | null {
  const closing = facts.statusChanges
    .filter((c) => !isOpenStatus(c.status) && c.date <= asOf)
    .map((c) => c.date)
    .sort()[0];
  return closing ?? null;
}

/** Open some day in [from, to]: started by `to`, and not closed before `from`. */
const activeIn = (facts: EpisodeFacts, from: LocalDate, to: LocalDate) => {
  if (facts.startDate > to) return false;
  const closed = closedOn(facts, to);
  return closed === null || closed >= from;
};

const inPeriod = (date: LocalDate, p: Period) => date >= p.from && date <= p.to;
const reachedIn = (facts: EpisodeFacts, from: LocalDate, to: LocalDate) =>
  facts.contacts.filter((c) => isReachedPatient(c) && c.date >= from && c.date <= to).length;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const share = (
  key: string,
  label: string,
  numerator: number,
  denominator: number,
  definition: string,
): Figure => ({
  key,
  label,
  kind: "share",
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
  definition,
});

/** The first date the episode is in remission by the core's rules (a scored contact's date), if by `asOf`. */
export function firstRemission(facts: EpisodeFacts, asOf: LocalDate, rules: RuleSettings): LocalDate | null {
  const dates = [
    ...new Set(
      facts.contacts
        .filter((c) => isScored(c) && c.date <= asOf)
        .sort(contactOrder)
        .map((c) => c.date),
    ),
  ];
  return dates.find((d) => evaluateEpisode(facts, d, rules, { withSince: false }).remission) ?? null;
}

/** The months (YYYY-MM) the period touches, with their first and last day inside it. */
export function monthsOf(p: Period): { month: string; from: LocalDate; to: LocalDate }[] {
  const out: { month: string; from: LocalDate; to: LocalDate }[] = [];
  let first = `${p.from.slice(0, 7)}-01`;
  while (first <= p.to) {
    const next = addDays(first, 32).slice(0, 7) + "-01";
    out.push({
      month: first.slice(0, 7),
      from: first < p.from ? p.from : first,
      to: addDays(next, -1) > p.to ? p.to : addDays(next, -1),
    });
    first = next;
  }
  return out;
}

/**
 * What the reports of one period, settings and day have evaluated, by
 * episode: the unit's report and each care manager's (the same episodes,
 * grouped) evaluate each episode once. Never share one between reports of
 * another period, settings or day.
 */
export type ReportMemo = {
  evaluations: Map<string, Evaluation>;
  remissions: Map<string, LocalDate | null>;
  /** The rules and day of the first report that used it: any other is refused. */
  of?: { rules: RuleSettings; asOf: LocalDate };
};
export const reportMemo = (): ReportMemo => ({ evaluations: new Map(), remissions: new Map() });

/** The report of these episodes (one unit, or one care manager's) for the period, as of `today`. */
export function buildReport(
  episodes: readonly ReportEpisode[],
  period: Period,
  settings: { rules: RuleSettings; method: MethodSettings },
  today: LocalDate,
  memo?: ReportMemo,
): Report {
  const { rules, method } = settings;
  const asOf = period.to < today ? period.to : today;
  const counted: Period = { from: period.from, to: asOf };
  if (memo) {
    memo.of ??= { rules, asOf };
    if (memo.of.rules !== rules || memo.of.asOf !== asOf)
      throw new Error("A report memo belongs to the reports of one period's day and one unit's settings.");
  }
  const evalAt = (e: ReportEpisode, date: LocalDate) => {
    if (!memo) return evaluateEpisode(e.facts, date, rules, { withSince: false });
    const key = `${e.id}|${date}`;
    let ev = memo.evaluations.get(key);
    if (!ev) memo.evaluations.set(key, (ev = evaluateEpisode(e.facts, date, rules, { withSince: false })));
    return ev;
  };
  const remissionOf = (e: ReportEpisode) => {
    if (!memo) return firstRemission(e.facts, asOf, rules);
    if (!memo.remissions.has(e.id)) memo.remissions.set(e.id, firstRemission(e.facts, asOf, rules));
    return memo.remissions.get(e.id) ?? null;
  };

  // Active caseload: open on the report's date.
  const open = episodes.filter((e) => {
    const status = evalAt(e, asOf).status;
    return status !== null && isOpenStatus(status);
  });
  const enrolled = episodes.filter((e) => inPeriod(e.facts.startDate, counted));
  const active = episodes.filter((e) => activeIn(e.facts, counted.from, counted.to));
  const contacts = active.reduce((n, e) => n + reachedIn(e.facts, counted.from, counted.to), 0);

  // A reached contact with the patient on days 1–14, of those enrolled whose day 14 has come.
  const fortnight = enrolled.filter((e) => addDays(e.facts.startDate, 14) <= asOf);
  const early = fortnight.filter(
    (e) => reachedIn(e.facts, addDays(e.facts.startDate, 1), addDays(e.facts.startDate, 14)) > 0,
  );

  // Twelve weeks: the episodes whose day 84 (the unit's twelveWeekDays) falls in the period.
  const twelve = episodes.filter((e) => inPeriod(addDays(e.facts.startDate, rules.twelveWeekDays), counted));
  const atTwelve = twelve.map((e) => ({
    e,
    ev: evalAt(e, addDays(e.facts.startDate, rules.twelveWeekDays)),
  }));
  // A baseline and a later score (the core's `latest` is the baseline itself when it is the only score).
  const withBaseline = atTwelve.filter(
    (x) => x.ev.baselineDate !== null && x.ev.latestDate !== null && x.ev.latestDate > x.ev.baselineDate,
  );
  const remissionBase = withBaseline.filter((x) => x.ev.baseline! >= rules.remissionMinBaseline);

  // To remission: the episodes first in remission during the period.
  const remitted = episodes
    .map((e) => ({ e, date: remissionOf(e) }))
    .filter((x): x is { e: ReportEpisode; date: LocalDate } => x.date !== null && inPeriod(x.date, counted));
  const weeksTo = remitted.map((x) => daysBetween(x.e.facts.startDate, x.date) / 7);
  const contactsTo = remitted.map((x) => reachedIn(x.e.facts, x.e.facts.startDate, x.date));

  // Non-responders: open on day 56 (noResponseDays) in the period, with a reduction below the response target then.
  const reviewDays = 60;
  const nonResponders = episodes
    .map((e) => ({ e, on: addDays(e.facts.startDate, rules.noResponseDays) }))
    .filter(({ e, on }) => {
      if (!inPeriod(on, counted)) return false;
      const ev = evalAt(e, on);
      return (
        ev.status !== null &&
        isOpenStatus(ev.status) &&
        ev.reduction !== null &&
        ev.reduction * 100 < rules.responsePercent
      );
    })
    .map(({ e, on }) => ({
      e,
      on,
      reviewed: e.recommendations.some(
        (r) => r.date >= on && r.date <= addDays(on, reviewDays) && r.date <= asOf,
      ),
    }))
    // Still inside its 60 days and not yet reviewed: not counted yet either way.
    .filter((x) => x.reviewed || addDays(x.on, reviewDays) <= asOf);

  // Sick leave: the episodes closed in the period, with sick leave known at the start and at the end.
  const closed = episodes.filter((e) => {
    const c = closedOn(e.facts, asOf);
    return c !== null && inPeriod(c, counted);
  });
  const sickKnown = closed.filter((e) => e.sickLeaveAtStart !== null && e.sickLeaveLatest !== null);

  // Method adherence at twelve weeks.
  const adherence = twelve.map((e) =>
    methodAdherence(e.facts, addDays(e.facts.startDate, rules.twelveWeekDays), method),
  );
  const reachedAll = adherence.reduce((n, a) => n + a.scores.reached, 0);
  const scoredAll = adherence.reduce((n, a) => n + a.scores.scored, 0);

  const recommendations = episodes.flatMap((e) =>
    e.recommendations.filter((r) => r.readByGp !== null && inPeriod(r.date, counted)),
  );

  const figures: Figure[] = [
    {
      key: "activeCaseload",
      label: "Aktiva insatser",
      kind: "count",
      value: open.length,
      numerator: open.length,
      denominator: episodes.length,
      definition: "Insatser som pågår (aktiv eller återfallsprevention) den sista dagen som räknas.",
    },
    {
      key: "enrollments",
      label: "Inskrivningar",
      kind: "count",
      value: enrolled.length,
      numerator: enrolled.length,
      denominator: episodes.length,
      definition: "Insatser med startdatum i perioden.",
    },
    {
      key: "contactsPerPatient",
      label: "Kontakter per patient",
      kind: "ratio",
      value: active.length === 0 ? null : contacts / active.length,
      numerator: contacts,
      denominator: active.length,
      definition:
        "Kontakter där patienten nåddes, daterade i perioden, delat med antalet insatser som pågick någon dag i perioden.",
    },
    share(
      "firstContact14",
      "Nådd inom 14 dagar",
      early.length,
      fortnight.length,
      "Av insatserna som startade i perioden och har passerat dag 14: andelen med en kontakt där patienten nåddes dag 1–14.",
    ),
    {
      key: "monthlyContactRate",
      label: "Kontakter per patient och månad",
      kind: "ratio",
      value: null,
      numerator: 0,
      denominator: 0,
      definition:
        "Periodens hela månader: kontakter där patienten nåddes, delat med summan av insatserna som pågick någon dag i varje månad (patientmånader).",
    },
    share(
      "response12",
      "Behandlingssvar vid 12 veckor",
      withBaseline.filter((x) => x.ev.response).length,
      withBaseline.length,
      `Av insatserna vars dag ${rules.twelveWeekDays} infaller i perioden och som då har utgångsvärde och en senare skattning (en insats som avslutats tidigare med sin senaste skattning): andelen med minst ${rules.responsePercent} % minskning.`,
    ),
    share(
      "remission12",
      "Remission vid 12 veckor",
      remissionBase.filter((x) => x.ev.remission).length,
      remissionBase.length,
      `Samma insatser, med utgångsvärde minst ${rules.remissionMinBaseline}: andelen med senaste MADRS-S högst ${rules.remissionMaxTotal} dag ${rules.twelveWeekDays}.`,
    ),
    {
      key: "weeksToRemission",
      label: "Veckor till remission (median)",
      kind: "median",
      value: median(weeksTo),
      numerator: remitted.length,
      denominator: remitted.length,
      definition:
        "Av insatserna som först når remission i perioden: veckor från start till den skattningen, median.",
    },
    {
      key: "contactsToRemission",
      label: "Kontakter till remission (median)",
      kind: "median",
      value: median(contactsTo),
      numerator: remitted.length,
      denominator: remitted.length,
      definition:
        "Av insatserna som först når remission i perioden: kontakter där patienten nåddes, från start till och med den skattningen, median.",
    },
    share(
      "nonResponderReviewed",
      "Utan behandlingssvar, genomgångna av psykiater",
      nonResponders.filter((x) => x.reviewed).length,
      nonResponders.length,
      `Av insatserna som pågår dag ${rules.noResponseDays} i perioden med under ${rules.responsePercent} % minskning då: andelen med en rekommendation från psykiatern inom ${reviewDays} dagar. De som ännu är inom sina ${reviewDays} dagar utan genomgång räknas inte än.`,
    ),
    share(
      "fullSickLeaveStart",
      "Heltidssjukskrivna vid start",
      sickKnown.filter((e) => e.sickLeaveAtStart === 100).length,
      sickKnown.length,
      "Av insatserna som avslutades i perioden med sjukskrivning angiven både vid start och vid någon kontakt: andelen sjukskrivna 100 % vid start.",
    ),
    share(
      "fullSickLeaveEnd",
      "Heltidssjukskrivna vid avslut",
      sickKnown.filter((e) => e.sickLeaveLatest === 100).length,
      sickKnown.length,
      "Samma insatser: andelen sjukskrivna 100 % enligt den senaste kontakten där sjukskrivning angavs.",
    ),
    share(
      "adherencePhysical",
      "Metodföljsamhet: fysiska besök",
      adherence.filter((a) => a.physical.done >= a.physical.target).length,
      adherence.length,
      `Av insatserna som når dag ${rules.twelveWeekDays} i perioden: andelen med minst ${method.physicalMeetings} fysiska besök senast dag ${method.physicalByDay}.`,
    ),
    share(
      "adherenceWeeks",
      "Metodföljsamhet: kontakt varje vecka",
      adherence.filter((a) => a.weeks.missed.length === 0).length,
      adherence.length,
      `Samma insatser: andelen där patienten nåddes varje vecka av de ${method.contactWeeks} första (som hunnit passera).`,
    ),
    share(
      "adherenceScores",
      "Metodföljsamhet: MADRS-S vid kontakt",
      scoredAll,
      reachedAll,
      "Samma insatser: andelen kontakter där patienten nåddes som har en MADRS-S, till och med dag 84.",
    ),
    share(
      "recommendationsRead",
      "Rekommendationer lästa av läkaren",
      recommendations.filter((r) => r.readByGp).length,
      recommendations.length,
      "Psykiaterns rekommendationer i perioden som ställts till patientens läkare: andelen som läkaren markerat som lästa (i dag).",
    ),
  ];

  const months: MonthPoint[] = monthsOf(counted).map((m) => {
    const activeInMonth = episodes.filter((e) => activeIn(e.facts, m.from, m.to));
    const monthContacts = activeInMonth.reduce((n, e) => n + reachedIn(e.facts, m.from, m.to), 0);
    return {
      month: m.month,
      enrollments: episodes.filter((e) => e.facts.startDate >= m.from && e.facts.startDate <= m.to).length,
      contacts: monthContacts,
      activeEpisodes: activeInMonth.length,
      contactRate: activeInMonth.length === 0 ? null : monthContacts / activeInMonth.length,
      partial: !m.from.endsWith("-01") || addDays(m.to, 1).slice(0, 7) === m.month,
    };
  });
  // Whole months only (a month counted in part has fewer contacts by construction); all of them when none is whole.
  const whole = months.filter((m) => m.contactRate !== null && !m.partial);
  const rated = whole.length > 0 ? whole : months.filter((m) => m.contactRate !== null);
  const rate = figures.find((f) => f.key === "monthlyContactRate")!;
  rate.numerator = rated.reduce((s, m) => s + m.contacts, 0);
  rate.denominator = rated.reduce((s, m) => s + m.activeEpisodes, 0);
  rate.value = rate.denominator === 0 ? null : rate.numerator / rate.denominator;

  return { period, asOf, episodes: episodes.length, figures, months };
}
