"use server";

import QRCode from "qrcode";
import { z } from "zod";
import { defineAction } from "@/modules/forms/lib/define-action";
import { createSelfReportLink, revokeSelfReportLink } from "./lib/links";

const ZEpisode = z.object({ episodeId: z.uuid({ error: "Insatsen saknas." }) });
const ZLink = ZEpisode.extend({ linkId: z.uuid({ error: "Länken saknas." }) });

/**
 * A new link: its URL and QR code are shown once, in the answer (only the
 * token's hash is stored), for the care manager to copy, print or send
 * through the region's own SMS or 1177 message service.
 */
export const createSelfReportLinkAction = defineAction({
  schema: ZEpisode,
  permission: "clinical:write",
  run: async ({ actor, input }) => {
    const link = await createSelfReportLink({ actor, episodeId: input.episodeId });
    const qrSvg = await QRCode.toString(link.url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { ...link, qrSvg };
  },
  revalidate: (_d, input) => [`/insatser/${input.episodeId}`],
});

export const revokeSelfReportLinkAction = defineAction({
  schema: ZLink,
  permission: "clinical:write",
  run: ({ actor, input }) => revokeSelfReportLink({ actor, linkId: input.linkId }),
  revalidate: (_d, input) => [`/insatser/${input.episodeId}`],
});
