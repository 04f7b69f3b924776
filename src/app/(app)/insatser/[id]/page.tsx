import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { isLocalDate } from "@/lib/local-date";
import { isUuid } from "@/lib/request-id";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { EpisodePage } from "@/modules/episodes/components/episode-page";
import { RoleNotice } from "@/modules/home/components/role-notice";

export const metadata: Metadata = { title: "Insats" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function Page({ params, searchParams }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const raw = (await searchParams).asOf;
  const today = todayInStockholm();
  const asOf = typeof raw === "string" && isLocalDate(raw) ? raw : today;
  try {
    return await EpisodePage({ actor, episodeId: id.toLowerCase(), asOf, today });
  } catch (e) {
    // Another unit's episode is "not found", exactly like a missing one (and the attempt is logged).
    if (isAppError(e) && e.status === 404) notFound();
    if (isAppError(e) && e.status === 403 && !may(actor.role, "clinical:read"))
      return <RoleNotice>Journaluppgifter visas bara för vårdens roller.</RoleNotice>;
    throw e;
  }
}
