import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { todayInStockholm } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/modules/auth/actor";
import { requireActor } from "@/modules/auth/lib/current-actor";
import { may } from "@/modules/auth/rules/permissions";
import { RoleNotice } from "@/modules/home/components/role-notice";
import { parseLogQuery, type LogQuery } from "../rules/log-query";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A Loggkontroll page that works by patient or user and period: the
 * verksamhetschef's (others get a notice), its address parsed, and a patient
 * or user of another unit "not found", like a missing one.
 */
export async function logRoute(
  searchParams: SearchParams,
  render: (args: { actor: Actor; query: LogQuery }) => Promise<ReactNode>,
): Promise<ReactNode> {
  const actor = await requireActor();
  if (!may(actor.role, "unit:administer"))
    return <RoleNotice>Loggkontrollen görs av verksamhetschefen.</RoleNotice>;
  const query = parseLogQuery(await searchParams, todayInStockholm());
  try {
    return await render({ actor, query });
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  }
}
