import "server-only";
// The verksamhetschef's users: those with a membership in one of their units.
// Every change is logged (target user:<id>:<what>); memberships are changed
// only in the verksamhetschef's own units. Deactivating ends the user's
// sessions and revokes their API tokens at once, in the same transaction.
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { now as clockNow } from "@/lib/clock";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActorAccess } from "@/modules/audit/lib/record-access";
import { recordAccessMany } from "@/modules/audit/lib/record-access";
import type { UseCaseActor } from "@/modules/auth/actor";
import { hashPassword } from "@/modules/auth/lib/password";
import { isLocked } from "@/modules/auth/rules/lockout";
import { withUnits } from "@/modules/patient-data/lib/scoped";
import type { TNewUser, TUserAccess, TUserAction } from "../schemas";
import { oneTimePassword } from "./one-time-password";

const FORBIDDEN = "Användare hanteras av verksamhetschefen.";

/** The users of a unit, with their state; no patient data. */
export const listUnitUsers = ({
  actor,
  unitId,
  now = clockNow(),
}: {
  actor: UseCaseActor;
  unitId: string;
  now?: Date;
}) =>
  withUnits(
    {
      actor,
      unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "READ", target: "users" },
      access: () => [],
    },
    async (db) => {
      const users = await db.user.findMany({
        where: { memberships: { some: { unitId } } },
        orderBy: [{ active: "desc" }, { displayName: "asc" }],
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          hsaId: true,
          active: true,
          failedLoginCount: true,
          lockedUntil: true,
          passwordChangeRequired: true,
          memberships: { select: { unit: { select: { id: true, name: true } } } },
          sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        },
      });
      return users.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        hsaId: u.hsaId,
        active: u.active,
        locked: isLocked(u, now),
        passwordChangeRequired: u.passwordChangeRequired,
        units: u.memberships.map((m) => m.unit).sort((a, b) => a.name.localeCompare(b.name, "sv")),
        /** Also a member of units that are not the actor's: the account is not theirs alone to change. */
        shared: u.memberships.some((m) => !actor.unitIds.includes(m.unit.id)),
        lastLogin: u.sessions[0]?.createdAt ?? null,
      }));
    },
  );

export type UnitUser = Awaited<ReturnType<typeof listUnitUsers>>[number];

/** The actor's own units among `unitIds`, or a refusal naming the field. */
function ownUnits(actor: UseCaseActor, unitIds: string[], unitId: string) {
  const foreign = unitIds.filter((id) => !actor.unitIds.includes(id));
  if (foreign.length > 0)
    throw new AppError("NOT_FOUND", {
      userMessage: "En vald enhet finns inte bland dina enheter.",
      fieldErrors: { unitIds: ["Välj bland dina enheter."] },
      about: { patientId: null, unitId },
    });
  return unitIds;
}

const hsaTaken = (unitId: string) =>
  new AppError("CONFLICT", {
    userMessage: "Användarnamnet eller HSA-id:t finns redan.",
    fieldErrors: { username: ["Användarnamnet eller HSA-id:t finns redan."] },
    about: { patientId: null, unitId },
  });

/**
 * Creates a user in the actor's units. With a one-time password it is made
 * here and returned once (only its hash is stored, and the user must choose
 * their own at the first login); without, the user logs in with the HSA-id
 * only, and the password is an unusable random one.
 */
export const createUnitUser = ({ actor, input }: { actor: UseCaseActor; input: TNewUser }) =>
  withUnits(
    {
      actor,
      unitId: input.unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "CREATE", target: "user" },
      access: (r: { id: string }) => [{ action: "CREATE", unitId: input.unitId, target: `user:${r.id}` }],
      transaction: true,
      onUniqueViolation: async () => hsaTaken(input.unitId),
    },
    async (db) => {
      const unitIds = ownUnits(actor, input.unitIds, input.unitId);
      const password = input.oneTimePassword ? oneTimePassword() : null;
      const user = await db.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          hsaId: input.hsaId ?? null,
          passwordHash: await hashPassword(password ?? randomBytes(32).toString("base64url")),
          passwordChangeRequired: password !== null,
          memberships: { create: unitIds.map((id) => ({ unitId: id })) },
        },
        select: { id: true, username: true },
      });
      return { id: user.id, username: user.username, password };
    },
  );

