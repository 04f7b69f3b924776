import "server-only";
// The staff's side of self-report links: create one for an open episode (the
// token is shown once, only its hash is stored) and revoke it. Both go through
// the scoped entries, with their access-log rows.
import { randomBytes } from "node:crypto";
import { now as clockNow } from "@/lib/clock";
import { fromDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { stockholmDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { hashToken } from "@/modules/api-tokens/lib/tokens";
import { isOpenStatus } from "@/modules/clinical/rules/facts";
import { loadUnitSettings } from "@/modules/episodes/lib/facts";
import { withEpisode, withSelfReportLink } from "@/modules/patient-data/lib/scoped";
import { selfReportUrl } from "./public-url";

const DAY_MS = 86_400_000;

/** 256 random bits, URL-safe: 43 characters. */
export const newLinkToken = (): string => randomBytes(32).toString("base64url");

/**
 * A new single-use link for the episode, valid for the unit's number of days.
 * At most one open link per episode: a new one replaces (revokes) the open one,
 * whose token cannot be shown again anyway.
 */
export const createSelfReportLink = ({
  actor,
  episodeId,
  now = clockNow(),
}: {
  actor: UseCaseActor;
  episodeId: string;
  /** Injected in tests; the app's clock otherwise. */
  now?: Date;
}) =>
  withEpisode(
    {
      actor,
      episodeId,
      permission: "clinical:write",
      lock: true,
      access: { action: "CREATE", target: (link: { id: string }) => `self-report-link:${link.id}` },
    },
    async (tx, episode) => {
      if (!isOpenStatus(episode.status))
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Insatsen är avslutad. En självskattningslänk kan bara skapas för en pågående insats.",
        });
      const today = stockholmDate(now);
      const start = fromDbDate(episode.startDate);
      if (start > today)
        throw new AppError("UNPROCESSABLE", {
          userMessage: `Insatsen börjar ${start}. En självskattningslänk kan skapas från den dagen.`,
        });
      const unitId = episode.patient.unitId;
      const settings = (await loadUnitSettings(tx, [unitId], today)).get(unitId)!;
      const replaced = await tx.selfReportLink.updateMany({
        where: { episodeId, usedAt: null, revokedAt: null },
        data: { revokedAt: now, revokedById: actor.userId },
      });
      const token = newLinkToken();
      const link = await tx.selfReportLink.create({
        data: {
          episodeId,
          tokenHash: hashToken(token),
          createdById: actor.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + settings.selfReport.linkDays * DAY_MS),
        },
      });
      return {
        id: link.id,
        url: selfReportUrl(token),
        expiresAt: link.expiresAt.toISOString(),
        replaced: replaced.count,
      };
    },
  );

/** Revokes a link that has not been used: it then answers 410. */
export const revokeSelfReportLink = ({
  actor,
  linkId,
  now = clockNow(),
}: {
  actor: UseCaseActor;
  linkId: string;
  now?: Date;
}) =>
  withSelfReportLink(
    { actor, linkId, permission: "clinical:write", access: { action: "UPDATE" } },
    async (tx, link) => {
      if (link.usedAt)
        throw new AppError("CONFLICT", {
          userMessage: "Patienten har redan svarat via länken; den kan inte återkallas.",
        });
      if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt.toISOString() };
      // Guarded by usedAt: a submission that took the link a moment ago wins.
      const { count } = await tx.selfReportLink.updateMany({
        where: { id: link.id, usedAt: null, revokedAt: null },
        data: { revokedAt: now, revokedById: actor.userId },
      });
      if (count === 0)
        throw new AppError("CONFLICT", { userMessage: "Länken ändrades samtidigt. Ladda om sidan." });
      return { id: link.id, revokedAt: now.toISOString() };
    },
  );
