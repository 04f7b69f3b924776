import "server-only";
import type { AccessAction } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";

export type AccessEntry = {
  action: AccessAction;
  /** Null only for a failed login with an unknown username. */
  userId: string | null;
  /** The username as typed or as known at the time: the log outlives accounts. */
  username: string | null;
  unitId?: string | null;
  patientId?: string | null;
  /** What was read or written, e.g. "episode:<id>" or "login". */
  target?: string | null;
  requestId?: string | null;
};

/**
 * The one way to write the Patientdatalagen access log. Call it with the same
 * transaction client as the write it records, so that the change and its log
 * row commit or roll back together; reads call it before returning data.
 */
export async function recordAccess(client: DbTx, entry: AccessEntry): Promise<void> {
  await client.accessLog.create({ data: toRow(entry) });
}

/** A user's read or write of one patient's data: the entry every use case writes. */
export function recordPatientAccess(
  client: DbTx,
  actor: { userId: string; username: string },
  entry: { action: AccessAction; unitId: string; patientId: string; target: string; requestId?: string },
): Promise<void> {
  return recordAccess(client, { ...entry, userId: actor.userId, username: actor.username });
}

/** Several rows in one statement: a list read logs every patient it returns. */
export async function recordAccessMany(client: DbTx, entries: AccessEntry[]): Promise<void> {
  if (entries.length) await client.accessLog.createMany({ data: entries.map(toRow) });
}

const toRow = (entry: AccessEntry) => ({
  action: entry.action,
  userId: entry.userId,
  username: entry.username,
  unitId: entry.unitId ?? null,
  patientId: entry.patientId ?? null,
  target: entry.target ?? null,
  requestId: entry.requestId ?? null,
});
