// Which status changes domain.md allows. ACTIVE → RELAPSE_PREVENTION (after
// week 12, with a plan) → COMPLETED; DEACTIVATED (with a reason) from either
// open status. COMPLETED and DEACTIVATED are final.
import { addDays, type LocalDate } from "@/lib/local-date";
import { STATUS_LABEL as LABEL } from "@/lib/vocabulary";
import type { EpisodeStatus } from "@/modules/clinical/rules/evaluate";
import { isOpenStatus } from "@/modules/clinical/rules/facts";

export type StatusChangeCheck = {
  current: EpisodeStatus;
  /** The date of the current status: the start date or the last change's date. */
  currentSince: LocalDate;
  startDate: LocalDate;
  target: Exclude<EpisodeStatus, "ACTIVE">;
  date: LocalDate;
  /** The latest contact's date: closing before it would leave contacts after the close. */
  lastContactDate: LocalDate | null;
  twelveWeekDays: number;
};

/** Where an open status may go; the final ones (COMPLETED, DEACTIVATED) go nowhere. */
const ALLOWED: Record<"ACTIVE" | "RELAPSE_PREVENTION", readonly EpisodeStatus[]> = {
  ACTIVE: ["RELAPSE_PREVENTION", "COMPLETED", "DEACTIVATED"],
  RELAPSE_PREVENTION: ["COMPLETED", "DEACTIVATED"],
};

/** A Swedish reason the change is refused (HTTP 422), or null when it is allowed. */
export function refuseStatusChange(c: StatusChangeCheck): string | null {
  if (!isOpenStatus(c.current)) {
    return `Insatsen är ${LABEL[c.current].toLowerCase()} och kan inte ändras. Starta en ny insats vid behov.`;
  }
  if (!ALLOWED[c.current].includes(c.target)) {
    return `Status kan inte ändras från ${LABEL[c.current]} till ${LABEL[c.target]}.`;
  }
  if (c.date < c.currentSince) {
    return `Datumet kan inte vara före ${c.currentSince}, när nuvarande status började.`;
  }
  const twelveWeeks = addDays(c.startDate, c.twelveWeekDays);
  if (c.target === "RELAPSE_PREVENTION" && c.date < twelveWeeks) {
    return `Återfallsprevention kan börja först efter vecka 12 (från ${twelveWeeks}).`;
  }
  if (!isOpenStatus(c.target) && c.lastContactDate && c.date < c.lastContactDate) {
    return `Det finns kontakter efter ${c.date} (senast ${c.lastContactDate}); välj ett datum på eller efter den senaste kontakten.`;
  }
  return null;
}
