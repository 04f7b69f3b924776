"use server";

import { defineAction, formFields } from "@/modules/forms/lib/define-action";
import { changeUserAccess, changeUserState, createUnitUser } from "./lib/unit-users";
import { ZNewUser, ZUserAccess, ZUserAction } from "./schemas";

/** The checkboxes of a form: every value of each repeated field. */
const withUnitIds = (form: FormData) => ({
  ...formFields(form),
  unitIds: form.getAll("unitIds").map(String),
});

export const createUserAction = defineAction({
  schema: ZNewUser,
  permission: "unit:administer",
  fromForm: withUnitIds,
  run: ({ actor, input }) => createUnitUser({ actor, input }),
  revalidate: ["/installningar/anvandare"],
});

export const userStateAction = defineAction({
  schema: ZUserAction,
  permission: "unit:administer",
  run: ({ actor, input }) => changeUserState({ actor, input }),
  revalidate: ["/installningar/anvandare"],
});

export const userAccessAction = defineAction({
  schema: ZUserAccess,
  permission: "unit:administer",
  fromForm: withUnitIds,
  run: ({ actor, input }) => changeUserAccess({ actor, input }),
  revalidate: ["/installningar/anvandare"],
});