/** The subject: a user with a membership in the unit, else "not found". */
async function subjectOf(db: DbTx, actor: UseCaseActor, unitId: string, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, memberships: { some: { unitId } } },
    select: {
      id: true,
      username: true,
      active: true,
      role: true,
      hsaId: true,
      memberships: { select: { unitId: true } },
    },
  });
  if (!user)
    throw new AppError("NOT_FOUND", {
      userMessage: "Användaren finns inte på enheten.",
      about: { patientId: null, unitId },
    });
  return { ...user, shared: user.memberships.some((m) => !actor.unitIds.includes(m.unitId)) };
}

/**
 * What changes the whole account (deactivate, reset the password, the role)
 * is for a verksamhetschef of every unit the user works in: a psychiatrist
 * who serves several units is not one unit's to switch off.
 */
const refuseShared = (unitId: string) =>
  new AppError("UNPROCESSABLE", {
    userMessage:
      "Användaren arbetar också på enheter du inte ansvarar för. Ta bort användaren från dina enheter, eller be regionens administratör ändra kontot.",
    about: { patientId: null, unitId },
  });

/** Ends every live session and revokes every token of the user, with their log rows. */
async function cutOff(db: DbTx, actor: UseCaseActor, user: { id: string; username: string }, reason: string) {
  const at = clockNow();
  const sessions = await db.session.findMany({
    where: { userId: user.id, endedAt: null },
    select: { id: true },
  });
  await db.session.updateMany({
    where: { id: { in: sessions.map((s) => s.id) } },
    data: { endedAt: at, endedReason: reason },
  });
  const tokens = await db.apiToken.findMany({
    where: { userId: user.id, revokedAt: null },
    select: { id: true },
  });
  await db.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) } }, data: { revokedAt: at } });
  await recordAccessMany(db, [
    ...sessions.map((s) => ({
      action: "SESSION_ENDED" as const,
      userId: user.id,
      username: user.username,
      target: `session:${s.id}:${reason}`,
      sessionId: s.id,
      requestId: actor.requestId,
    })),
    ...tokens.map((t) => ({
      action: "API_TOKEN_REVOKED" as const,
      userId: actor.userId,
      username: actor.username,
      target: `api-token:${t.id}:${reason}`,
      apiTokenId: t.id,
      requestId: actor.requestId,
    })),
  ]);
}

const MESSAGE: Record<TUserAction["op"], string> = {
  deactivate: "Användaren är inaktiverad; pågående inloggningar och API-nycklar slutade gälla.",
  reactivate: "Användaren kan logga in igen.",
  unlock: "Kontot är upplåst.",
  "reset-password": "Nytt engångslösenord – visa det bara för användaren. Det visas en gång.",
};

/**
 * Deactivate (ends sessions and tokens), reactivate, unlock a locked account,
 * or reset the password to a one-time one (which also ends sessions and tokens).
 */
