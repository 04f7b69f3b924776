"use server";

import { z } from "zod";
import { ZCreateUser } from "@/modules/admin/lib/create-user";
import { defineAction } from "@/modules/forms/lib/define-action";
import { changeOwnPassword } from "./lib/change-password";

const ZNewPassword = z
  .object({
    current: z.string().min(1, { error: "Ange ditt nuvarande lösenord." }).max(200),
    // The same rule as every password Samvård sets.
    next: ZCreateUser.shape.password,
    repeat: z.string(),
  })
  .refine((p) => p.next === p.repeat, { path: ["repeat"], error: "Lösenorden är inte lika." });

export const changePasswordAction = defineAction({
  schema: ZNewPassword,
  forPasswordChange: true,
  run: ({ actor, input }) => changeOwnPassword({ actor, current: input.current, next: input.next }),
  redirectTo: () => "/",
});
