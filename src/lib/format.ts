// Display formats shared by pages (Swedish, Europe/Stockholm).
const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

/** "2026-11-22 14:05" in Stockholm time; "–" when absent. */
export const formatDateTime = (instant: Date | null | undefined): string =>
  instant ? dateTime.format(instant) : "–";

const time = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
});

/** "14:05" in Stockholm time. */
export const formatTime = (instant: Date): string => time.format(instant);
