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
  /** A patient's self-report link: an actor of its own, with no user. */
  selfReportLinkId?: string | null;
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
  // Through SQL that names no `at`: Prisma's create would send the app's clock
  // for @default(now()), and the month's partition is chosen before the
  // trigger sets the database's time, so around midnight on the first of a
  // month the two could name different partitions and the write would fail.
  await recordAccessMany(client, [entry]);
}

/**
 * Several rows in one statement, however many: each column goes as one array
 * parameter (unnest), so a list read that logs every patient it shows costs
 * one round trip and a handful of parameters, not eleven per row (Prisma's
 * createMany took about 100 ms for 200 rows; see the caseload benchmark).
 */
export async function recordAccessMany(client: DbTx, entries: AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(toRow);
  const col = <K extends keyof ReturnType<typeof toRow>>(k: K) => rows.map((r) => r[k]);
  await client.$executeRaw`
    INSERT INTO access_log (action, user_id, username, unit_id, patient_id, target,
                            request_id, client_request_id, session_id, api_token_id,
                            self_report_link_id, refusal)
    SELECT * FROM unnest(
      ${col("action")}::"AccessAction"[], ${col("userId")}::uuid[], ${col("username")}::text[],
      ${col("unitId")}::uuid[], ${col("patientId")}::uuid[], ${col("target")}::text[],
      ${col("requestId")}::text[], ${col("clientRequestId")}::text[], ${col("sessionId")}::uuid[],
      ${col("apiTokenId")}::uuid[], ${col("selfReportLinkId")}::uuid[], ${col("refusal")}::"AccessRefusal"[])`;
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
  selfReportLinkId: entry.selfReportLinkId ?? null,
  refusal: entry.refusal ?? null,
});
