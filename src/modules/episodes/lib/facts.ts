import "server-only";
// The one loader of what the clinical core reads, for one episode or many:
// only the columns the rules look at, and only rows dated (or made) up to
// asOf, so that a region-sized list never loads notes or later contacts.
import type { Prisma } from "@/generated/prisma/client";
import type {
  ContactType as DbContactType,
  Counterpart as DbCounterpart,
  EpisodeStatus as DbStatus,
  FlagCode as DbFlagCode,
} from "@/generated/prisma/enums";
import { queries, type DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { endOfStockholmDay, type LocalDate } from "@/lib/local-date";
import type {
  ContactType,
  CoreContact,
  Counterpart,
  EpisodeFacts,
  EpisodeStatus,
} from "@/modules/clinical/rules/facts";
import { DEFAULT_METHOD_SETTINGS, type MethodSettings } from "@/modules/clinical/rules/adherence";
import {
  DEFAULT_EARLY_IMPROVEMENT,
  type EarlyImprovementSettings,
} from "@/modules/clinical/rules/early-improvement";
import {
  DEFAULT_SELF_REPORT_SETTINGS,
  type SelfReportSettings,
} from "@/modules/self-report/rules/link-settings";
import { madrsTotal } from "@/modules/clinical/rules/madrs";
import { versionInForce } from "@/modules/clinical/rules/settings-version";
import type { FlagCode } from "@/modules/clinical/rules/flags";
import {
  DEFAULT_RULE_SETTINGS,
  RULE_SETTING_KEYS,
  type RuleSettings,
} from "@/modules/clinical/rules/settings";

// The database's enums and the Prisma-free core's types must be the same sets.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree: [
  Same<DbStatus, EpisodeStatus>,
  Same<DbCounterpart, Counterpart>,
  Same<DbContactType, ContactType>,
  Same<DbFlagCode, FlagCode>,
] = [true, true, true, true];
void agree;

type ItemColumns = Pick<
  Prisma.ContactGetPayload<object>,
  "item1" | "item2" | "item3" | "item4" | "item5" | "item6" | "item7" | "item8" | "item9"
>;

/** The nine stored items, or null for a contact without MADRS-S (the database keeps them all or none). */
export const contactItems = (c: ItemColumns): number[] | null =>
  c.item1 === null
    ? null
    : [c.item1, c.item2, c.item3, c.item4, c.item5, c.item6, c.item7, c.item8, c.item9].map((i) => i ?? 0);

/** The nine items as the contact's columns, with their total: the one way a score is written. */
export const itemColumns = (items: readonly number[]) => ({
  item1: items[0]!,
  item2: items[1]!,
  item3: items[2]!,
  item4: items[3]!,
  item5: items[4]!,
  item6: items[5]!,
  item7: items[6]!,
  item8: items[7]!,
  item9: items[8]!,
  madrsTotal: madrsTotal(items),
});

const CONTACT_COLUMNS = {
  id: true,
  episodeId: true,
  date: true,
  recordedAt: true,
  type: true,
  counterpart: true,
  reached: true,
  selfReportId: true,
  item1: true,
  item2: true,
  item3: true,
  item4: true,
  item5: true,
  item6: true,
  item7: true,
  item8: true,
  item9: true,
} as const satisfies Prisma.ContactSelect;

const toCoreContact = (c: Prisma.ContactGetPayload<{ select: typeof CONTACT_COLUMNS }>): CoreContact => ({
  id: c.id,
  date: fromDbDate(c.date),
  recordedAt: c.recordedAt,
  type: c.type,
  counterpart: c.counterpart,
  reached: c.reached,
  items: contactItems(c),
  refersToSelfReport: c.selfReportId !== null,
});

/** The facts of each episode as of `asOf`, in five queries however many episodes there are. */
export async function loadFacts(
  tx: DbTx,
  episodes: readonly { id: string; startDate: Date }[],
  asOf: LocalDate,
): Promise<Map<string, EpisodeFacts<FlagCode>>> {
  const ids = episodes.map((e) => e.id);
  const dated = { episodeId: { in: ids }, date: { lte: toDbDate(asOf) } };
  const madeBy = { lt: endOfStockholmDay(asOf) };
  const [contacts, changes, handlings, requests] = await queries(
    tx,
    () => tx.contact.findMany({ where: dated, select: CONTACT_COLUMNS }),
    () =>
      tx.episodeStatusChange.findMany({
        where: dated,
        select: { episodeId: true, status: true, date: true, recordedAt: true },
      }),
    () =>
      tx.flagHandling.findMany({
        where: { episodeId: { in: ids }, handledAt: madeBy },
        select: { episodeId: true, code: true, handledAt: true },
      }),
    () =>
      tx.reviewRequest.findMany({
        where: { episodeId: { in: ids }, requestedAt: madeBy },
        select: { episodeId: true, requestedAt: true },
      }),
  );
  type Mutable = {
    startDate: LocalDate;
    contacts: EpisodeFacts["contacts"][number][];
    statusChanges: EpisodeFacts["statusChanges"][number][];
    handlings: { code: FlagCode; handledAt: Date }[];
    reviewRequests: { requestedAt: Date }[];
  };
  const facts = new Map<string, Mutable>();
  for (const e of episodes) {
    facts.set(e.id, {
      startDate: fromDbDate(e.startDate),
      contacts: [],
      statusChanges: [],
      handlings: [],
      reviewRequests: [],
    });
  }
  for (const c of contacts) facts.get(c.episodeId)!.contacts.push(toCoreContact(c));
  for (const s of changes)
    facts
      .get(s.episodeId)!
      .statusChanges.push({ status: s.status, date: fromDbDate(s.date), recordedAt: s.recordedAt });
  for (const h of handlings) facts.get(h.episodeId)!.handlings.push({ code: h.code, handledAt: h.handledAt });
  for (const r of requests) facts.get(r.episodeId)!.reviewRequests.push({ requestedAt: r.requestedAt });
  return facts;
}

