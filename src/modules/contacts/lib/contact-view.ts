import type { Contact } from "@/generated/prisma/client";
import { fromDbDate } from "@/lib/dates";
import { contactItems } from "@/modules/episodes/lib/facts";

/** A contact as the API and the pages show it (ZContact). */
export const toContactView = (c: Contact) => ({
  id: c.id,
  episodeId: c.episodeId,
  date: fromDbDate(c.date),
  time: c.time,
  type: c.type,
  counterpart: c.counterpart,
  reached: c.reached,
  madrsS: contactItems(c),
  madrsSTotal: c.madrsTotal,
  sickLeave: c.sickLeave,
  durationMinutes: c.durationMinutes,
  note: c.note,
  nextPlannedDate: c.nextPlannedDate ? fromDbDate(c.nextPlannedDate) : null,
  authorId: c.authorId,
  selfReportId: c.selfReportId,
  recordedAt: c.recordedAt.toISOString(),
});
