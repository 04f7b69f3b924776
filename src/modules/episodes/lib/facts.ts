import "server-only";
import type { DbTx } from "@/lib/db/client";
import { fromDbDate } from "@/lib/dates";
import type { CoreContact, CoreStatusChange, EpisodeFacts } from "@/modules/clinical/rules/evaluate";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "@/modules/clinical/rules/settings";
import type { Contact, EpisodeStatusChange } from "@/generated/prisma/client";

export const contactItems = (
  c: Pick<Contact, "item1" | "item2" | "item3" | "item4" | "item5" | "item6" | "item7" | "item8" | "item9">,
) =>
  c.item1 === null
    ? null
    : [c.item1, c.item2, c.item3, c.item4, c.item5, c.item6, c.item7, c.item8, c.item9].map((i) => i ?? 0);

export const toCoreContact = (c: Contact): CoreContact => ({
  id: c.id,
  date: fromDbDate(c.date),
  recordedAt: c.recordedAt,
  counterpart: c.counterpart,
  reached: c.reached,
  items: contactItems(c),
});

export const toCoreStatusChange = (s: EpisodeStatusChange): CoreStatusChange => ({
  status: s.status,
  date: fromDbDate(s.date),
  recordedAt: s.recordedAt,
});

/** The clinical core's view of an episode: everything the rules read, nothing else. */
export async function loadEpisodeFacts(tx: DbTx, episodeId: string, startDate: Date): Promise<EpisodeFacts> {
  const [contacts, statusChanges, handlings, reviewRequests] = await Promise.all([
    tx.contact.findMany({ where: { episodeId } }),
    tx.episodeStatusChange.findMany({ where: { episodeId } }),
    tx.flagHandling.findMany({ where: { episodeId }, select: { code: true, handledAt: true } }),
    tx.reviewRequest.findMany({ where: { episodeId }, select: { requestedAt: true } }),
  ]);
  return {
    startDate: fromDbDate(startDate),
    contacts: contacts.map(toCoreContact),
    statusChanges: statusChanges.map(toCoreStatusChange),
    handlings,
    reviewRequests,
  };
}

/** A unit's rule settings; domain.md's defaults until the unit changes them. */
export async function loadRuleSettings(tx: DbTx, unitId: string): Promise<RuleSettings> {
  const row = await tx.unitSettings.findUnique({ where: { unitId } });
  if (!row) return DEFAULT_RULE_SETTINGS;
  const { unitId: _u, updatedAt: _t, ...settings } = row;
  return settings;
}
