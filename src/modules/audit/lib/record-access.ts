import "server-only";
import type { AccessAction, AccessRefusal } from "@/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import type { UseCaseActor } from "@/modules/auth/actor";

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
  /** The server's id of the request. */
  requestId?: string | null;
  clientRequestId?: string | null;
  sessionId?: string | null;
  apiTokenId?: string | null;
  /** Null when carried out; else the refusal (404, 403, 409) it got. */
  refusal?: AccessRefusal | null;
};

/** What a use case says of one access; the actor supplies who, how and which request. */
export type ActorAccess = {
  action: AccessAction;
  unitId?: string | null;
  patientId?: string | null;
  target: string;
  refusal?: AccessRefusal | null;
};

/**
 * The one way to write the Patientdatalagen access log. Call it with the same
 * transaction client as the write it records, so that the change and its log
 * row commit or roll back together; reads call it before returning data.
 */
export async function recordAccess(client: DbTx, entry: AccessEntry): Promise<void> {
  await client.accessLog.create({ data: toRow(entry) });
}

/**
 * Rows per INSERT: 11 columns each stays under PostgreSQL's 32 767 bind
 * parameters, so Prisma never splits a statement into chunks of its own, which
 * it would send at once on one connection (pg warns, and pg 9 will refuse).
 */
const ROWS_PER_INSERT = 2_000;

/** Several rows in few statements: a list read logs every patient it returns. */
export async function recordAccessMany(client: DbTx, entries: AccessEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    await client.accessLog.createMany({ data: entries.slice(i, i + ROWS_PER_INSERT).map(toRow) });
  }
}

/** The row of an actor's access: user, credential and request come from the actor. */
export const actorEntry = (actor: UseCaseActor, access: ActorAccess): AccessEntry => ({
  ...access,
  userId: actor.userId,
  username: actor.username,
  requestId: actor.requestId,
  clientRequestId: actor.clientRequestId ?? null,
  sessionId: actor.credential.kind === "session" ? actor.credential.sessionId : null,
  apiTokenId: actor.credential.kind === "api-token" ? actor.credential.tokenId : null,
});

export const recordActorAccess = (client: DbTx, actor: UseCaseActor, access: ActorAccess): Promise<void> =>
  recordAccess(client, actorEntry(actor, access));

export const recordActorAccessMany = (
  client: DbTx,
  actor: UseCaseActor,
  accesses: ActorAccess[],
): Promise<void> =>
  recordAccessMany(
    client,
    accesses.map((a) => actorEntry(actor, a)),
  );

const toRow = (entry: AccessEntry) => ({
  action: entry.action,
  userId: entry.userId,
  username: entry.username,
  unitId: entry.unitId ?? null,
  patientId: entry.patientId ?? null,
  target: entry.target ?? null,
  requestId: entry.requestId ?? null,
  clientRequestId: entry.clientRequestId ?? null,
  sessionId: entry.sessionId ?? null,
  apiTokenId: entry.apiTokenId ?? null,
  refusal: entry.refusal ?? null,
});
