import "server-only";
import type { DbTx } from "@/lib/db/client";

/** The display names of the staff with these ids (app users, never patients), by id; one query, none for no ids. */
export async function staffNames(
  db: DbTx,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => typeof id === "string" && id !== ""))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