export async function loadEpisodeFacts(
  tx: DbTx,
  episode: { id: string; startDate: Date },
  asOf: LocalDate,
): Promise<EpisodeFacts<FlagCode>> {
  return (await loadFacts(tx, [episode], asOf)).get(episode.id)!;
}

/**
 * A unit's numbers: the rules behind targets and flags, its method
 * (adherence), the early-improvement advice and its self-report links.
 */
export type UnitSettings = {
  rules: RuleSettings;
  method: MethodSettings;
  early: EarlyImprovementSettings;
  selfReport: SelfReportSettings;
};

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  rules: DEFAULT_RULE_SETTINGS,
  method: DEFAULT_METHOD_SETTINGS,
  early: DEFAULT_EARLY_IMPROVEMENT,
  selfReport: DEFAULT_SELF_REPORT_SETTINGS,
};

type SettingsRow = Prisma.UnitSettingsGetPayload<object>;

/** One stored version as the core's settings. */
export const toUnitSettings = (row: SettingsRow): UnitSettings => ({
  rules: Object.fromEntries(RULE_SETTING_KEYS.map((k) => [k, row[k]])) as RuleSettings,
  method: {
    physicalMeetings: row.methodPhysicalMeetings,
    physicalByDay: row.methodPhysicalByDay,
    contactWeeks: row.methodContactWeeks,
  },
  early: {
    percent: row.earlyImprovementPercent,
    fromDay: row.earlyImprovementFromDay,
    toDay: row.earlyImprovementToDay,
  },
  selfReport: { linkDays: row.selfReportLinkDays },
});

/** The columns of a new version holding `s`. */
export const settingsColumns = (s: UnitSettings) => ({
  ...s.rules,
  methodPhysicalMeetings: s.method.physicalMeetings,
  methodPhysicalByDay: s.method.physicalByDay,
  methodContactWeeks: s.method.contactWeeks,
  earlyImprovementPercent: s.early.percent,
  earlyImprovementFromDay: s.early.fromDay,
  earlyImprovementToDay: s.early.toDay,
  selfReportLinkDays: s.selfReport.linkDays,
});

/**
 * The settings in force on `asOf` for each unit, in one query: the version
 * versionInForce picks (the latest valid-from on or before that day, the
 * latest made among equals), so an evaluation as of a past day keeps that
 * day's numbers.
 * domain.md's defaults for a unit without one.
 */
export async function loadUnitSettings(
  tx: DbTx,
  unitIds: readonly string[],
  asOf: LocalDate,
): Promise<Map<string, UnitSettings>> {
  const rows = await tx.unitSettings.findMany({
    where: { unitId: { in: [...unitIds] }, validFrom: { lte: toDbDate(asOf) } },
  });
  const byUnit = new Map<string, SettingsVersion[]>();
  for (const row of rows)
    (byUnit.get(row.unitId) ?? byUnit.set(row.unitId, []).get(row.unitId)!).push(versionOf(row));
  return new Map(
    unitIds.map((unitId) => [
      unitId,
      versionInForce(byUnit.get(unitId) ?? [], asOf)?.values ?? DEFAULT_UNIT_SETTINGS,
    ]),
  );
}

type SettingsVersion = { id: string; validFrom: LocalDate; createdAt: Date; values: UnitSettings };

const versionOf = (r: SettingsRow): SettingsVersion => ({
  id: r.id,
  validFrom: fromDbDate(r.validFrom),
  createdAt: r.createdAt,
  values: toUnitSettings(r),
});

/**
 * Every version of one unit's settings, as a function of the day: for a page
 * that evaluates as of several days (each contact's journal text as of its
 * own date), so that each day gets the rules in force on it.
 */
export async function loadSettingsTimeline(
  tx: DbTx,
  unitId: string,
): Promise<(day: LocalDate) => UnitSettings> {
  const versions = (await tx.unitSettings.findMany({ where: { unitId } })).map(versionOf);
  return (day) => versionInForce(versions, day)?.values ?? DEFAULT_UNIT_SETTINGS;
}

/** The rule settings in force on `asOf` for each unit, in one query. */
export async function loadRuleSettings(
  tx: DbTx,
  unitIds: readonly string[],
  asOf: LocalDate,
): Promise<Map<string, RuleSettings>> {
  const all = await loadUnitSettings(tx, unitIds, asOf);
  return new Map([...all].map(([unitId, s]) => [unitId, s.rules]));
}

export async function loadUnitRuleSettings(tx: DbTx, unitId: string, asOf: LocalDate): Promise<RuleSettings> {
  return (await loadRuleSettings(tx, [unitId], asOf)).get(unitId)!;
}
