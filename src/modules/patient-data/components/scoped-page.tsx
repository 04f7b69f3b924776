import "server-only";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isAppError } from "@/lib/errors";
import { isUuid } from "@/lib/request-id";
import { RoleNotice } from "@/modules/home/components/role-notice";

/**
 * A page that reads one record through a scoped entry: an id that cannot
 * exist, or another unit's record, is the same 404 page as a missing one (the
 * attempt is logged by the entry); a role that may not gets a notice, not an
 * error. Pages with patient data render through this, so none decides alone.
 */
export async function scopedPage(
  id: string,
  render: (id: string) => Promise<ReactNode>,
  forbidden: ReactNode,
): Promise<ReactNode> {
  if (!isUuid(id)) notFound();
  try {
    return await render(id.toLowerCase());
  } catch (e) {
    if (isAppError(e) && e.status === 404) notFound();
    if (isAppError(e) && e.status === 403) return <RoleNotice>{forbidden}</RoleNotice>;
    throw e;
  }
}
