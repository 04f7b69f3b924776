import { z } from "zod";
import { ROLES } from "./roles";

export const ZUnit = z.object({ id: z.uuid(), name: z.string() });

export const ZMe = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  units: z.array(ZUnit),
});
