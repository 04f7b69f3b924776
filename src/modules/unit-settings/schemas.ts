import { z } from "zod";

const optional = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${what}: högst ${max} tecken.` })
    .transform((s) => (s === "" ? null : s))
    .nullish();

/** The unit's details as the settings page sends them. */
export const ZUnitDetails = z.object({
  unitId: z.uuid({ error: "Välj en enhet." }),
  name: z.string().trim().min(2, { error: "Ange enhetens namn." }).max(200, { error: "Högst 200 tecken." }),
  phone: optional(40, "Telefon").refine((p) => p == null || /^[0-9 +()-]{5,40}$/.test(p), {
    error: "Ange telefonnumret med siffror, t.ex. 031-123 45 67.",
  }),
  address: optional(300, "Adress"),
});
export type TUnitDetails = z.infer<typeof ZUnitDetails>;
