import "server-only";
// The patient's side of a self-report link, without login. The token is the
// only credential: it is looked up by its hash through the unscoped client,
// and nothing else is. The page shows the unit's name and phone and nothing
// about the patient (the link may be forwarded). Every opening and submission,
// and every refused attempt, is access-logged with the link as its actor.
import type { AccessRefusal } from "@/generated/prisma/enums";
import { now as clockNow } from "@/lib/clock";
import { systemDb, type DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { AppError, isAppError } from "@/lib/errors";
import { stockholmDate } from "@/lib/local-date";
import { newRequestId } from "@/lib/request-id";
import { hashToken } from "@/modules/api-tokens/lib/tokens";
import { recordAccess } from "@/modules/audit/lib/record-access";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { livslust, type MadrsItems } from "@/modules/clinical/rules/madrs";
import { itemColumns, loadUnitSettings } from "@/modules/episodes/lib/facts";
import { needsUrgentHelp } from "../rules/answers";
import { GONE_MESSAGE, LINK_TOKEN, linkState, type LinkState } from "../rules/link-state";
import type { UnitContact } from "./public-html";

type FoundLink = {
  id: string;
  episodeId: string;
  patientId: string;
  unitId: string;
  state: LinkState;
  unit: UnitContact;
  /** A used link's answer, when it came within RECENT_MS: a refresh or a double tap shows its help again. */
  recentUrgent: boolean;
};

/** What the patient's page may show: where the link stands and the unit's name and phone. */
export type LinkView = { state: LinkState | "unknown"; unit: UnitContact | null; recentUrgent: boolean };

/** How long after an answer its "help now" is shown again (a refresh, a second tap): not to a later reader. */
const RECENT_MS = 60 * 60_000;

/**
 * The link by its token's hash, and where it stands. With `lock`, the
 * episode's row and then the link's are locked first (the order every writer
 * of both uses), so that a closing of the episode and two submissions queue up.
 */
async function findLink(tx: DbTx, token: string, now: Date, lock: boolean): Promise<FoundLink | null> {
  if (!LINK_TOKEN.test(token)) return null;
  const tokenHash = hashToken(token);
  if (lock) {
    await tx.$executeRaw`
      SELECT 1 FROM episode WHERE id = (SELECT episode_id FROM self_report_link WHERE token_hash = ${tokenHash})
      FOR UPDATE`;
    await tx.$executeRaw`SELECT 1 FROM self_report_link WHERE token_hash = ${tokenHash} FOR UPDATE`;
  }
  const link = await tx.selfReportLink.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      episodeId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      contact: { select: { item9: true } },
      episode: {
        select: {
          status: true,
          startDate: true,
          patientId: true,
          patient: { select: { unit: { select: { id: true, name: true, phone: true } } } },
        },
      },
    },
  });
  if (!link) return null;
  const unit = link.episode.patient.unit;
  // Open: not closed, and begun (an answer is never dated before the start).
  const episodeOpen =
    isOpenStatus(link.episode.status) && fromDbDate(link.episode.startDate) <= stockholmDate(now);
  let recentUrgent = false;
  if (link.usedAt && now.getTime() - link.usedAt.getTime() < RECENT_MS && link.contact?.item9 != null) {
    const settings = (await loadUnitSettings(tx, [unit.id], stockholmDate(now))).get(unit.id)!;
    recentUrgent = needsUrgentHelp(link.contact.item9, settings.rules.safetyRiskItem9);
  }
  return {
    id: link.id,
    episodeId: link.episodeId,
    patientId: link.episode.patientId,
    unitId: unit.id,
    state: linkState({ ...link, episodeOpen }, now),
    unit: { name: unit.name, phone: unit.phone },
    recentUrgent,
  };
}

/** The link's own access-log row: no user, the link as actor. */
const logLink = (
  tx: DbTx,
  link: FoundLink | null,
  entry: { action: "READ" | "CREATE"; target: string; requestId: string; refusal?: AccessRefusal | null },
) =>
  recordAccess(tx, {
    ...entry,
    userId: null,
    username: null,
    selfReportLinkId: link?.id ?? null,
    patientId: link?.patientId ?? null,
    unitId: link?.unitId ?? null,
  });

/** Opening the link: where it stands, logged as a read by the link (or a refused one). */
export async function openSelfReportLink({
  token,
  now = clockNow(),
}: {
  token: string;
  now?: Date;
}): Promise<LinkView> {
  const db = systemDb();
  const link = await findLink(db, token, now, false);
  await logLink(db, link, {
    action: "READ",
    target: link ? `self-report-link:${link.id}` : "self-report-link",
    requestId: newRequestId(),
    refusal: !link ? "NOT_FOUND" : link.state === "open" ? null : "GONE",
  });
  return {
    state: link?.state ?? "unknown",
    unit: link?.unit ?? null,
    recentUrgent: link?.recentUrgent ?? false,
  };
}

export type Submitted = {
  id: string;
  date: string;
  madrsSTotal: number;
  /** Livslust of 4, or the unit's lower suicide-risk limit: the page says where to get help first of all. */
  urgentHelp: boolean;
  unit: UnitContact;
};

/**
 * Stores the patient's nine answers as a SELF_REPORT contact dated today in
 * Stockholm, and uses the link up, in one transaction with its log row. The
 * link's row lock orders two submissions: the second finds it used (410).
 * A refused attempt (unknown 404, used/expired/revoked 410) is logged after.
 */
export async function submitSelfReport({
  token,
  items,
  now = clockNow(),
}: {
  token: string;
  items: MadrsItems;
  now?: Date;
}): Promise<Submitted> {
  const requestId = newRequestId();
  let found: FoundLink | null = null;
  try {
    return await systemDb().$transaction(async (tx) => {
      found = await findLink(tx, token, now, true);
      if (!found)
        throw new AppError("NOT_FOUND", { userMessage: "Länken finns inte. Kontrollera adressen." });
      const link = found;
      if (link.state !== "open")
        // The unit's name and phone go with the refusal: the patient is told whom to call. A closed
        // episode is told as a withdrawn link: whoever holds the link learns nothing of the care.
        throw new AppError("GONE", {
          userMessage: GONE_MESSAGE[link.state],
          details: {
            state: link.state === "closed" ? "revoked" : link.state,
            unit: link.unit,
            recentUrgent: link.recentUrgent,
          },
        });
      const date = stockholmDate(now);
      const columns = itemColumns(items);
      const contact = await tx.contact.create({
        data: {
          episodeId: link.episodeId,
          date: toDbDate(date),
          type: "SELF_REPORT",
          counterpart: "PATIENT",
          reached: false,
          ...columns,
          selfReportLinkId: link.id,
          authorId: null,
          recordedAt: now,
        },
        select: { id: true },
      });
      await tx.selfReportLink.update({ where: { id: link.id }, data: { usedAt: now } });
      await logLink(tx, link, { action: "CREATE", target: `contact:${contact.id}`, requestId });
      const settings = (await loadUnitSettings(tx, [link.unitId], date)).get(link.unitId)!;
      return {
        id: contact.id,
        date,
        madrsSTotal: columns.madrsTotal,
        urgentHelp: needsUrgentHelp(livslust(items), settings.rules.safetyRiskItem9),
        unit: link.unit,
      };
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "GONE")) {
      const link = found as FoundLink | null;
      await logLink(systemDb(), link, {
        action: "CREATE",
        target: link ? `self-report-link:${link.id}` : "self-report-link",
        requestId,
        refusal: error.code,
      });
    }
    throw error;
  }
}
