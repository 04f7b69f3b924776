// Display formats shared by pages (Swedish, Europe/Stockholm).
const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

/** "2026-11-22 14:05" in Stockholm time; "–" when absent. */
export const formatDateTime = (instant: Date | null | undefined): string =>
  instant ? dateTime.format(instant) : "–";
