import { z } from "zod";
import { ROLES } from "@/modules/auth/roles";
import { ZCreateUser } from "./lib/create-user";

/** An HSA-id: "SE", the care provider's organisation number, "-", the person's part (e.g. SE2321000131-P000000012345). */
export const ZHsaId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SE\d{10}-[A-Z0-9]{1,24}$/, {
    error: "Ange HSA-id som SE, tio siffror, bindestreck och resten, t.ex. SE2321000131-P000000012345.",
  });

const ZUnitIds = z
  .array(z.uuid())
  .min(1, { error: "Välj minst en enhet." })
  .transform((ids) => [...new Set(ids)]);

/** A new user as the verksamhetschef's form sends it. */
export const ZNewUser = z
  .object({
    unitId: z.uuid(),
    username: ZCreateUser.shape.username,
    displayName: ZCreateUser.shape.displayName,
    role: z.enum(ROLES, { error: "Välj en roll." }),
    hsaId: z.union([z.literal("").transform(() => null), ZHsaId]).nullish(),
    oneTimePassword: z
      .union([z.literal("on"), z.literal("")])
      .optional()
      .transform((v) => v === "on"),
    unitIds: ZUnitIds,
  })
  .refine((u) => u.oneTimePassword || u.hsaId, {
    path: ["hsaId"],
    error: "Ange HSA-id eller välj engångslösenord: annars kan användaren inte logga in.",
  });
export type TNewUser = z.infer<typeof ZNewUser>;

/** One of the user row's actions. */
export const ZUserAction = z.discriminatedUnion("op", [
  z.object({ unitId: z.uuid(), userId: z.uuid(), op: z.literal("deactivate") }),
  z.object({ unitId: z.uuid(), userId: z.uuid(), op: z.literal("reactivate") }),
  z.object({ unitId: z.uuid(), userId: z.uuid(), op: z.literal("unlock") }),
  z.object({ unitId: z.uuid(), userId: z.uuid(), op: z.literal("reset-password") }),
]);
export type TUserAction = z.infer<typeof ZUserAction>;

/** The user's role and memberships among the verksamhetschef's units. */
export const ZUserAccess = z.object({
  unitId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(ROLES, { error: "Välj en roll." }),
  hsaId: z.union([z.literal("").transform(() => null), ZHsaId]).nullish(),
  unitIds: z.array(z.uuid()).transform((ids) => [...new Set(ids)]),
});
export type TUserAccess = z.infer<typeof ZUserAccess>;
