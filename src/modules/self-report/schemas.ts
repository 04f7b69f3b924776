import { z } from "zod";
import { ZLocalDate } from "@/lib/schemas";
import { ZMadrsS } from "@/modules/contacts/schemas";

/** A new link: the URL is shown once (only its token's hash is stored). */
export const ZSelfReportLinkCreated = z.object({
  id: z.uuid(),
  url: z.url().meta({ description: "Absolute, from the public base URL (SAMVARD_PUBLIC_URL)" }),
  expiresAt: z.iso.datetime({ offset: true }),
  replaced: z.int().meta({ description: "Open links of the episode this one replaced (revoked): 0 or 1" }),
});

export const ZSelfReportLinkRevoked = z.object({
  id: z.uuid(),
  revokedAt: z.iso.datetime({ offset: true }),
});

export const ZSelfReportInput = z.object({ madrsS: ZMadrsS });

export const ZSelfReportStored = z.object({
  id: z.uuid().meta({ description: "The SELF_REPORT contact" }),
  date: ZLocalDate,
  madrsSTotal: z.int(),
  urgentHelp: z.boolean().meta({
    description: "Livslust at or above the unit's safety threshold: tell the patient where to get help now",
  }),
  unit: z.object({ name: z.string(), phone: z.string().nullable() }),
});