export const changeUserState = ({ actor, input }: { actor: UseCaseActor; input: TUserAction }) =>
  withUnits(
    {
      actor,
      unitId: input.unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "UPDATE", target: `user:${input.userId}:${input.op}` },
      access: (): ActorAccess[] => [
        { action: "UPDATE", unitId: input.unitId, target: `user:${input.userId}:${input.op}` },
      ],
      transaction: true,
    },
    async (db) => {
      const user = await subjectOf(db, actor, input.unitId, input.userId);
      if (user.shared && input.op !== "unlock") throw refuseShared(input.unitId);
      // A one-time password is shown to whoever resets it: one verksamhetschef
      // must not be able to take over another's account (and its log review).
      if (input.op === "reset-password" && user.role === "VERKSAMHETSCHEF")
        throw new AppError("UNPROCESSABLE", {
          userMessage:
            "En verksamhetschefs lösenord återställs av regionens administratör, inte av en annan chef.",
          about: { patientId: null, unitId: input.unitId },
        });
      if (input.userId === actor.userId && (input.op === "deactivate" || input.op === "reset-password"))
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Du kan inte inaktivera dig själv eller återställa ditt eget lösenord här.",
          about: { patientId: null, unitId: input.unitId },
        });
      let password: string | null = null;
      switch (input.op) {
        case "deactivate":
          await db.user.update({ where: { id: user.id }, data: { active: false } });
          await cutOff(db, actor, user, "deactivated");
          break;
        case "reactivate":
          await db.user.update({
            where: { id: user.id },
            data: { active: true, failedLoginCount: 0, lockedUntil: null },
          });
          break;
        case "unlock":
          await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
          break;
        case "reset-password":
          password = oneTimePassword();
          await db.user.update({
            where: { id: user.id },
            data: {
              passwordHash: await hashPassword(password),
              passwordChangeRequired: true,
              failedLoginCount: 0,
              lockedUntil: null,
            },
          });
          await cutOff(db, actor, user, "password-reset");
          break;
      }
      return { message: MESSAGE[input.op], username: user.username, password };
    },
  );

/** The user's role, HSA-id and memberships among the actor's units (others stay as they are). */
export const changeUserAccess = ({ actor, input }: { actor: UseCaseActor; input: TUserAccess }) =>
  withUnits(
    {
      actor,
      unitId: input.unitId,
      permission: "unit:administer",
      forbidden: FORBIDDEN,
      attempt: { action: "UPDATE", target: `user:${input.userId}:access` },
      access: () => [{ action: "UPDATE", unitId: input.unitId, target: `user:${input.userId}:access` }],
      transaction: true,
      onUniqueViolation: async () => hsaTaken(input.unitId),
    },
    async (db) => {
      const user = await subjectOf(db, actor, input.unitId, input.userId);
      // The role and the HSA-id (a login key) belong to the whole account.
      const hsaChange = input.hsaId !== undefined && input.hsaId !== user.hsaId;
      if (user.shared && (input.role !== user.role || hsaChange)) throw refuseShared(input.unitId);
      // Another verksamhetschef's role is the region's to change: demoted, their
      // password could then be reset by a peer and the account taken over.
      if (user.role === "VERKSAMHETSCHEF" && user.id !== actor.userId && input.role !== user.role)
        throw new AppError("UNPROCESSABLE", {
          userMessage: "En annan verksamhetschefs roll ändras av regionens administratör.",
          about: { patientId: null, unitId: input.unitId },
        });
      const wanted = ownUnits(actor, input.unitIds, input.unitId);
      if (user.id === actor.userId && (input.role !== user.role || !wanted.includes(input.unitId)))
        throw new AppError("UNPROCESSABLE", {
          userMessage: "Du kan inte ändra din egen roll eller ta bort dig från enheten du arbetar i.",
          about: { patientId: null, unitId: input.unitId },
        });
      if (wanted.length === 0 && !user.shared)
        throw new AppError("INVALID_INPUT", {
          userMessage: "Kontrollera de markerade fälten.",
          fieldErrors: { unitIds: ["Välj minst en enhet, eller inaktivera användaren."] },
          about: { patientId: null, unitId: input.unitId },
        });
      await db.unitMembership.deleteMany({
        where: { userId: user.id, unitId: { in: actor.unitIds.filter((id) => !wanted.includes(id)) } },
      });
      await db.unitMembership.createMany({
        data: wanted.map((id) => ({ userId: user.id, unitId: id })),
        skipDuplicates: true,
      });
      await db.user.update({
        where: { id: user.id },
        data: { role: input.role as Role, ...(hsaChange ? { hsaId: input.hsaId } : {}) },
      });
      return { ok: true };
    },
  );
